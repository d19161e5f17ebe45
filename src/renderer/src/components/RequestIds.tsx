/** Where an answer came from: its Finch-Request-IDs in one quiet line, the first three until asked for all. */
import type { JSX } from 'react';
import { useState } from 'react';

/** "Finch-Request-ID: …" or "Finch-Request-IDs: a, b, c, … (12)": every view says where its data came from. */
export function RequestIds({ ids, prefix }: { ids: readonly string[]; prefix?: string }): JSX.Element {
  const [all, setAll] = useState(false);
  const shown = all ? ids : ids.slice(0, 3);
  return (
    <p className="mono muted request-ids">
      {prefix ? `${prefix} · ` : ''}
      {ids.length === 1 ? 'Finch-Request-ID' : 'Finch-Request-IDs'}: {ids.length === 0 ? '— (no call was made)' : shown.join(', ')}
      {ids.length > 3 && !all && (
        <>
          , …{' '}
          <button type="button" className="link-button" onClick={() => setAll(true)}>
            all {ids.length}
          </button>
        </>
      )}
    </p>
  );
}
