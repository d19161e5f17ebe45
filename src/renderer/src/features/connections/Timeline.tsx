/** A connection's events, newest first, with the request ids to quote. */
import type { JSX } from 'react';
import { useEffect } from 'react';
import { useRead } from '@renderer/components/data/use-read';
import { unwrap, workbench } from '@renderer/workbench';

type Event = { id: number; time: number; type: string; detail: Record<string, unknown>; requestIds: string[] };

export function Timeline({ connectionId }: { connectionId: string }): JSX.Element {
  const timeline = useRead(connectionId, () => unwrap(workbench().connections.timeline({ connectionId })));
  useEffect(() => workbench().connections.onChanged(timeline.reload), [timeline.reload]);
  const events: Event[] | null = timeline.data;
  if (timeline.error) return <p className="field-error">{timeline.error.message}</p>;
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
