/**
 * Checks a sandbox write against the request schema Finch publishes for it (extracted from the
 * spec into src/shared/finch/sandbox-write-schemas.json), before anything is sent. Every
 * problem comes back as a field-level error with a dotted path the form can put next to the
 * field, e.g. `residence.state` or `pay_statements.0.gross_pay`. The rules the schema cannot
 * express (a period that ends before it starts…) come from sandbox-write-rules.ts, which the
 * renderer's forms run too before sending.
 */
import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import schemas from '@shared/finch/sandbox-write-schemas.json';
import type { SandboxWrite } from '@shared/finch/sandbox-write-extract';
import { CALENDAR_DATE_MESSAGE, sandboxWriteProblems } from '@shared/finch/sandbox-write-rules';
import { WorkbenchError } from '@main/platform/errors';

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
const validators = new Map<SandboxWrite, ValidateFunction>();

function validatorFor(write: SandboxWrite): ValidateFunction {
  let validate = validators.get(write);
  if (!validate) {
    validate = ajv.compile(datesAsFormat(schemas[write]));
    validators.set(write, validate);
  }
  return validate;
}

export interface FieldError {
  path: string;
  message: string;
}

/**
 * The spec marks some dates only with `title: "Date"` (dob, employment dates): they are dates
 * all the same, so they get `format: "date"` (a real calendar day) like the others.
 */
function datesAsFormat(node: unknown): object {
  if (Array.isArray(node)) return node.map(datesAsFormat);
  if (node === null || typeof node !== 'object') return node as object;
  const out = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, key === 'enum' ? value : datesAsFormat(value)]));
  return out['title'] === 'Date' && out['format'] === undefined ? { ...out, format: 'date' } : out;
}

export function checkSandboxWrite(write: SandboxWrite, body: unknown): FieldError[] {
  const validate = validatorFor(write);
  const schemaErrors = validate(body) ? [] : (validate.errors ?? []).map(toFieldError);
  return dedupe([...schemaErrors, ...sandboxWriteProblems(write, body)]);
}

/** Throws a validation error naming each field, or returns the body unchanged. */
export function assertSandboxWrite<T>(write: SandboxWrite, body: T): T {
  const fields = checkSandboxWrite(write, body);
  if (fields.length > 0) {
    const summary = fields
      .slice(0, 5)
      .map((f) => `${f.path}: ${f.message}`)
      .join('; ');
    throw new WorkbenchError(
      'validation',
      `This ${write} change does not match Finch’s schema: ${summary}${fields.length > 5 ? '; …' : ''}`,
      { fields },
    );
  }
  return body;
}

function toFieldError(error: ErrorObject): FieldError {
  const base = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const params = error.params as { additionalProperty?: string; missingProperty?: string };
  // Name the field itself, not its parent, so the form can mark the right input.
  const extra =
    error.keyword === 'additionalProperties'
      ? (params.additionalProperty ?? '')
      : error.keyword === 'required'
        ? (params.missingProperty ?? '')
        : '';
  const path = [base, extra].filter(Boolean).join('.') || '(body)';
  return { path, message: messageFor(error) };
}

function messageFor(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum':
      return `must be one of ${(params['allowedValues'] as unknown[]).filter((v) => v !== null).join(', ')}`;
    case 'format':
      return params['format'] === 'date' ? CALENDAR_DATE_MESSAGE : `must be a valid ${String(params['format'])}`;
    case 'type':
      return `must be ${String(params['type']).replace(',null', '').replace(',', ' or ')}`;
    case 'required':
      return 'is required';
    case 'exclusiveMinimum':
      return `must be greater than ${String(params['limit'])}`;
    default:
      return error.message ?? 'is not valid';
  }
}

/** `anyOf` branches repeat the same complaint; one line per path and message is enough. */
function dedupe(fields: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return fields.filter((f) => {
    const key = `${f.path}\u0000${f.message}`;
    if (seen.has(key) || f.message === 'must match a schema in anyOf') return false;
    seen.add(key);
    return true;
  });
}
