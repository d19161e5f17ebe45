/**
 * A value in a diff as Finch sent it: null, "" and a missing key look different, and personal
 * values (dob, SSN, pay amounts) stay masked until the user reveals them.
 */
import type { JSX } from 'react';

const SENSITIVE = /(^|\.)(ssn|encrypted_ssn|dob|income|income_history|amount)($|\.)/;

export function isSensitivePath(path: string): boolean {
  return SENSITIVE.test(path);
}

export function DiffValue({
  value,
  absent,
  path,
  revealed,
}: {
  value: unknown;
  absent: boolean;
  path: string;
  revealed: boolean;
}): JSX.Element {
  if (absent) return <span className="value-absent">— (absent)</span>;
  if (value === null) return <span className="value-null">null</span>;
  if (value === '') return <span className="value-empty">""</span>;
  if (isSensitivePath(path) && !revealed) return <span className="value-masked">•••• (hidden)</span>;
  if (typeof value === 'object') return <code className="mono">{JSON.stringify(value)}</code>;
  return <span>{String(value)}</span>;
}

/** The text an export cell gets: the same distinctions, spelled out (CSV has no null). */
export function diffValueText(value: unknown, absent: boolean): string {
  if (absent) return '(absent)';
  if (value === null) return 'null';
  if (value === '') return '""';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
