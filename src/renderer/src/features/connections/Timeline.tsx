/** A connection's events, newest first, with the request ids to quote. */
import type { JSX } from 'react';
import { useEffect, useState } from 'react';
import { unwrap, workbench } from '@renderer/workbench';

type Event = { id: number; time: number; type: string; detail: Record<string, unknown>; requestIds: string[] };

export function Timeline({ connectionId }: { connectionId: string }): JSX.Element {
  const [events, setEvents] = useState<Event[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const load = () => unwrap(workbench().connections.timeline({ connectionId })).then(setEvents, (e: Error) => setError(e.message));
    void load();
    return workbench().connections.onChanged(() => void load());
  }, [connectionId]);
  if (error) return <p className="field-error">{error}</p>;
  if (!events) return <p className="muted">Loading…</p>;
  return (
    <ol className="timeline" aria-label={`Events of ${connectionId}`}>
      {events.map((e) => (
        <li key={e.id}>
          <span className="mono">{new Date(e.time).toLocaleString()}</span> <strong>{e.type.replace(/_/g, ' ')}</strong>
          {typeof e.detail['message'] === 'string' && <span className="muted"> — {e.detail['message']}</span>}
          {e.requestIds.length > 0 && <span className="mono muted"> · {e.requestIds.join(', ')}</span>}
        </li>
      ))}
    </ol>
  );
}
