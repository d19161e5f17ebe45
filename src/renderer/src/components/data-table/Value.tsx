/**
 * One value as Finch returned it: `null` is shown as null (unsupported, blank, or unknown:
 * not the same as ""), absent as —, and sensitive fields stay masked until revealed.
 */
import type { JSX } from 'react';
import { isSensitive, MASK, maskSensitive } from '../sensitive';

export { isSensitive, MASK, maskSensitive };

export function Value({ value, path, revealed }: { value: unknown; path: string; revealed: boolean }): JSX.Element {
  if (value === null) return <span className="value-null">null</span>;
  if (value === undefined) return <span className="value-absent">—</span>;
  if (value === '') return <span className="value-empty">""</span>;
  if (isSensitive(path) && !revealed) return <span className="value-masked">{MASK}</span>;
  if (Array.isArray(value) && value.length > 2) {
    return (
      <details>
        <summary>{value.length} items</summary>
        <code>{JSON.stringify(maskSensitive(value, revealed, path))}</code>
      </details>
    );
  }
  if (typeof value === 'object') return <code>{JSON.stringify(maskSensitive(value, revealed, path))}</code>;
  return <span>{String(value)}</span>;
}

/** Flattens a record into dotted paths for a key/value view. */
export function flatten(value: unknown, prefix = ''): [string, unknown][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [[prefix || '(value)', value]];
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return [[prefix, value]];
  return entries.flatMap(([k, v]) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? flatten(v, prefix ? `${prefix}.${k}` : k)
      : [[prefix ? `${prefix}.${k}` : k, v] as [string, unknown]],
  );
}

/** Whether anything in a response would be masked (then a Reveal toggle is worth showing). */
export function hasSensitive(value: unknown): boolean {
  return JSON.stringify(maskSensitive(value, false)) !== JSON.stringify(value);
}
