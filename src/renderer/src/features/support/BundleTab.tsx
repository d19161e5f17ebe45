/** The Support bundle tab: choose, preview, save. */
import type { JSX } from 'react';
import { useEffect, useState } from 'react';
import type { BundleSelection } from '@shared/domain/support';
import { useAction } from '@renderer/components/data/use-action';
import { useOutput } from '@renderer/components/export/useOutput';
import { unwrap, workbench } from '@renderer/workbench';
import { BundleForm } from './BundleForm';
import { BundlePreview } from './BundlePreview';
import { finishExport } from './exports';
import { useBundle } from './useBundle';

export function BundleTab({
  activeEnvironmentId,
  failureId,
}: {
  activeEnvironmentId: string | null;
  failureId: number | null;
}): JSX.Element {
  const bundle = useBundle(activeEnvironmentId, failureId);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const saving = useAction((selection: BundleSelection) => unwrap(workbench().support.export(selection)), {
    onDone: (delivery) => setOutcome({ ok: delivery.kind !== 'cancelled', text: finishExport(delivery) }),
    onFailure: (failure) => setOutcome({ ok: false, text: failure.message }),
  });
  const save = (): void => {
    if (!bundle.selection || saving.pending) return;
    setOutcome(null);
    void saving.run(bundle.selection);
  };
  // The ticket is redacted already; the copy still passes the export gate like every other.
  const output = useOutput();
  useEffect(() => {
    if (output.note) setOutcome(output.note);
  }, [output.note]);
  const copyTicket = (text: string): void => {
    setOutcome(null);
    void output.copy(text, 'the ticket text');
  };

  if (!bundle.scope || !bundle.selection) {
    return bundle.error ? (
      <p className="field-error" role="alert">
        {bundle.error}
      </p>
    ) : (
      <p className="muted">Loading…</p>
    );
  }
  const empty = bundle.preview !== null && bundle.preview.counts.requests === 0 && bundle.preview.counts.events === 0;
  return (
    <>
      {output.element}
      <BundleForm
        scope={bundle.scope}
        focus={bundle.preview?.focus ?? null}
        selection={bundle.selection}
        range={bundle.range}
        onChange={bundle.setSelection}
        onRange={bundle.setRange}
      />
      <div className="toolbar bundle-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={save}
          disabled={saving.pending || bundle.previewing || !bundle.preview || empty}
        >
          {saving.pending ? 'Saving…' : 'Save bundle (.zip)'}
        </button>
        <span className="muted" aria-live="polite">
          {bundle.previewing ? 'Updating the preview…' : empty ? 'Nothing to export with this selection.' : ''}
        </span>
      </div>
      {outcome && (
        <p className={outcome.ok ? 'check-ok' : 'field-error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
      {bundle.error && (
        <p className="field-error" role="alert">
          {bundle.error}
        </p>
      )}
      {bundle.preview && <BundlePreview preview={bundle.preview} onCopyTicket={copyTicket} />}
    </>
  );
}
