/**
 * Payloads for one channel, derived from and around its zod input schema:
 *  - valid-ish: every key filled from pools of plausible values (and ids the app handed out),
 *    kept only where the leaf schema accepts them;
 *  - around it: a key missing, an unknown key, a wrong type, a huge string, a
 *    prototype-pollution key, deep nesting, NaN/Infinity and other edge numbers,
 *    null/undefined, hostile strings, arrays and other non-objects in place of the object.
 * Whether a payload is valid is never assumed from how it was made: the test asks the
 * schema (that is the contract), and expects the guard to agree.
 */
import type { z } from 'zod';
import type { IdPools } from './pools';
import type { Rng } from './rng';
import { accepts, defOf, shapeOf, unwrap } from './schema-walk';
import { deeplyNested, edgeNumber, HOSTILE_STRINGS, hugeString, withPollutionKey, wrongTyped } from './values';

const PLAIN_STRINGS: readonly string[] = [
  'a',
  'Acme Corp',
  'Fuzz Env',
  'gusto',
  'finch',
  'bamboo_hr',
  'adp_run',
  'company',
  'directory',
  'ok',
  'rate_limited',
  'finch_application_rl',
  'client-id-123456',
  'c0ffee00-1111-4222-8333-444455556666',
  'a-long-enough-secret-value',
  'sandbox-token-0123456789',
  'https://api.example.test',
  'https://connect.example.test/',
  'http://127.0.0.1:4010',
  'http://localhost:8080/callback',
  'https://app.example.test/cb',
  '#2f5bd3',
  '#000000',
  'ops@example.com',
  ' padded name ',
  'Ünïcødé ✓',
  'x'.repeat(60),
  'x'.repeat(61),
  'x'.repeat(200),
  'x'.repeat(201),
  'employer',
  'error',
  'closed',
  'app://workbench',
  'employer_connection_error',
  'validation_error',
  // Pay-date ranges (coverage, snapshots): in order, reversed, and not a date.
  '2026-01-01',
  '2026-03-31',
  '2026-13-45',
  // Dates and a provider route: the explorer's date-ranged reads and forward console need them to get past validation.
  '2024-01-01',
  '2024-12-31',
  '2024-02-30',
  '/v1/employees',
  '/',
];

const PLAIN_NUMBERS: readonly number[] = [0, 1, 2, 5, 10, 20, 100, 101, 1000, 5000, 5001, 10_000, 10_001, 1_763_000_000_000, -1, 0.5];

export type PayloadClass =
  | 'valid'
  | 'missing-key'
  | 'extra-key'
  | 'wrong-type'
  | 'huge-string'
  | 'pollution'
  | 'deep-nesting'
  | 'edge-number'
  | 'nullish-field'
  | 'hostile-string'
  | 'not-an-object';

/** How often each class is drawn (per 100). */
const MIX: [PayloadClass, number][] = [
  ['valid', 22],
  ['missing-key', 7],
  ['extra-key', 7],
  ['wrong-type', 14],
  ['huge-string', 6],
  ['pollution', 8],
  ['deep-nesting', 4],
  ['edge-number', 6],
  ['nullish-field', 7],
  ['hostile-string', 9],
  ['not-an-object', 10],
];

export interface Payload {
  kind: PayloadClass;
  value: unknown;
}

export class PayloadMaker {
  constructor(
    private readonly rng: Rng,
    private readonly pools: IdPools,
  ) {}

  drawClass(allowValid: boolean): PayloadClass {
    for (;;) {
      let roll = this.rng.int(100);
      for (const [kind, weight] of MIX) {
        if (roll < weight) {
          if (kind === 'valid' && !allowValid) break;
          return kind;
        }
        roll -= weight;
      }
    }
  }

  make(schema: z.ZodType, kind: PayloadClass): Payload {
    const base = this.valid(schema);
    const object = isPlainRecord(base) ? base : {};
    const keys = Object.keys(shapeOf(schema));
    const key = keys.length > 0 ? this.rng.pick(keys) : `k${this.rng.int(5)}`;
    switch (kind) {
      case 'valid':
        return { kind, value: base };
      case 'missing-key': {
        const copy = { ...object };
        if (this.rng.chance(0.2)) for (const k of keys) delete copy[k];
        else delete copy[key];
        return { kind, value: copy };
      }
      case 'extra-key':
        return {
          kind,
          value: {
            ...object,
            [this.rng.pick(['admin', 'isAdmin', 'role', 'extra', 'secret', '', ' ', '0', 'then'])]: wrongTyped(this.rng),
          },
        };
      case 'wrong-type':
        return { kind, value: { ...object, [key]: wrongTyped(this.rng, object[key]) } };
      case 'huge-string':
        return { kind, value: { ...object, [key]: hugeString(this.rng) } };
      case 'pollution':
        return { kind, value: withPollutionKey(this.rng, object) };
      case 'deep-nesting':
        return { kind, value: this.rng.chance(0.5) ? { ...object, [key]: deeplyNested(this.rng) } : deeplyNested(this.rng) };
      case 'edge-number':
        return { kind, value: { ...object, [key]: edgeNumber(this.rng) } };
      case 'nullish-field':
        return { kind, value: { ...object, [key]: this.rng.chance(0.5) ? null : undefined } };
      case 'hostile-string':
        return { kind, value: { ...object, [key]: this.rng.pick(HOSTILE_STRINGS) } };
      case 'not-an-object':
        return { kind, value: this.rng.chance(0.15) ? [base] : wrongTyped(this.rng, {}) };
    }
  }

  /** A value the schema is likely to accept (the caller still asks the schema). */
  valid(schema: z.ZodType, key = '', depth = 0): unknown {
    const def = defOf(schema);
    if (depth > 8) return undefined;
    switch (def.type) {
      case 'optional':
        return this.rng.chance(0.35) ? undefined : this.valid(def.innerType!, key, depth + 1);
      case 'nullable':
        return this.rng.chance(0.15) ? null : this.valid(def.innerType!, key, depth + 1);
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
      case 'nonoptional':
        return this.valid(def.innerType!, key, depth + 1);
      case 'pipe':
        return this.valid(def.in!, key, depth + 1);
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const [k, child] of Object.entries(def.shape ?? {})) {
          const value = this.valid(child, k, depth + 1);
          if (value !== undefined) out[k] = value;
        }
        return out;
      }
      case 'array': {
        const length = 1 + this.rng.int(3);
        return Array.from({ length }, () => this.valid(def.element!, key, depth + 1));
      }
      case 'enum':
        return this.rng.pick(Object.values(def.entries ?? {}));
      case 'literal':
        return this.rng.pick(def.values ?? [null]);
      case 'boolean':
        return this.rng.chance(0.5);
      case 'null':
        return null;
      case 'union':
        return this.valid(this.rng.pick(def.options ?? []), key, depth + 1);
      case 'string':
        return this.fitting(schema, this.pools.stringsFor(key), PLAIN_STRINGS, () => `fuzz-${this.rng.int(1e9).toString(36)}`);
      case 'number':
        return this.fitting(schema, this.pools.numbersFor(key), PLAIN_NUMBERS, () => this.rng.int(100));
      case 'record':
        return {};
      default:
        return null;
    }
  }

  /** A candidate the leaf schema accepts: known ids first (half the time), then the general pool. */
  private fitting<T>(schema: z.ZodType, known: readonly T[], general: readonly T[], fallback: () => T): T {
    const leaf = unwrap(schema);
    const first = known.length > 0 && this.rng.chance(0.5) ? this.rng.shuffle([...known]).slice(0, 20) : [];
    for (const candidate of [...first, ...this.rng.shuffle([...general, ...known])].slice(0, 80))
      if (accepts(leaf, candidate)) return candidate;
    return fallback();
  }
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
