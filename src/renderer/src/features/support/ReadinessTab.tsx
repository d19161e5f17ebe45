/** The Go-live readiness tab: the checklist with verdicts and evidence, manual ticks, exports. */
import type { JSX } from 'react';
import { useState } from 'react';
import type { ReadinessItemId } from '@shared/domain/readiness';
import { toFailure } from '@renderer/components/data/failure';
import { useAction } from '@renderer/components/data/use-action';
import { useRead } from '@renderer/components/data/use-read';
import { unwrap, workbench } from '@renderer/workbench';
import { finishExport } from './exports';
import { ReadinessItemCard } from './ReadinessItemCard';

const FORMAT_LABELS = { html: 'Export HTML', markdown: 'Export Markdown', pdf: 'Export PDF' } as const;

export function ReadinessTab(): JSX.Element {
  const read = useRead('readiness', () => unwrap(workbench().readiness.report()), { keepDataOnError: true });
  const report = read.data;
  const [tickFailure, setTickFailure] = useState<string | null>(null);
  const error = read.error?.message ?? tickFailure;
  const load = (): void => {
    setTickFailure(null);
    read.reload();
  };

  // Ticks of different items may overlap (each checkbox shows its tick at once), so they are not
  // one-at-a-time actions; each answer is the whole saved report.
  const tick = (itemId: ReadinessItemId, checked: boolean, note: string): void => {
    unwrap(workbench().readiness.setCheck({ itemId, checked, ...(note.trim() ? { note: note.trim() } : {}) })).then(
      read.setData,
      (e: unknown) => setTickFailure(toFailure(e).message),
    );
  };
  const [asked, setAsked] = useState<'html' | 'markdown' | 'pdf' | null>(null);
  const exporting = useAction((format: 'html' | 'markdown' | 'pdf') => unwrap(workbench().readiness.export({ format })));
  const busy = exporting.pending ? asked : null;
  const delivery = exporting.result;
  const outcome = exporting.failure
    ? { ok: false, text: exporting.failure.message }
    : delivery
      ? { ok: delivery.kind !== 'cancelled', text: finishExport(delivery) }
      : null;
  const exportAs = (format: 'html' | 'markdown' | 'pdf'): void => {
    if (exporting.pending) return;
    setAsked(format);
    void exporting.run(format);
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
