/** The scanner itself must find what it claims to find, or every "0 hits" would be hollow. */
import { describe, expect, it } from 'vitest';
import { scanBytes, scanFolder } from '../support/secret-scan';
import { startTestCore } from '../support/test-core';

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
      cases.push([
        `base64@${offset}`,
        Buffer.from(Buffer.concat([Buffer.alloc(offset, 7), plain, Buffer.from('tail')]).toString('base64')),
      ]);
    }
    for (const [name, bytes] of cases) expect(scanBytes(name, bytes, [SECRET]).length, name).toBeGreaterThan(0);
  });

  it('finds nothing where the secret is not', () => {
    expect(scanBytes('clean', Buffer.from('sk_live_MARKER_4f2a9c7e1 but one character short, and ciphertext A3kf9QpZ'), [SECRET])).toEqual(
      [],
    );
  });

  // The data-folder scan of the secret-scan journey (test/e2e/secret-scan.spec.ts) must fail when the
  // property breaks: a secret that slips into a logged message is found inside SQLite's pages.
  it('fails the data-folder scan when a secret is planted in a request-log line', async () => {
    const core = await startTestCore('scan-planted');
    const folder = core.app.dataFolder;
    try {
      core.requestLog.append({
        callId: 'planted',
        time: Date.now(),
        environmentId: 'local',
        connectionId: null,
        method: 'GET',
        path: '/employer/company',
        product: 'company',
        status: 500,
        durationMs: 3,
        attempt: 1,
        requestId: 'req-planted',
        outcome: 'server_error',
        errorName: 'internal_server_error',
        finchCode: null,
        message: `upstream said: token ${SECRET}`,
        retryAfterMs: null,
        dataRetrieved: null,
        lastUpdateDate: null,
        lastUpdateResult: null,
      });
      core.db.pragma('wal_checkpoint(TRUNCATE)');
      const hits = scanFolder(folder, [SECRET]);
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.some((h) => /\.(db|sqlite)/.test(h.where))).toBe(true);
    } finally {
      await core.close();
    }
  });
});
