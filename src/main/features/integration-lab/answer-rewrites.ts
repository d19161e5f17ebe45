/**
 * Rewrites of a real Finch answer, for the scenarios that change data rather than replace it.
 *
 * All-null: every field Finch's spec allows to be null (the field catalog generated from the
 * OpenAPI spec, src/shared/domain/field-catalog.ts) is set to null where the answer holds it;
 * the deepest nullable fields are nulled, so an object stays when its members can be null (the
 * app must read `residence.city: null`, not only `residence: null`). Fields the spec requires
 * non-null (ids) are kept, and absent fields stay absent (absent and null differ at Finch).
 * Products the catalog does not cover (pay statements, pay groups, benefits…) use a plain rule:
 * every leaf value except ids (`id`, `*_id`) and paging becomes null.
 *
 * Batch item errors: a 200 batch answer keeps its shape, and some items get a per-item error
 * instead of their record: 404 for the 2nd, 5th, 8th… item, 500 for the 3rd, 6th, 9th… (a
 * single-item batch gets a 404), each with Finch's per-item error body.
 */
import type { CatalogField, CatalogProduct } from '@shared/domain/coverage';
import { FIELD_CATALOG } from '@shared/domain/field-catalog';
import { BATCH_PATHS } from './scenarios';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Nullable fields with no nullable field under them (the ones to null). */
const DEEPEST_NULLABLE: Partial<Record<string, string[][]>> = Object.fromEntries(
  (Object.entries(FIELD_CATALOG) as [CatalogProduct, readonly CatalogField[]][]).map(([product, fields]) => {
    const nullable = fields.filter((f) => f.nullable).map((f) => f.path);
    const deepest = nullable.filter((p) => !nullable.some((q) => q !== p && (q.startsWith(`${p}.`) || q.startsWith(`${p}[].`))));
    return [product, deepest.map((p) => p.split('.'))];
  }),
);

function nullAt(record: Json, steps: readonly string[], index = 0): void {
  if (!isObject(record)) return;
  const step = steps[index]!;
  const array = step.endsWith('[]');
  const key = array ? step.slice(0, -2) : step;
  if (!Object.prototype.hasOwnProperty.call(record, key)) return;
  if (index === steps.length - 1) {
    record[key] = null;
    return;
  }
  const value = record[key]!;
  if (array) {
    if (Array.isArray(value)) for (const item of value) nullAt(item, steps, index + 1);
  } else nullAt(value, steps, index + 1);
}

const isIdKey = (key: string) => key === 'id' || key.endsWith('_id');

/** The plain rule: every leaf (and array of leaves) except ids and paging. */
function nullLeaves(value: Json): Json {
  if (Array.isArray(value)) {
    if (value.every((v) => !isObject(v) && !Array.isArray(v))) return null;
    return value.map(nullLeaves);
  }
  if (!isObject(value)) return null;
  for (const [key, member] of Object.entries(value)) {
    if (isIdKey(key) || key === 'paging') continue;
    value[key] = nullLeaves(member);
  }
  return value;
}

function nullRecord(product: string | null, record: Json): Json {
  const paths = product ? DEEPEST_NULLABLE[product] : undefined;
  if (!paths) return nullLeaves(record);
  for (const steps of paths) nullAt(record, steps);
  return record;
}

/** The records an answer holds, per product: the body, its `individuals`, batch items' bodies, or array items. */
export function nullEveryNullable(product: string | null, path: string, body: Json): Json {
  if (isObject(body) && Array.isArray(body['responses'])) {
    for (const item of body['responses'])
      if (isObject(item) && item['code'] === 200) item['body'] = nullRecord(product, item['body'] ?? null);
    return body;
  }
  if (product === 'directory' && isObject(body) && Array.isArray(body['individuals'])) {
    body['individuals'] = body['individuals'].map((r) => nullRecord(product, r));
    return body;
  }
  if (Array.isArray(body)) return body.map((r) => nullRecord(product, r));
  if (path === '/introspect' || path.startsWith('/auth/')) return body;
  return nullRecord(product, body);
}

const NOT_FOUND_CODES: Record<string, string> = { individual_id: 'individual_not_found', payment_id: 'payment_not_found' };

/** Rewrites some items of a batch answer to per-item errors; returns how many items it changed. */
export function injectBatchItemErrors(path: string, body: Json): number {
  const idKey = BATCH_PATHS.get(path.replace(/\/$/, '')) ?? 'individual_id';
  if (!isObject(body) || !Array.isArray(body['responses'])) return 0;
  const items = body['responses'];
  let changed = 0;
  items.forEach((item, i) => {
    if (!isObject(item)) return;
    const code = items.length === 1 ? 404 : i % 3 === 1 ? 404 : i % 3 === 2 ? 500 : 0;
    if (code === 0) return;
    const id = typeof item[idKey] === 'string' ? item[idKey] : 'unknown';
    item['code'] = code;
    item['body'] =
      code === 404
        ? {
            code,
            name: 'not_found_error',
            finch_code: NOT_FOUND_CODES[idKey] ?? 'not_found',
            message: `No record was found for ${idKey} ${id}.`,
          }
        : { code, name: 'server_error', finch_code: 'server_error', message: 'An unexpected error occurred while reading this item.' };
    changed++;
  });
  return changed;
}
