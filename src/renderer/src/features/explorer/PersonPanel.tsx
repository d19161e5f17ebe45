/** One person: individual + employment, every field, nulls visible, sensitive values masked. */
import type { JSX } from 'react';
import { useEffect, useState } from 'react';
import { unwrap, workbench } from '../../workbench';
import { flatten, isSensitive, Value } from './Value';

type Item = { code: number | null; body: unknown } | null;

export function PersonPanel({ connectionId, individualId }: { connectionId: string; individualId: string }): JSX.Element {
  const [person, setPerson] = useState<{ individual: Item; employment: Item; requestIds: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [revealed, setRevealed] = useState(false);
  useEffect(() => {
    setPerson(null);
    setRevealed(false);
    unwrap(workbench().explorer.person({ connectionId, individualId })).then(setPerson, (e: Error) => setError(e.message));
  }, [connectionId, individualId]);
  if (error) return <p className="field-error" role="alert">{error}</p>;
  if (!person) return <p className="muted">Loading person…</p>;
  const section = (title: string, item: Item): JSX.Element => (
    <div>
      <h3>
        {title} {item && item.code !== 200 && <span className="badge badge-warn">item {item.code}</span>}
      </h3>
      {item === null ? (
        <p className="muted">Not returned.</p>
      ) : (
        <dl className="facts person-facts">
          {flatten(item.body).map(([path, value]) => (
            <div key={path} className="fact">
              <dt className={isSensitive(path) ? 'sensitive' : ''}>{path}</dt>
              <dd>
                <Value value={value} path={path} revealed={revealed} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
  return (
    <section className="card" aria-label="Person">
      <div className="card-head">
        <h2>Person {individualId}</h2>
        <button type="button" className="button" onClick={() => setRevealed((v) => !v)} aria-pressed={revealed}>
          {revealed ? 'Hide sensitive values' : 'Reveal sensitive values'}
        </button>
      </div>
      <p className="mono muted">Finch-Request-IDs: {person.requestIds.join(', ')}</p>
      <div className="person-grid">
        {section('Individual', person.individual)}
        {section('Employment', person.employment)}
      </div>
    </section>
  );
}
