/**
 * Validates simulator responses against Finch's OpenAPI 3.1 spec (test/spec/finch-openapi.json,
 * a byte-for-byte copy of ../shared/finch/openapi.json) with Ajv's 2020-12 draft.
 *
 * The spec still uses OpenAPI 3.0's `nullable: true`, which JSON Schema 2020-12 does not know
 * (Ajv rejects it without a sibling `type`). The copy on disk is untouched; in memory each
 * `nullable` is translated to its 2020-12 meaning before compiling:
 *   { type: T, nullable: true }          → { type: [T, "null"] } (and null added to an enum)
 *   { $ref, nullable: true } / allOf…    → { anyOf: [<schema>, { type: "null" }] }
 *   { nullable: true } as a oneOf/anyOf branch → { type: "null" }  (the "or null" branch)
 *   { nullable: true } anywhere else     → {}                      (any value, null included)
 * Statuses a spec operation does not declare, and errors on paths outside the spec, are checked
 * against the spec's generic shapes: `Error` for 4xx/5xx, `AcceptedResponse` for 202.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export const SPEC_PATH = resolve(__dirname, '../../spec/finch-openapi.json');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const META_KEYS = new Set(['nullable', 'description', 'title', 'example', 'examples', 'deprecated', 'default']);

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function normalize(node: Json, inAlternatives: boolean): Json {
  if (Array.isArray(node)) return node.map((n) => normalize(n, inAlternatives));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    const alternatives = key === 'oneOf' || key === 'anyOf';
    out[key] = normalize(value, alternatives);
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

export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  security: 'bearer' | 'basic' | 'none' | 'optional-bearer';
  responses: Record<string, { hasJson: boolean }>;
}

const rawSpec = readFileSync(SPEC_PATH, 'utf8');
const spec = JSON.parse(rawSpec) as JsonObject;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
ajv.addSchema(normalize(spec, false) as object, 'finch-openapi');

const METHODS = ['get', 'post', 'put', 'delete', 'patch'];

function securityOf(op: JsonObject): SpecOperation['security'] {
  const security = op['security'];
  if (!Array.isArray(security) || security.length === 0) return 'none';
  const kinds = security.filter(isObject).map((s) => Object.keys(s)[0] ?? '');
  if (kinds.includes('')) return 'optional-bearer';
  return kinds.includes('basicAuth') ? 'basic' : 'bearer';
}

export const SPEC_OPERATIONS: readonly SpecOperation[] = (() => {
  const paths = spec['paths'];
  const out: SpecOperation[] = [];
  if (!isObject(paths)) return out;
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const responses: SpecOperation['responses'] = {};
      const declared = op['responses'];
      if (isObject(declared)) {
        for (const [status, response] of Object.entries(declared)) {
          const content = isObject(response) ? response['content'] : undefined;
          responses[status] = { hasJson: isObject(content) && isObject(content['application/json']) };
        }
      }
      out.push({ operationId: String(op['operationId']), method: method.toUpperCase(), path, security: securityOf(op), responses });
    }
  }
  return out;
})();

const pointer = (segment: string): string => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
const compiled = new Map<string, ValidateFunction>();

function validatorFor(ref: string): ValidateFunction {
  let fn = compiled.get(ref);
  if (!fn) {
    const found = ajv.getSchema(ref);
    if (!found) throw new Error(`no schema at ${ref}`);
    fn = found;
    compiled.set(ref, fn);
  }
  return fn;
}

const templates = SPEC_OPERATIONS.map((op) => ({
  op,
  params: (op.path.match(/\{/g) ?? []).length,
  regex: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

/** The spec operation for a concrete method and path (literal segments beat parameters). */
export function findOperation(method: string, path: string): SpecOperation | undefined {
  return templates
    .filter((t) => t.op.method === method.toUpperCase() && t.regex.test(path))
    .sort((a, b) => a.params - b.params)[0]?.op;
}

export interface ValidationOutcome {
  ok: boolean;
  schema: string;
  errors: string;
}

export function validateResponse(method: string, path: string, status: number, body: unknown): ValidationOutcome {
  const op = findOperation(method, path);
  if (!op && status < 400) return { ok: false, schema: '(none)', errors: `no spec operation for ${method} ${path}` };
  const declared = op?.responses[String(status)];
  let ref: string;
  if (declared?.hasJson) {
    ref = `finch-openapi#/paths/${pointer(op?.path ?? '')}/${method.toLowerCase()}/responses/${status}/content/${pointer('application/json')}/schema`;
  } else if (status >= 400) {
    ref = 'finch-openapi#/components/schemas/Error';
  } else if (status === 202) {
    ref = 'finch-openapi#/components/schemas/AcceptedResponse';
  } else {
    return { ok: false, schema: '(undeclared)', errors: `${op?.operationId ?? path} does not declare status ${status}` };
  }
  const validate = validatorFor(ref);
  const ok = validate(body) === true;
  return { ok, schema: ref, errors: ok ? '' : ajv.errorsText(validate.errors, { separator: '\n' }) };
}

export { rawSpec };
