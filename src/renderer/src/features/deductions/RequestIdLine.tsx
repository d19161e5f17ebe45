/** Where an answer came from: its Finch-Request-IDs, in one quiet line. */
import type { JSX } from 'react';

export function RequestIdLine({ ids, prefix }: { ids: readonly string[]; prefix?: string }): JSX.Element {
  return (
    <p className="mono muted request-ids">
      {prefix ? `${prefix} · ` : ''}
      {ids.length === 1 ? 'Finch-Request-ID' : 'Finch-Request-IDs'}: {ids.length === 0 ? '—' : ids.join(', ')}
    </p>
  );
}
