/** One checklist item: verdict, the checklist line, evidence with request IDs, next step; manual items get a tick box. */
import type { JSX } from 'react';
import { useEffect, useState } from 'react';
import type { ReadinessItem } from '@shared/domain/readiness';
import { STATUS_LABELS } from '@shared/domain/readiness';

const stamp = (ms: number): string => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

interface Props {
  item: ReadinessItem;
  onTick: (checked: boolean, note: string) => void;
}

export function ReadinessItemCard({ item, onTick }: Props): JSX.Element {
  const [note, setNote] = useState(item.manual?.note ?? '');
  const ticked = item.manual?.checkedAt != null;
  // Shown at once; the saved report that comes back confirms (or corrects) it.
  const [checked, setChecked] = useState(ticked);
  useEffect(() => setChecked(ticked), [ticked]);
  return (
    <li className={`readiness-item readiness-${item.status}`} aria-labelledby={`ri-${item.id}`}>
      <div className="readiness-head">
        <span className={`readiness-badge readiness-badge-${item.status}`}>{STATUS_LABELS[item.status]}</span>
        <h3 id={`ri-${item.id}`}>{item.title}</h3>
        {item.kind === 'manual' && <span className="muted readiness-kind">manual check</span>}
      </div>
      {item.checklist.map((q) => (
        <blockquote key={q} className="readiness-quote">
          {q}
        </blockquote>
      ))}
      <p className="readiness-summary">{item.summary}</p>
      {item.evidence.length > 0 && (
        <ul className="readiness-evidence" aria-label={`Evidence for ${item.title}`}>
          {item.evidence.map((e, i) => (
            <li key={i}>
              {e.text}
              {(e.environment || e.at !== null) && (
                <span className="muted"> ({[e.environment, e.at !== null ? stamp(e.at) : null].filter(Boolean).join(', ')})</span>
              )}
              {e.requestIds.length > 0 && (
                <div className="readiness-ids mono">
                  Finch-Request-ID {e.requestIds.slice(0, 4).join(', ')}
                  {e.requestIds.length > 4 ? ` +${e.requestIds.length - 4}` : ''}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {item.next && (
        <p className="readiness-next">
          <strong>Next:</strong> {item.next}
        </p>
      )}
      {item.kind === 'manual' && (
        <div className="readiness-manual">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={checked}
              onChange={(e) => {
                setChecked(e.target.checked);
                onTick(e.target.checked, note);
              }}
            />{' '}
            Done
            {ticked && item.manual?.checkedAt != null && <span className="muted"> (ticked {stamp(item.manual.checkedAt)})</span>}
          </label>
          <input
            className="readiness-note"
            aria-label={`Note for ${item.title}`}
            placeholder="Note (optional): who checked, where it is documented"
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.target.value)}
            onBlur={() => checked && note !== (item.manual?.note ?? '') && onTick(true, note)}
          />
        </div>
      )}
    </li>
  );
}
