/**
 * Pulls the request-body schemas of Finch's sandbox writes out of the OpenAPI spec, with every
 * `$ref` inlined and `nullable` translated (openapi-nullable.ts), so main can validate a form
 * with Ajv and the renderer can draw the form, neither reading test/spec at run time.
 * scripts/extract-sandbox-schemas.ts writes the result; a test fails when it drifts.
 */
import type { Json, JsonObject } from './openapi-nullable';
import { isJsonObject, normalizeNullable } from './openapi-nullable';

/** The writes the Sandbox screen offers, keyed by the name the app uses. */
export const SANDBOX_WRITES = {
  company: { method: 'put', path: '/sandbox/company' },
  directory: { method: 'post', path: '/sandbox/directory' },
  individual: { method: 'put', path: '/sandbox/individual/{individual_id}' },
  employment: { method: 'put', path: '/sandbox/employment/{individual_id}' },
  payment: { method: 'post', path: '/sandbox/payment' },
} as const;
export type SandboxWrite = keyof typeof SANDBOX_WRITES;

/** Descriptions help the form; the long ones (links, scope notes) are trimmed to a sentence. */
function tidy(node: Json): Json {
  if (Array.isArray(node)) return node.map(tidy);
  if (!isJsonObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-') || key === 'example' || key === 'examples') continue;
    out[key] = key === 'description' && typeof value === 'string' ? (value.split(/(?<=\.)\s/)[0] ?? value).slice(0, 160) : tidy(value);
  }
  // OpenAPI 3.0's boolean exclusiveMinimum (`minimum: 0, exclusiveMinimum: true`) is a number in 2020-12.
  if (out['exclusiveMinimum'] === true && typeof out['minimum'] === 'number') {
    out['exclusiveMinimum'] = out['minimum'];
    delete out['minimum'];
  } else if (out['exclusiveMinimum'] === false) delete out['exclusiveMinimum'];
  return out;
}

function inline(spec: JsonObject, node: Json, seen: readonly string[]): Json {
  if (Array.isArray(node)) return node.map((n) => inline(spec, n, seen));
  if (!isJsonObject(node)) return node;
  const ref = node['$ref'];
  if (typeof ref === 'string') {
    if (seen.includes(ref)) throw new Error(`recursive schema at ${ref}`);
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<Json | undefined>(
        (at, part) => (isJsonObject(at ?? null) ? (at as JsonObject)[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined),
        spec,
      );
    if (target === undefined) throw new Error(`unresolved ${ref}`);
    const { $ref: _ref, ...siblings } = node;
    // Siblings of a $ref (e.g. nullable, description) apply on top of the target.
    return inline(spec, { ...(target as JsonObject), ...siblings }, [...seen, ref]);
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) out[key] = inline(spec, value, seen);
  return out;
}

export function extractSandboxWriteSchemas(spec: JsonObject): Record<SandboxWrite, JsonObject> {
  const paths = spec['paths'] as JsonObject;
  const out = {} as Record<SandboxWrite, JsonObject>;
  for (const [name, { method, path }] of Object.entries(SANDBOX_WRITES) as [SandboxWrite, { method: string; path: string }][]) {
    const operation = (paths[path] as JsonObject | undefined)?.[method] as JsonObject | undefined;
    const schema = (
      ((operation?.['requestBody'] as JsonObject | undefined)?.['content'] as JsonObject | undefined)?.['application/json'] as
        JsonObject | undefined
    )?.['schema'];
    if (!schema) throw new Error(`the spec has no JSON request body for ${method.toUpperCase()} ${path}`);
    out[name] = normalizeNullable(tidy(inline(spec, schema, []))) as JsonObject;
  }
  return out;
}
