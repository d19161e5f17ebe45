/**
 * raw-json: spans of values in an answer's bytes, and the judgement that JSON.stringify of the
 * parsed value would give those very bytes (`canonical`). A wrong "yes" would store bytes a
 * re-encoding would not give, so every "yes" is checked against JSON.stringify here, over
 * seeded random values written both canonically and sloppily.
 */
import { describe, expect, it } from 'vitest';
import { RawJson } from '@main/platform/json/raw-json';

const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const textOf = (b: Uint8Array, s: number, e: number) => Buffer.from(b.subarray(s, e)).toString('utf8');

/** A small seeded generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRINGS = ['', 'plain', 'José', 'a"quote', 'back\\slash', 'line\nbreak', '\u2028', 'tab\t', '日本', '\u0001'];
const NUMBERS = [0, 1, -1, 84.5, 0.1, 123456789012345, 1234567890123456789, 1e21, 1e-7, 0.000001, -0.5, 2.25];
const KEYS = ['id', 'name', 'amount', '2', '10', 'a b', 'é', 'ssn', '__proto__'];

function value(r: () => number, depth: number): unknown {
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const kind = depth > 3 ? Math.floor(r() * 4) : Math.floor(r() * 6);
  if (kind === 0) return pick(STRINGS);
  if (kind === 1) return pick(NUMBERS);
  if (kind === 2) return pick([true, false, null]);
  if (kind === 3) return pick(STRINGS) + String(Math.floor(r() * 100));
  if (kind === 4) return Array.from({ length: Math.floor(r() * 4) }, () => value(r, depth + 1));
  const object: Record<string, unknown> = {};
  for (let i = Math.floor(r() * 4); i > 0; i--) object[pick(KEYS)] = value(r, depth + 1);
  return object;
}

/** Written as a careless server might: spaces, other number forms, needless escapes. */
function sloppy(v: unknown, r: () => number): string {
  const space = () => (r() < 0.2 ? ' ' : '');
  if (typeof v === 'number') {
    if (r() < 0.3 && Number.isInteger(v) && Math.abs(v) < 1e15) return r() < 0.5 ? `${v}.0` : `${v}e0`;
    return JSON.stringify(v);
  }
  if (typeof v === 'string') return r() < 0.2 ? JSON.stringify(v).replace(/a/g, '\\u0061') : JSON.stringify(v);
  if (Array.isArray(v)) return `[${space()}${v.map((x) => sloppy(x, r)).join(`,${space()}`)}]`;
  if (v && typeof v === 'object')
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}:${space()}${sloppy(x, r)}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

describe('RawJson', () => {
  it('says canonical only where JSON.stringify gives back the very bytes, and finds every element', () => {
    const r = rng(7);
    let canonicalSeen = 0;
    for (let round = 0; round < 400; round++) {
      const values = Array.from({ length: 8 }, () => value(r, 0));
      for (const text of [JSON.stringify(values), `[${values.map((v) => sloppy(v, r)).join(',')}]`]) {
        const bytes = bytesOf(text);
        const spans = RawJson.of(bytes)!.elements(0)!;
        expect(spans.length).toBe(values.length);
        spans.forEach((span, i) => {
          const slice = textOf(bytes, span.start, span.end);
          expect(JSON.parse(slice)).toEqual(JSON.parse(JSON.stringify(values[i])));
          if (span.canonical) {
            canonicalSeen += 1;
            expect(slice).toBe(JSON.stringify(JSON.parse(slice)));
          }
        });
      }
    }
    // The shortcut is actually taken for most values.
    expect(canonicalSeen).toBeGreaterThan(2000);
  });

  it('says no to each form JSON.stringify would write differently', () => {
    const cases = ['1.50', '1e3', '-0', '0.0000001', '12345678901234567', '{"2":1,"a":2}', '"a\\"b"', '{ "a":1}', '[1, 2]'];
    for (const text of cases) {
      const bytes = bytesOf(`[${text}]`);
      const [span] = RawJson.of(bytes)!.elements(0) ?? [{ canonical: false }];
      expect({ text, canonical: span!.canonical }).toEqual({ text, canonical: false });
    }
    for (const text of ['1.5', '-0.5', '0', '0.000001', '123456789012345', '{"a":[1,{"b":null}]}', '"José"', 'true']) {
      const [span] = RawJson.of(bytesOf(`[${text}]`))!.elements(0)!;
      expect({ text, canonical: span!.canonical }).toEqual({ text, canonical: true });
    }
  });

  it('finds a member without reading past it, and members of each element in one pass', () => {
    const text = '{"paging":{"count":2},"responses":[{"code":200,"body":{"a":1,"ssn":null}},{"code":404,"body":null}]}';
    const json = RawJson.of(bytesOf(text))!;
    const at = json.find(0, 'responses');
    expect(text.slice(at, at + 2)).toBe('[{');
    const elements = json.objectElements(at, 'body')!;
    const body = RawJson.member(elements[0]!, 'body')!;
    expect(body.members!.map((m) => [m.key, text.slice(m.keyStart, m.end)])).toEqual([
      ['a', '"a":1'],
      ['ssn', '"ssn":null'],
    ]);
    expect(text.slice(body.start, body.end)).toBe('{"a":1,"ssn":null}');
    expect(RawJson.member(elements[1]!, 'body')!.members).toBeUndefined();
  });

  it('refuses bytes that are not UTF-8 (a decoded answer would not match them)', () => {
    expect(RawJson.of(new Uint8Array([0x5b, 0x22, 0xff, 0x22, 0x5d]))).toBeNull();
  });

  it('throws on bytes that are not JSON, which JSON.parse would refuse too', () => {
    const bad = [
      '1.',
      '01',
      '-',
      '1e',
      '.5',
      'tru',
      'nul',
      '"a\\x"',
      '"\\u12G4"',
      '"a\tb"',
      '[1,]',
      '[1 2]',
      '{"a" 1}',
      '{"a":1,}',
      '{1:2}',
      '"abc',
    ];
    for (const text of bad) {
      expect(() => JSON.parse(`[${text}]`), text).toThrow();
      const json = RawJson.of(bytesOf(`[${text}]`))!;
      expect(() => json.elements(0), text).toThrow(/raw JSON/);
    }
    // Deeper than any answer: refused instead of exhausting the stack.
    expect(() => RawJson.of(bytesOf(`[${'['.repeat(300)}${']'.repeat(300)}]`))!.elements(0)).toThrow(/too deep/);
  });

  it('reads a root object whole: the elements of its list in the same pass, nothing after it', () => {
    const text =
      '{"responses":[{"individual_id":"a","code":200,"body":{"x":[1,2,3]}},{"individual_id":"b","code":404,"body":null}],"paging":{"count":2}}';
    const json = RawJson.of(bytesOf(text))!;
    const root = json.root('responses', 'body')!;
    expect(root.members.map((m) => m.key)).toEqual(['responses', 'paging']);
    expect(root.elements.map((members) => json.stringAt(RawJson.member(members, 'individual_id')!))).toEqual(['a', 'b']);
    const list = RawJson.member(RawJson.member(root.elements[0]!, 'body')!.members!, 'x')!;
    expect([list.count, json.valueAt(list)]).toEqual([3, [1, 2, 3]]);
    expect(RawJson.of(bytesOf(`${text} `))!.root('responses')).toBeNull();
    expect(RawJson.of(bytesOf(text.replace('"paging"', '"other"')))!.root('nothing')).toBeNull();
    expect(() => RawJson.of(bytesOf(text.replace('{"count":2}', '{"count":2,}')))!.root('responses')).toThrow(/raw JSON/);
  });

  it('reads every key as written, however many different keys come and in whatever order', () => {
    // Keys are reused from a small table by a hash of their bytes: a wrong reuse would rename a member.
    const r = rng(7);
    const keys = Array.from({ length: 3000 }, (_v, i) => `k${i.toString(36)}_${Math.floor(r() * 1e6).toString(36)}`);
    for (const round of [0, 1]) {
      const order = round === 0 ? keys : [...keys].reverse();
      const text = `{${order.map((k, i) => `${JSON.stringify(k)}:${i}`).join(',')}}`;
      const json = RawJson.of(bytesOf(text))!;
      expect(json.members(0)!.map((m) => m.key)).toEqual(order);
      // Keys that differ only in a byte of the same length, and non-ASCII keys, stay apart.
      const near = RawJson.of(bytesOf('{"ab":1,"ba":2,"ab ":3,"é":4,"e":5}'))!;
      expect(near.members(0)!.map((m) => m.key)).toEqual(['ab', 'ba', 'ab ', 'é', 'e']);
    }
  });

  it('reads a code as the number JSON.parse gives', () => {
    const text = '{"a":200,"b":0,"c":-1,"d":2e2,"e":1234567890123,"f":12.5,"g":null}';
    const json = RawJson.of(bytesOf(text))!;
    const values = json.members(0)!.map((m) => json.integerAt(m));
    expect(values).toEqual([200, 0, -1, 200, 1234567890123, 12.5, null]);
  });
});
