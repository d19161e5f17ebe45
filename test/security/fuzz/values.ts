/**
 * Values that stress a validator: every wrong type, the edges of numbers, hostile strings,
 * prototype-pollution keys, deep nesting and huge strings. Big values are built on demand
 * (never kept), so the storm's memory stays flat.
 */
import type { Rng } from './rng';

export const POLLUTION_MARKER = 'polluted-by-ipc-fuzz';

/** Strings that are the right type but hostile content: they must pass through or fail cleanly. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF\uD800',
  '\u202Eevil',
  '🙂'.repeat(50),
  'ﷺ'.repeat(30),
  "' OR 1=1 --",
  '"; DROP TABLE environments; --',
  'NEAR(',
  '"unbalanced',
  'a* OR b*',
  'col:value',
  '^start',
  'AND',
  '(((',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'file:///etc/passwd',
  'javascript:alert(1)',
  '<script>alert(1)</script>',
  '${process.exit(1)}',
  '{{7*7}}',
  '%00',
  '%s%s%s%n',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'http://169.254.169.254/latest/meta-data',
  'https://evil.example/redirect',
  'http://[::1]:1',
  'http://user:pass@127.0.0.1:1',
];

export function hugeString(rng: Rng): string {
  const size = rng.pick([10_001, 200_000, 1_000_001, 2_100_000]);
  return rng
    .pick(['x', 'é', '🙂', 'a '])
    .repeat(Math.ceil(size / 2))
    .slice(0, size);
}

export function deeplyNested(rng: Rng): unknown {
  const depth = rng.pick([100, 1_000, 10_000]);
  let value: unknown = rng.pick(['leaf', 1, null]);
  for (let i = 0; i < depth; i++) value = rng.chance(0.5) ? [value] : { nested: value };
  return value;
}

/** A value of some other type than `like` (or any type when `like` is undefined). */
export function wrongTyped(rng: Rng, like?: unknown): unknown {
  const candidates: (() => unknown)[] = [
    () => null,
    () => undefined,
    () => true,
    () => false,
    () => 0,
    () => -1,
    () => 1.5,
    () => Number.NaN,
    () => Number.POSITIVE_INFINITY,
    () => Number.NEGATIVE_INFINITY,
    () => -0,
    () => Number.MAX_SAFE_INTEGER + 2,
    () => 1e308,
    () => Number.MIN_VALUE,
    () => 10n,
    () => 'string',
    () => '42',
    () => 'true',
    () => 'null',
    () => [],
    () => ['a'],
    () => [1, 2, 3],
    () => ({}),
    () => ({ a: 1 }),
    () => new Date(0),
    () => new Date(Number.NaN),
    () => new Map([['a', 1]]),
    () => new Set([1]),
    () => new Uint8Array([1, 2, 3]),
    () => Object.create(null) as unknown,
    () => deeplyNested(rng),
    () => /regex/,
  ];
  for (let i = 0; i < 10; i++) {
    const value = rng.pick(candidates)();
    if (like === undefined || kindOf(value) !== kindOf(like)) return value;
  }
  return kindOf(like) === 'null' ? 'not null' : null;
}

export function edgeNumber(rng: Rng): number {
  return rng.pick([
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    -1,
    0,
    0.5,
    1,
    1e21,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MIN_SAFE_INTEGER,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53,
    Number.EPSILON,
  ]);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** An object that carries a prototype-pollution key as an *own* property, as JSON.parse makes it. */
export function withPollutionKey(rng: Rng, base: Record<string, unknown>): Record<string, unknown> {
  const body = JSON.stringify(base, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value)) ?? '{}';
  const inner = body.length > 2 ? `,${body.slice(1, -1)}` : '';
  const injected = rng.pick([
    `"__proto__":{"polluted":"${POLLUTION_MARKER}","isAdmin":true}`,
    `"constructor":{"prototype":{"polluted":"${POLLUTION_MARKER}"}}`,
    `"__proto__":{"__proto__":{"polluted":"${POLLUTION_MARKER}"}}`,
    `"prototype":{"polluted":"${POLLUTION_MARKER}"}`,
    `"toString":"${POLLUTION_MARKER}"`,
    `"hasOwnProperty":"${POLLUTION_MARKER}"`,
  ]);
  return JSON.parse(`{${injected}${inner}}`) as Record<string, unknown>;
}
