/** A batch item's own code as a badge: 200 quiet, 202 pending, 4xx/5xx an error. */
import type { JSX } from 'react';

export function CodeBadge({ code }: { code: number | null }): JSX.Element {
  const tone = code === 200 ? 'tone-ok' : code === 202 ? 'tone-warn' : 'tone-error';
  return <span className={`status ${tone}`}>{code ?? '—'}</span>;
}

/** Row class for a batch item: errors and pending items stand out in the table. */
export function rowTone(code: number | null): string | undefined {
  if (code === 200) return undefined;
  return code === 202 ? 'row-pending' : 'row-error';
}
