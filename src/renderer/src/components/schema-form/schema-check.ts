/**
 * A form's value checked against the request schema it was drawn from, in the renderer, so a
 * bad field is marked before anything is sent. Main checks the same schemas with Ajv, which
 * compiles code at run time (the renderer's CSP forbids that), so this reads the schema
 * directly: the keywords Finch's sandbox schemas use (type, enum, format, required,
 * properties, items, allOf/anyOf, exclusiveMinimum, maximum, minLength, maxItems), with Ajv's
 * messages and dotted paths. A JSON box whose text does not parse is an error of its own.
 */
import { CALENDAR_DATE_MESSAGE, isCalendarDate } from '@shared/finch/sandbox-write-rules';
import type { FieldError, SchemaNode } from './schema-node';
import { UnparsedJson } from './schema-node';

type Checked = SchemaNode & { exclusiveMinimum?: number; maximum?: number; minLength?: number; maxItems?: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(allowed: string[], value: unknown): boolean {
  const actual = typeOf(value);
  return allowed.includes(actual) || (actual === 'integer' && allowed.includes('number'));
}

const isDate = (node: SchemaNode) => node.format === 'date' || node.title === 'Date';

function formatProblem(node: SchemaNode, value: string): string | null {
  if (isDate(node)) return isCalendarDate(value) ? null : CALENDAR_DATE_MESSAGE;
  if (node.format === 'uuid') return UUID.test(value) ? null : 'must be a valid uuid';
  if (node.format === 'email') return EMAIL.test(value) ? null : 'must be a valid email';
  return null;
}

const at = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/** Every problem of `value` against `node`, as field errors with dotted paths. */
export function checkAgainstSchema(node: Checked, value: unknown, path = ''): FieldError[] {
  const here = path || '(body)';
  if (value === undefined) return [];
  if (value instanceof UnparsedJson) return [{ path: here, message: `not valid JSON: ${value.problem}` }];
  if (node.anyOf) {
    const branches = node.anyOf.map((branch) => checkAgainstSchema(branch, value, path));
    if (branches.some((b) => b.length === 0)) return [];
    // The complaint worth showing is the real branch's, not "must be null".
    return (
      branches[
        Math.max(
          0,
          node.anyOf.findIndex((branch) => branch.type !== 'null'),
        )
      ] ?? []
    );
  }
  const errors = (node.allOf ?? []).flatMap((part) => checkAgainstSchema(part, value, path));
  const allowed = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  if (allowed.length > 0 && !typeMatches(allowed, value)) {
    return [...errors, { path: here, message: `must be ${allowed.filter((t) => t !== 'null').join(' or ')}` }];
  }
  if (node.enum && !node.enum.includes(value)) {
    return [...errors, { path: here, message: `must be one of ${node.enum.filter((v) => v !== null).join(', ')}` }];
  }
  if (typeof value === 'string') {
    const problem = formatProblem(node, value);
    if (problem) errors.push({ path: here, message: problem });
    if (node.minLength !== undefined && value.length < node.minLength)
      errors.push({ path: here, message: `must NOT have fewer than ${node.minLength} characters` });
  }
  if (typeof value === 'number') {
    if (node.exclusiveMinimum !== undefined && !(value > node.exclusiveMinimum))
      errors.push({ path: here, message: `must be greater than ${node.exclusiveMinimum}` });
    if (node.maximum !== undefined && value > node.maximum) errors.push({ path: here, message: `must be <= ${node.maximum}` });
  }
  if (Array.isArray(value)) {
    if (node.maxItems !== undefined && value.length > node.maxItems)
      errors.push({ path: here, message: `must NOT have more than ${node.maxItems} items` });
    if (node.items) value.forEach((item, i) => errors.push(...checkAgainstSchema(node.items!, item, at(path, i))));
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const key of node.required ?? []) if (record[key] === undefined) errors.push({ path: at(path, key), message: 'is required' });
    for (const [key, child] of Object.entries(node.properties ?? {})) errors.push(...checkAgainstSchema(child, record[key], at(path, key)));
  }
  return errors;
}
