/** The Go-live readiness tab: the checklist with verdicts and evidence, manual ticks, exports. */
import type { JSX } from 'react';
import { useCallback, useEffect, useState } from 'react';
import type { ReadinessItemId, ReadinessReport } from '@shared/domain/readiness';
import { unwrap, workbench } from '@renderer/workbench';
import { finishExport } from './exports';
import { ReadinessItemCard } from './ReadinessItemCard';

const FORMAT_LABELS = { html: 'Export HTML', markdown: 'Export Markdown', pdf: 'Export PDF' } as const;

export function ReadinessTab(): JSX.Element {
  const [report, setReport] = useState<ReadinessReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(() => {
    unwrap(workbench().readiness.report()).then(
      (r) => (setReport(r), setError(null)),
      (e: Error) => setError(e.message),
    );
  }, []);
  useEffect(load, [load]);

  const tick = (itemId: ReadinessItemId, checked: boolean, note: string): void => {
    unwrap(workbench().readiness.setCheck({ itemId, checked, ...(note.trim() ? { note: note.trim() } : {}) })).then(setReport, (e: Error) =>
      setError(e.message),
    );
  };
  const exportAs = (format: 'html' | 'markdown' | 'pdf'): void => {
    setBusy(format);
    setOutcome(null);
    unwrap(workbench().readiness.export({ format }))
      .then((delivery) => setOutcome({ ok: delivery.kind !== 'cancelled', text: finishExport(delivery) }))
      .catch((e: Error) => setOutcome({ ok: false, text: e.message }))
      .finally(() => setBusy(null));
  };

  if (!report) {
    return error ? (
      <p className="field-error" role="alert">
        {error}
      </p>
    ) : (
      <p className="muted">Gathering the evidence…</p>
    );
  }
  return (
    <>
      <div className="readiness-top card">
        <p className="readiness-counts" role="status">
          <span className="readiness-badge readiness-badge-pass">{report.counts.pass} pass</span>
          <span className="readiness-badge readiness-badge-fail">{report.counts.fail} fail</span>
          <span className="readiness-badge readiness-badge-not_yet">{report.counts.not_yet} not yet</span>
          {report.counts.not_applicable > 0 && (
            <span className="readiness-badge readiness-badge-not_applicable">{report.counts.not_applicable} not applicable</span>
          )}
          <span className="muted"> Finch’s Successful Integration Checklist, judged from what this app recorded in every environment.</span>
        </p>
        <div className="toolbar">
          <button type="button" className="button" onClick={load}>
            Refresh
          </button>
          {report.formats.map((f) => (
            <button key={f} type="button" className="button" onClick={() => exportAs(f)} disabled={busy !== null}>
              {busy === f ? 'Exporting…' : FORMAT_LABELS[f]}
            </button>
          ))}
        </div>
        {!report.formats.includes('pdf') && (
          <p className="muted readiness-pdf-note">
            PDF export needs the desktop app (Electron’s printToPDF). Here, export HTML and print it from the browser.
          </p>
        )}
        {outcome && (
          <p className={outcome.ok ? 'check-ok' : 'field-error'} role={outcome.ok ? 'status' : 'alert'}>
            {outcome.text}
          </p>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      {report.sections.map((section) => (
        <section key={section.title} className="readiness-section" aria-label={section.title}>
          <h2>{section.title}</h2>
          <ul className="readiness-items">
            {section.items.map((item) => (
              <ReadinessItemCard key={item.id} item={item} onTick={(checked, note) => tick(item.id, checked, note)} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
