/**
 * What Finch's request schemas cannot say about a sandbox write, checked in the renderer
 * before a form is sent and again in main before the call: dates are real calendar days in
 * Finch's YYYY-MM-DD, a period does not end before it starts, a birth date is not in the
 * future. (Amounts being whole cents, enums, formats are the schema's job.) Paths are dotted,
 * like the schema errors, so a form can mark the field.
 */
import type { SandboxWrite } from './sandbox-write-extract';

export interface FieldProblem {
  path: string;
  message: string;
}

export const CALENDAR_DATE_MESSAGE = 'must be a valid date (YYYY-MM-DD)';

/** `2024-02-29` yes, `2023-02-29`, `31/02/1990` and `2024-2-1` no. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

type Record_ = Record<string, unknown>;
const isRecord = (v: unknown): v is Record_ => v !== null && typeof v === 'object' && !Array.isArray(v);
const validDate = (v: unknown): v is string => typeof v === 'string' && isCalendarDate(v);
const at = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key);

/** `end` must not come before `start` when both are real dates (ISO dates compare as text). */
function periodProblems(record: Record_, start: string, end: string, prefix: string): FieldProblem[] {
  const [from, to] = [record[start], record[end]];
  return validDate(from) && validDate(to) && to < from
    ? [{ path: at(prefix, end), message: `must be on or after ${start} (${from})` }]
    : [];
}

function personProblems(record: Record_, prefix: string, today: string): FieldProblem[] {
  const dob = record['dob'];
  return [
    ...(validDate(dob) && dob > today ? [{ path: at(prefix, 'dob'), message: 'must not be in the future' }] : []),
    ...periodProblems(record, 'start_date', 'end_date', prefix),
  ];
}

/** Problems of a write's body (the directory's is an array of people) that its schema lets through. */
export function sandboxWriteProblems(write: SandboxWrite, body: unknown, today = new Date().toISOString().slice(0, 10)): FieldProblem[] {
  switch (write) {
    case 'payment':
      return isRecord(body) ? periodProblems(body, 'start_date', 'end_date', '') : [];
    case 'individual':
    case 'employment':
      return isRecord(body) ? personProblems(body, '', today) : [];
    case 'directory':
      return Array.isArray(body) ? body.flatMap((person, i) => (isRecord(person) ? personProblems(person, String(i), today) : [])) : [];
    case 'company':
      return [];
  }
}
