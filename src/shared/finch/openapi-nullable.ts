/**
 * Finch's spec still uses OpenAPI 3.0's `nullable: true`, which JSON Schema 2020-12 does not
 * know (Ajv rejects it without a sibling `type`). Each `nullable` is translated to its 2020-12
 * meaning before compiling:
 *   { type: T, nullable: true }          → { type: [T, "null"] } (and null added to an enum)
 *   { $ref, nullable: true } / allOf…    → { anyOf: [<schema>, { type: "null" }] }
 *   { nullable: true } as a oneOf/anyOf branch → { type: "null" }  (the "or null" branch)
 *   { nullable: true } anywhere else     → {}                      (any value, null included)
 * Used by the simulator's response validator (tests) and the sandbox write-schema extractor.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

const META_KEYS = new Set(['nullable', 'description', 'title', 'example', 'examples', 'deprecated', 'default']);

export function isJsonObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function normalizeNullable(node: Json, inAlternatives = false): Json {
  if (Array.isArray(node)) return node.map((n) => normalizeNullable(n, inAlternatives));
  if (!isJsonObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    const alternatives = key === 'oneOf' || key === 'anyOf';
    out[key] = normalizeNullable(value, alternatives);
  }
  if (out['nullable'] !== true) return out;
  delete out['nullable'];
  const meaningful = Object.keys(out).filter((k) => !META_KEYS.has(k) && !k.startsWith('x-'));
  if (meaningful.length === 0) return inAlternatives ? { type: 'null' } : {};
  const type = out['type'];
  if (typeof type === 'string') {
    out['type'] = [type, 'null'];
  } else if (Array.isArray(type)) {
    if (!type.includes('null')) out['type'] = [...type, 'null'];
  } else {
    return { anyOf: [out, { type: 'null' }] };
  }
  const values = out['enum'];
  if (Array.isArray(values) && !values.includes(null)) out['enum'] = [...values, null];
  return out;
}
