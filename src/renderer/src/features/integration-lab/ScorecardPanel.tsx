/**
 * The scorecard: each line of Finch's checklist that traffic can show, graded from what your app
 * sent through the proxy in this session, with the request log rows that prove it. Lines traffic
 * cannot show stay manual. Exports pass main's export gate.
 */
import type { JSX } from 'react';
import type { Scorecard, ScorecardLine } from '@shared/domain/integration-lab';
import { useOutput } from '@renderer/components/export/useOutput';

const STATUS: Record<ScorecardLine['status'], { text: string; className: string }> = {
  pass: { text: 'Pass', className: 'badge badge-ok' },
  fail: { text: 'Fail', className: 'badge badge-error' },
  not_observed: { text: 'Not observed yet', className: 'badge badge-warn' },
  manual: { text: 'Check yourself', className: 'badge' },
};

/** The request log, filtered to one Finch-Request-ID (or row) of your app's traffic. */
const logLink = (requestId: string) => `#/request-log?source=your_app&text=${encodeURIComponent(requestId)}`;

function markdown(card: Scorecard): string {
  const lines = [`# Integration scorecard`, '', `${card.calls} calls observed; generated ${new Date(card.generatedAt).toISOString()}.`, ''];
  for (const l of card.lines) {
    lines.push(`## ${STATUS[l.status].text}: ${l.title}`, '', `> ${l.checklist}`, '', l.summary, '');
    for (const e of l.evidence) lines.push(`- ${e.text}${e.requestIds.length ? ` (Finch-Request-ID: ${e.requestIds.join(', ')})` : ''}`);
    if (l.limits) lines.push('', `_What traffic cannot show: ${l.limits}_`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Markdown for a person (a ticket, a review); JSON for a script. Both pass main's export gate. */
const EXPORTS = [
  { label: 'Markdown', extension: 'md', kind: 'text', text: markdown },
  { label: 'JSON', extension: 'json', kind: 'json', text: (card: Scorecard) => JSON.stringify(card) },
] as const;

export function ScorecardPanel({
  card,
  error,
  onRegrade,
}: {
  card: Scorecard | null;
  error: string | null;
  /** Grade again now: some lines wait 30 s for what should follow (a reauth session, an introspect). */
  onRegrade: () => void;
}): JSX.Element {
  const output = useOutput();
  const graded = card?.lines.filter((l) => l.status === 'pass' || l.status === 'fail') ?? [];
  return (
    <section className="card" aria-label="Scorecard">
      {output.element}
      <div className="card-head">
        <h2>Scorecard</h2>
        <div className="toolbar">
          <button type="button" className="button" onClick={onRegrade}>
            Grade again
          </button>
          {EXPORTS.map((format) => (
            <button
              key={format.label}
              type="button"
              className="button"
              disabled={!card}
              onClick={() =>
                card &&
                output.exportFile(`Export the scorecard (${format.label})`, `${card.lines.length} lines`, {
                  target: 'file',
                  suggestedName: `finch-integration-scorecard.${format.extension}`,
                  kind: format.kind,
                  text: format.text(card),
                })
              }
            >
              Export {format.label}
            </button>
          ))}
        </div>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {output.note && (
        <p className={output.note.ok ? 'muted' : 'field-error'} role={output.note.ok ? 'status' : 'alert'}>
          {output.note.text}
        </p>
      )}
      {card && (
        <>
          <p className="muted" role="status">
            {card.calls.toLocaleString('en-US')} calls from your app this session · {graded.filter((l) => l.status === 'pass').length} pass
            · {graded.filter((l) => l.status === 'fail').length} fail · {card.lines.filter((l) => l.status === 'not_observed').length} not
            observed yet
          </p>
          <ol className="scorecard">
            {card.lines.map((line) => (
              <li key={line.id} className={`scorecard-line scorecard-${line.status}`} aria-label={line.title}>
                <div className="scorecard-head">
                  <span className={STATUS[line.status].className}>{STATUS[line.status].text}</span> <strong>{line.title}</strong>
                </div>
                <p className="muted scorecard-quote">“{line.checklist}”</p>
                <p>{line.summary}</p>
                {line.evidence.length > 0 && (
                  <ul className="scorecard-evidence">
                    {line.evidence.slice(0, 8).map((e, i) => (
                      <li key={i}>
                        {e.text}
                        {e.requestIds.slice(0, 3).map((id) => (
                          <span key={id}>
                            {' '}
                            <a className="mono" href={logLink(id)}>
                              {id}
                            </a>
                          </span>
                        ))}
                      </li>
                    ))}
                  </ul>
                )}
                {line.limits && <p className="muted">What traffic cannot show: {line.limits}</p>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
