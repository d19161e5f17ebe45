/** The scanner itself must find what it claims to find, or every "0 hits" would be hollow. */
import { describe, expect, it } from 'vitest';
import { scanBytes } from '../support/secret-scan';

const SECRET = 'sk_live_MARKER_4f2a9c7e1b';

describe('secret scanner', () => {
  it('finds the secret in every encoding, at any offset', () => {
    const plain = Buffer.from(SECRET);
    const cases: [string, Buffer][] = [
      ['utf-8', Buffer.from(`xx${SECRET}yy`)],
      ['utf-16le', Buffer.from(`a${SECRET}b`, 'utf16le')],
      ['hex', Buffer.from(`0x${plain.toString('hex')}`)],
      ['url', Buffer.from(`q=${encodeURIComponent(`${SECRET}&/`)}`)],
    ];
    for (let offset = 0; offset < 4; offset++) {
      cases.push([`base64@${offset}`, Buffer.from(Buffer.concat([Buffer.alloc(offset, 7), plain, Buffer.from('tail')]).toString('base64'))]);
    }
    for (const [name, bytes] of cases) expect(scanBytes(name, bytes, [SECRET]).length, name).toBeGreaterThan(0);
  });

  it('finds nothing where the secret is not', () => {
    expect(scanBytes('clean', Buffer.from('sk_live_MARKER_4f2a9c7e1 but one character short, and ciphertext A3kf9QpZ'), [SECRET])).toEqual([]);
  });
});
