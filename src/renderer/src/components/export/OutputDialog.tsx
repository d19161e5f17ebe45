/**
 * The preview every export and clipboard copy shows before anything leaves: what will be
 * written or copied (already redacted by main), how many values of each kind were hidden, and
 * a per-act "raw" choice that keeps personal data but never the vault's secrets. Native
 * <dialog>: focus is trapped while open and returns to the opener when it closes.
 */
import type { JSX } from 'react';
import { useEffect, useRef, useState } from 'react';
import type { PreparedExport } from '@shared/domain/exports';
import { HIDDEN_LABELS } from '@shared/domain/export-limits';
import { writeClipboard } from './clipboard';
import type { OutputRequest } from './prepare';
import { prepareOutput } from './prepare';
import { savePrepared } from './save-export';

const PREVIEW_LINES = 12;
const PREVIEW_CHARS = 4_000;

export interface OutputDone {
  ok: boolean;
  text: string;
}

interface Props {
  title: string;
  /** What the user is exporting, e.g. "1,204 rows × 5 columns". */
  what: string;
  request: OutputRequest;
  /** Already prepared (redacted) when the caller has it: no second round trip. */
  initial?: PreparedExport;
  onDone: (done: OutputDone | null) => void;
}

function excerpt(content: string): string {
  const lines = content.slice(0, PREVIEW_CHARS).split('\n');
  const shown = lines.slice(0, PREVIEW_LINES).join('\n');
  return shown.length < content.length ? `${shown}\n…` : shown;
}

const formatBytes = (n: number) =>
  n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

export function OutputDialog({ title, what, request, initial, onDone }: Props): JSX.Element {
  const ref = useRef<HTMLDialogElement>(null);
  const [raw, setRaw] = useState(initial?.raw ?? false);
  const [prepared, setPrepared] = useState<PreparedExport | null>(initial ?? null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const toClipboard = request.target === 'clipboard';

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  useEffect(() => {
    if (initial && initial.raw === raw && prepared === initial) return;
    let live = true;
    setPrepared(null);
    setError(null);
    prepareOutput(request, raw).then(
      (p) => live && setPrepared(p),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
    // The request is fixed for the dialog's life; only the raw choice re-prepares.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [raw]);

  const go = async () => {
    if (!prepared) return;
    setBusy(true);
    try {
      const how = prepared.raw
        ? 'raw (personal data kept, vault secrets removed)'
        : `redacted (${prepared.total.toLocaleString('en-US')} value${prepared.total === 1 ? '' : 's'} hidden)`;
      if (toClipboard) {
        await writeClipboard(prepared.content);
        onDone({ ok: true, text: `Copied ${what}, ${how}` });
      } else {
        const saved = await savePrepared(prepared);
        onDone(
          saved.outcome === 'cancelled'
            ? null
            : { ok: true, text: `${saved.path ? `Saved ${what} to ${saved.path}` : `Downloaded ${what}`}, ${how}` },
        );
      }
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  const hidden = prepared ? Object.entries(prepared.hidden) : [];
  return (
    <dialog
      ref={ref}
      className="dialog output-dialog"
      aria-labelledby="output-title"
      aria-describedby="output-what"
      onCancel={(e) => (e.preventDefault(), onDone(null))}
    >
      <form method="dialog" onSubmit={(e) => (e.preventDefault(), void go())}>
        <h2 id="output-title">{title}</h2>
        <p id="output-what" className="muted">
          {what}
          {prepared && ` · ${formatBytes(prepared.bytes)}`}
        </p>
        <section aria-label="What was hidden" aria-live="polite" aria-busy={!prepared && !error}>
          {!prepared && !error && <p className="muted">Redacting…</p>}
          {prepared && !prepared.raw && (
            <>
              <h3>
                {prepared.total === 0
                  ? 'Nothing needed hiding'
                  : `Hidden: ${prepared.total.toLocaleString('en-US')} value${prepared.total === 1 ? '' : 's'}`}
              </h3>
              {hidden.length > 0 && (
                <ul className="chips" aria-label="Hidden values by kind">
                  {hidden.map(([category, count]) => (
                    <li key={category} className="chip">
                      {count.toLocaleString('en-US')} × {HIDDEN_LABELS[category] ?? category}
                      {prepared.distinct[category] !== undefined &&
                        prepared.distinct[category] !== count &&
                        ` (${prepared.distinct[category]!.toLocaleString('en-US')} distinct)`}
                    </li>
                  ))}
                </ul>
              )}
              {prepared.total > 0 && (
                <p className="muted small">
                  Each value becomes a numbered placeholder such as [person-3]; the same value gets the same placeholder throughout, so rows
                  still line up.
                </p>
              )}
            </>
          )}
          {prepared?.raw && (
            <p className="output-raw" role="note">
              <strong>Raw:</strong> names, SSNs, dates of birth, emails and pay are kept as the view shows them.
              {prepared.total > 0
                ? ` ${prepared.total} vault secret value${prepared.total === 1 ? ' was' : 's were'} still removed.`
                : ' Vault secrets and tokens are still removed.'}
            </p>
          )}
        </section>
        {prepared && (
          <pre
            className={`json output-preview${request.kind === 'table' ? '' : ' output-preview-wrap'}`}
            aria-label="Preview of what leaves"
            tabIndex={0}
          >
            {excerpt(prepared.content) || '(empty)'}
          </pre>
        )}
        {/* The environments file holds settings, not personal data: there is nothing raw to choose. */}
        {request.kind !== 'environments' && (
          <label className="checkbox output-raw-choice">
            <input type="checkbox" checked={raw} onChange={(e) => setRaw(e.target.checked)} disabled={busy} />
            <span>
              Raw for this {toClipboard ? 'copy' : 'export'}: keep personal data (the vault’s secrets and tokens are removed regardless)
            </span>
          </label>
        )}
        {prepared && prepared.secretsChecked > 0 && (
          <p className="muted small">
            Checked against {prepared.secretsChecked} known secret{prepared.secretsChecked === 1 ? '' : 's'} in every encoding.
          </p>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => onDone(null)}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={!prepared || busy}>
            {toClipboard ? 'Copy' : request.kind === 'environments' ? 'Export' : raw ? 'Export raw' : 'Export redacted'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
