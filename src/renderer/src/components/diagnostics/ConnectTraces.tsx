/**
 * Every Connect attempt as a timeline (session, frame messages, exchange, outcome) with the
 * explanation of a failure, and the host conditions Connect depends on.
 */
import type { JSX } from 'react';
import { useEffect, useState } from 'react';
import type { ConnectTrace } from '@shared/domain/diagnostics';
import { unwrap, workbench } from '@renderer/workbench';
import { ExplanationCard } from './ExplanationCard';
import type { OutputRequest } from '../export/prepare';
import { useOutput } from '../export/useOutput';

function hostConditions(): { label: string; ok: boolean; detail: string }[] {
  const meta = document.querySelector('meta[name="referrer"]')?.getAttribute('content') ?? null;
  const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
  const frameSrc = /frame-src ([^;]*)/.exec(csp)?.[1] ?? '(not set)';
  const hosts = document.querySelectorAll('#connect-host').length;
  return [
    { label: 'Page origin', ok: window.location.origin !== 'null', detail: `${window.location.origin} (Connect posts its messages here)` },
    { label: 'Referrer policy', ok: meta !== 'no-referrer', detail: meta ?? 'browser default (strict-origin-when-cross-origin)' },
    { label: 'CSP frame-src', ok: frameSrc !== '(not set)' && !frameSrc.includes("'none'"), detail: frameSrc },
    { label: 'Connect hosts mounted', ok: hosts === 1, detail: `${hosts} (must be exactly one, or callbacks fire twice)` },
  ];
}

/**
 * Traces hold masked codes and request ids, but also customer names and Connect's messages:
 * like every export they pass main's export gate (redacted, previewed, raw only by choice).
 */
function tracesRequest(traces: ConnectTrace[]): OutputRequest {
  const text = JSON.stringify({ exportedAt: new Date().toISOString(), hostConditions: hostConditions(), traces });
  return { target: 'file', suggestedName: 'finch-connect-traces.json', kind: 'json', text };
}

export function ConnectTraces(): JSX.Element {
  const [traces, setTraces] = useState<ConnectTrace[]>([]);
  const output = useOutput();
  useEffect(() => {
    const load = () => unwrap(workbench().diagnostics.connectTraces()).then(setTraces, () => {});
    void load();
    const offConnections = workbench().connections.onChanged(() => void load());
    const timer = setInterval(() => void load(), 1500);
    return () => {
      offConnections();
      clearInterval(timer);
    };
  }, []);
  return (
    <section className="card" aria-labelledby="traces-title">
      <div className="card-head">
        <h2 id="traces-title">Connect attempts</h2>
        {traces.length > 0 && (
          <button
            type="button"
            className="button"
            onClick={() =>
              output.exportFile(
                'Download Connect traces',
                `${traces.length} Connect attempt${traces.length === 1 ? '' : 's'}`,
                tracesRequest(traces),
              )
            }
          >
            Download traces (JSON)
          </button>
        )}
      </div>
      {output.element}
      {output.note && (
        <p className={output.note.ok ? 'check-ok' : 'field-error'} role={output.note.ok ? 'status' : 'alert'}>
          {output.note.text}
        </p>
      )}
      <ul className="host-conditions" aria-label="Connect host conditions">
        {hostConditions().map((c) => (
          <li key={c.label} className={c.ok ? 'ok' : 'bad'}>
            {c.ok ? '✓' : '✗'} {c.label}: <span className="mono">{c.detail}</span>
          </li>
        ))}
      </ul>
      {traces.length === 0 ? (
        <p className="muted">No Connect attempt in this environment yet. Each one is traced here, step by step.</p>
      ) : (
        <ol className="traces">
          {traces.map((t) => (
            <li key={t.id} aria-label={`Connect attempt ${t.id}`}>
              <div>
                <strong>{t.customerName}</strong> · {t.flow} ·{' '}
                <span className={`badge ${t.outcome === 'connected' ? 'badge-ok' : 'badge-warn'}`}>{t.outcome}</span>{' '}
                <span className="muted">{new Date(t.startedAt).toLocaleTimeString()}</span>
              </div>
              <ol className="timeline">
                {t.items.map((item, i) => (
                  <li key={i}>
                    <span className="mono">{new Date(item.time).toLocaleTimeString()}</span> {item.summary}
                    {item.requestId && <span className="mono muted"> · {item.requestId}</span>}
                  </li>
                ))}
              </ol>
              {t.explanation && <ExplanationCard explanation={t.explanation} />}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
