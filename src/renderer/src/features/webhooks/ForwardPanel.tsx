/**
 * Forwarding to the user's own dev server: URL, re-signed or byte-for-byte, automatic or on
 * demand, and what happens to events that fail verification (never re-signed: unchanged or not at all).
 */
import type { JSX } from 'react';
import { useEffect, useState } from 'react';
import type { ForwardMode, ForwardRecord, UnverifiedForward, WebhookState } from '@shared/domain/webhooks';
import { ResultMessage, SelectField } from '@renderer/components/fields';
import { useAction } from '@renderer/components/data/use-action';
import { unwrap, workbench } from '@renderer/workbench';

type ForwardingInput = Parameters<Window['workbench']['webhooks']['setForwarding']>[0];

export const MODE_OPTIONS = [
  { value: 'resigned' as const, label: 'Re-signed now (fresh timestamp)' },
  { value: 'exact' as const, label: 'Byte for byte (original signature)' },
];

const UNVERIFIED_OPTIONS = [
  { value: 'forward_unchanged' as const, label: 'Forward unchanged (your server should reject them)' },
  { value: 'dont_forward' as const, label: 'Don’t forward' },
];

/** How the forward log names what happened to an event that failed verification (null: it passed). */
export function failedVerificationNote(record: Pick<ForwardRecord, 'failedVerification'>): string | null {
  if (record.failedVerification === 'forwarded_unchanged') return 'forwarded unchanged (failed verification)';
  if (record.failedVerification === 'not_forwarded') return 'not forwarded: failed verification';
  return null;
}

export function ForwardPanel({ state, onState }: { state: WebhookState; onState: (state: WebhookState) => void }): JSX.Element {
  const [url, setUrl] = useState(state.forwarding.url ?? '');
  const [mode, setMode] = useState<ForwardMode>(state.forwarding.mode);
  const [auto, setAuto] = useState(state.forwarding.auto);
  const [unverified, setUnverified] = useState<UnverifiedForward>(state.forwarding.unverified);
  const save = useAction((input: ForwardingInput) => unwrap(workbench().webhooks.setForwarding(input)), { onDone: onState });
  const saved = save.result;
  const result = save.failure
    ? { ok: false, text: save.failure.message }
    : saved
      ? {
          ok: true,
          text: saved.forwarding.url
            ? `Saved. ${saved.forwarding.auto ? 'Every event received from now on goes' : 'Use “Forward” on an event to send it'} to ${saved.forwarding.url}.`
            : 'Forwarding is off.',
        }
      : null;
  useEffect(() => {
    setUrl(state.forwarding.url ?? '');
    setMode(state.forwarding.mode);
    setAuto(state.forwarding.auto);
    setUnverified(state.forwarding.unverified);
  }, [state.environmentId, state.forwarding.url, state.forwarding.mode, state.forwarding.auto, state.forwarding.unverified]);

  return (
    <section className="card" aria-labelledby="wh-forward-title">
      <h2 id="wh-forward-title">Forward to your dev server</h2>
      <form
        aria-label="Forwarding"
        onSubmit={(e) => {
          e.preventDefault();
          void save.run({ url: url.trim() === '' ? null : url.trim(), mode, auto, unverified });
        }}
      >
        <div className="inline-fields">
          <label className="field wh-grow">
            <span>Dev server URL</span>
            <input value={url} onChange={(e) => setUrl(e.target.value)} placeholder="http://localhost:3000/webhooks" />
          </label>
          <SelectField label="Mode" value={mode} options={MODE_OPTIONS} onChange={setMode} />
        </div>
        <p className="hint muted">
          Re-signed: same body and event id, a fresh timestamp signed with this environment’s secret. Byte for byte: exactly what arrived,
          original headers; your server’s SDK rejects it once it is more than 5 minutes old. An event that failed verification here is never
          re-signed, in either mode.
        </p>
        <SelectField label="Events that fail verification" value={unverified} options={UNVERIFIED_OPTIONS} onChange={setUnverified} />
        <div className="inline-fields">
          <label className="checkbox">
            <input type="checkbox" checked={auto} onChange={(e) => setAuto(e.target.checked)} /> Forward every received event automatically
          </label>
          <button type="submit" className="button">
            Save forwarding
          </button>
        </div>
      </form>
      <ResultMessage result={result} />
    </section>
  );
}
