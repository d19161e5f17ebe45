/**
 * Reading and checking request input (query paging, batch request lists, JSON bodies), with
 * Finch-shaped errors for anything malformed.
 */
import { parseIsoDay } from '../data/dates';
import { errors } from '../http/finch-errors';

export const MAX_BATCH_ITEMS = 10_000;

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectBody(body: unknown, what = 'The request body'): JsonObject {
  if (body === undefined) throw errors.invalidRequest(`${what} is required (a JSON object).`);
  if (!isObject(body)) throw errors.invalidRequest(`${what} must be a JSON object.`);
  return body;
}

/** A body the spec makes optional: absent (the SDK sends none for a call without params) = {}. */
export function optionalObjectBody(body: unknown): JsonObject {
  return body === undefined ? {} : objectBody(body);
}

/** Throws the "is required" error (not "must be …") when a required field is absent or null. */
export function requirePresent(object: JsonObject, key: string, hint = ''): unknown {
  const value = object[key];
  if (value === undefined || value === null) throw errors.invalidRequest(`"${key}" is required${hint ? ` (${hint})` : ''}.`);
  return value;
}

function intParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw)) throw errors.unprocessable(`Query parameter "${name}" must be an integer.`, 'invalid_paging');
  return Number(raw);
}

/** limit/offset from the query: limit defaults and is capped, offset ≥ 0. */
export function paging(query: URLSearchParams, defaultLimit: number, maxLimit: number): { limit: number; offset: number } {
  const limit = intParam(query, 'limit') ?? defaultLimit;
  const offset = intParam(query, 'offset') ?? 0;
  if (limit < 1 || limit > maxLimit) throw errors.unprocessable(`"limit" must be between 1 and ${maxLimit}.`, 'invalid_paging');
  if (offset < 0) throw errors.unprocessable('"offset" must not be negative.', 'invalid_paging');
  return { limit, offset };
}

/** The `requests` array of a batch endpoint; over 10,000 items is a 422. */
export function batchRequests(body: unknown, idField: string, max = MAX_BATCH_ITEMS): JsonObject[] {
  const object = objectBody(body);
  const requests = requirePresent(object, 'requests', 'an array of items');
  if (!Array.isArray(requests)) throw errors.invalidRequest('"requests" must be an array.');
  if (requests.length > max) {
    throw errors.unprocessable(`A batch may hold at most ${max} items; this request has ${requests.length}.`, 'batch_limit_exceeded');
  }
  requests.forEach((item, index) => {
    if (!isObject(item) || typeof item[idField] !== 'string' || item[idField] === '') {
      throw errors.invalidRequest(`requests[${index}].${idField} must be a non-empty string.`);
    }
  });
  return requests as JsonObject[];
}

export function requiredDay(query: URLSearchParams, name: string): string {
  const value = query.get(name);
  if (value === null || value === '') throw errors.invalidRequest(`Query parameter "${name}" is required (YYYY-MM-DD).`);
  if (parseIsoDay(value) === null) throw errors.invalidRequest(`Query parameter "${name}" must be a date (YYYY-MM-DD).`);
  return value;
}

export function optionalDay(value: unknown, name: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || parseIsoDay(value) === null) throw errors.invalidRequest(`"${name}" must be a date (YYYY-MM-DD).`);
  return value;
}

/** Repeated (`a=1&a=2`), comma-separated (`a=1,2`) and bracketed (`a[]=1`) list parameters. */
export function listParam(query: URLSearchParams, name: string): string[] {
  const values = [...query.getAll(name), ...query.getAll(`${name}[]`)];
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

export function optionalString(object: JsonObject, key: string): string | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw errors.invalidRequest(`"${key}" must be a string.`);
  return value;
}

export function requiredString(object: JsonObject, key: string): string {
  const value = optionalString(object, key);
  if (value === undefined || value === '') throw errors.invalidRequest(`"${key}" is required.`);
  return value;
}

export function stringArray(object: JsonObject, key: string): string[] | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw errors.invalidRequest(`"${key}" must be an array of strings.`);
  return value as string[];
}
