/**
 * textOf takes a fast path for ASCII bytes: whatever the bytes, it must give the string
 * TextDecoder (UTF-8) gives, including for views into a larger buffer.
 */
import { describe, expect, it } from 'vitest';
import { textOf } from '@main/platform/json/text-of';

const decoder = new TextDecoder();

/** The bytes placed in the middle of a larger buffer, as a view (answers are often views). */
function view(bytes: Uint8Array): Uint8Array {
  const backing = new Uint8Array(bytes.length + 16).fill(0xe9);
  backing.set(bytes, 8);
  return backing.subarray(8, 8 + bytes.length);
}

describe('textOf', () => {
  const cases: [string, Uint8Array][] = [
    ['plain ASCII JSON', new TextEncoder().encode('{"id":"a1","name":"Ada","n":[1,2,3]}')],
    ['accents and other scripts', new TextEncoder().encode('{"name":"José Ñúñez","city":"東京","emoji":"🙂"}')],
    ['a Latin-1 byte that is not UTF-8', Uint8Array.from([0x7b, 0x22, 0xe9, 0x22, 0x7d])],
    ['a byte-order mark first', Uint8Array.from([0xef, 0xbb, 0xbf, 0x5b, 0x5d])],
    ['nothing', new Uint8Array(0)],
  ];
  for (const [name, bytes] of cases)
    it(`gives what UTF-8 decoding gives: ${name}`, () => {
      expect(textOf(bytes)).toBe(decoder.decode(bytes));
      expect(textOf(view(bytes))).toBe(decoder.decode(bytes));
    });

  it('reads JSON with non-ASCII text back to the same values', () => {
    const value = { first_name: 'Zoë', last_name: 'Brontë', title: 'Ingénieure', note: '☃' };
    expect(JSON.parse(textOf(view(new TextEncoder().encode(JSON.stringify(value)))))).toEqual(value);
  });
});
