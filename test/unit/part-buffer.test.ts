/**
 * PartBuffer: a snapshot part's bytes. An id written as a JSON string literal must be exactly
 * what JSON.stringify writes, or a record's hash would differ from the one an older snapshot
 * holds for it (and a diff would see a change where there is none).
 */
import { describe, expect, it } from 'vitest';
import { PartBuffer } from '@main/features/snapshots/part-buffer';

const SAMPLES = [
  '',
  'b47dd88a-ef07-4f21-bd93-ded2c2264e9f',
  'a"quote',
  'back\\slash',
  'line\nbreak',
  'tab\t',
  '\u0000\u001f',
  'del\u007f',
  'José',
  '日本',
  '\u2028',
  '\ud800 lone surrogate',
  '😀',
  ' spaces ',
  "~!@#$%^&*()_+{}|:<>?[];',./`",
];

describe('PartBuffer', () => {
  it('writes a string as the very bytes JSON.stringify gives', () => {
    for (const sample of SAMPLES) {
      const out = new PartBuffer(4);
      out.jsonString(sample);
      expect(out.done().toString('utf8')).toBe(JSON.stringify(sample));
      out.release();
    }
  });

  it('grows as it is written and keeps what came before', () => {
    const out = new PartBuffer(1);
    let expected = '';
    for (let i = 0; i < 2_000; i++) {
      const id = `id-${i}`.repeat((i % 7) + 1);
      out.text(i === 0 ? '[' : ',');
      out.jsonString(id);
      expected += (i === 0 ? '[' : ',') + JSON.stringify(id);
    }
    out.text(']');
    expect(JSON.parse(out.done().toString('utf8'))).toEqual(JSON.parse(`${expected}]`));
    expect(out.done().toString('utf8')).toBe(`${expected}]`);
    out.release();
  });
});
