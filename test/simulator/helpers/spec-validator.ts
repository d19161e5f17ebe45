/**
 * Validates simulator responses against Finch's OpenAPI 3.1 spec (test/spec/finch-openapi.json,
 * a byte-for-byte copy of ../shared/finch/openapi.json) with Ajv's 2020-12 draft.
 *
 * The copy on disk is untouched; in memory `nullable` is translated to JSON Schema 2020-12
 * (src/shared/finch/openapi-nullable.ts) before compiling.
 * Statuses a spec operation does not declare, and errors on paths outside the spec, are checked
 * against the spec's generic shapes: `Error` for 4xx/5xx, `AcceptedResponse` for 202.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { JsonObject } from '@shared/finch/openapi-nullable';
import { isJsonObject as isObject, normalizeNullable } from '@shared/finch/openapi-nullable';

export const SPEC_PATH = resolve(__dirname, '../../spec/finch-openapi.json');

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
ajv.addSchema(normalizeNullable(spec) as object, 'finch-openapi');

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
  return templates.filter((t) => t.op.method === method.toUpperCase() && t.regex.test(path)).sort((a, b) => a.params - b.params)[0]?.op;
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

/** Checks a value against one of the spec's component schemas (e.g. `WebhookEvent`). */
export function validateComponent(name: string, value: unknown): ValidationOutcome {
  const ref = `finch-openapi#/components/schemas/${name}`;
  const validate = validatorFor(ref);
  const ok = validate(value) === true;
  return { ok, schema: ref, errors: ok ? '' : ajv.errorsText(validate.errors, { separator: '\n' }) };
}
