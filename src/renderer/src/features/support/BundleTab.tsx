/** The Support bundle tab: choose, preview, save. */
import type { JSX } from 'react';
import { useEffect, useState } from 'react';
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
  const [saving, setSaving] = useState(false);

  const save = (): void => {
    if (!bundle.selection) return;
    setSaving(true);
    setOutcome(null);
    unwrap(workbench().support.export(bundle.selection))
      .then((delivery) => setOutcome({ ok: delivery.kind !== 'cancelled', text: finishExport(delivery) }))
      .catch((e: Error) => setOutcome({ ok: false, text: e.message }))
      .finally(() => setSaving(false));
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
          disabled={saving || bundle.previewing || !bundle.preview || empty}
        >
          {saving ? 'Saving…' : 'Save bundle (.zip)'}
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
