/**
 * Where the receiver listens (copyable URL), start/stop, and the environment's webhook secret:
 * generated (shown once, to copy) or the user's own, afterwards only its last characters.
 */
import type { JSX } from 'react';
import type { Result } from '@shared/ipc/contract-kit';
import { useEffect, useState } from 'react';
import type { WebhookSecretChange, WebhookState } from '@shared/domain/webhooks';
import { useAction } from '@renderer/components/data/use-action';
import { ResultMessage } from '@renderer/components/fields';
import { unwrap, workbench } from '@renderer/workbench';
import { NewSecretReveal } from './NewSecretReveal';
import { copyText } from './useWebhooks';

interface Props {
  state: WebhookState;
  onState: (state: WebhookState) => void;
}

export function ReceiverPanel({ state, onState }: Props): JSX.Element {
  const [port, setPort] = useState('');
  const [secret, setSecret] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  /** Set when an act generated a secret: the id the export gate reveals it for, once. */
  const [revealId, setRevealId] = useState<string | null>(null);
  useEffect(() => setRevealId(null), [state.environmentId]);

  /** `replacesSecret`: the act stores another secret or none, so a secret still shown is no longer the one in use. */
  const act = useAction(
    (call: () => Promise<Result<WebhookState | WebhookSecretChange>>, _done: string, _replacesSecret: boolean) => unwrap(call()),
    {
      onDone: (next, _call, done, replacesSecret) => {
        const { revealId: generated = null, ...nextState } = next as Partial<WebhookSecretChange> & WebhookState;
        onState(nextState);
        if (generated !== null || replacesSecret) setRevealId(generated);
        setResult({ ok: true, text: generated ? `${done} A new secret was generated and is shown above, this once.` : done });
      },
      onFailure: (failure) => setResult({ ok: false, text: failure.message }),
    },
  );
  const busy = act.pending;
  const run = (call: () => Promise<Result<WebhookState | WebhookSecretChange>>, done: string, replacesSecret = false): void =>
    void act.run(call, done, replacesSecret);
  const start = (): void => {
    const value = port.trim();
    if (value !== '' && !/^\d+$/.test(value)) {
      setResult({ ok: false, text: 'The port must be a number from 1024 to 65535, or empty for a free one.' });
      return;
    }
    run(() => workbench().webhooks.startReceiver(value === '' ? {} : { port: Number(value) }), 'Listening.');
  };
  const { receiver } = state;

  return (
    <section className="card" aria-labelledby="wh-receiver-title">
      <div className="card-head">
        <h2 id="wh-receiver-title">Receiver</h2>
        <span className={`badge ${receiver.listening ? 'badge-ok' : 'badge-warn'}`}>
          {receiver.listening ? `Listening on port ${receiver.port}` : 'Not listening'}
        </span>
      </div>
      {receiver.listening && receiver.url ? (
        <>
          <p className="hint muted">
            Give this URL to the sender
            {state.simulator ? ' (the Local simulator already posts here)' : ', e.g. as the target of your own tunnel'}:
          </p>
          <div className="inline-fields">
            <code className="request-id wh-url" aria-label="Receiver URL">
              {receiver.url}
            </code>
            <button
              type="button"
              className="button"
              onClick={() => void copyText(receiver.url ?? '', 'the receiver URL').then((text) => setResult({ ok: true, text }))}
            >
              Copy URL
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => run(() => workbench().webhooks.stopReceiver({}), 'Stopped.')}
            >
              Stop
            </button>
          </div>
        </>
      ) : (
        <div className="inline-fields">
          <label className="field">
            <span>Port</span>
            <input inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} placeholder="any free port" size={12} />
          </label>
          <button type="button" className="button button-primary" disabled={busy} onClick={start}>
            Start receiver
          </button>
        </div>
      )}
      {receiver.error && !receiver.listening && (
        <p className="field-error" role="alert">
          {receiver.error}
        </p>
      )}

      <h3 className="wh-subhead">Webhook secret for “{state.environmentName}”</h3>
      <p className="hint muted">
        {state.hasSecret
          ? `Set${state.secretHint ? `, ending in “…${state.secretHint}”` : ''}. ${state.secretStorage === 'persistent' ? 'Stored encrypted in the vault' : 'Kept in memory for this session (no OS keyring)'}. It is never shown again; replace it or forget it here.`
          : state.simulator
            ? 'None yet. Generate one (shown once, to copy to your dev server) or use your own; starting the receiver generates one too. To verify forwarded events in your dev server, set the same secret here and there.'
            : 'Paste the secret Finch showed when you created the webhook (it is shown only once, in Finch’s dashboard).'}
      </p>
      {revealId && <NewSecretReveal revealId={revealId} onDone={() => (setRevealId(null), setResult(null))} />}
      <form
        className="inline-fields"
        aria-label="Webhook secret"
        onSubmit={(e) => {
          e.preventDefault();
          run(() => workbench().webhooks.setSecret({ secret }), 'Secret stored.', true);
          setSecret('');
        }}
      >
        <label className="field wh-grow">
          <span>{state.hasSecret ? 'Replace secret' : 'Secret'}</span>
          <input
            type="password"
            autoComplete="off"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            placeholder="base64, as Finch shows it"
          />
        </label>
        <button type="submit" className="button" disabled={busy || secret.trim() === ''}>
          {state.simulator ? 'Use my own' : 'Store secret'}
        </button>
        {state.simulator && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => run(() => workbench().webhooks.generateSecret({}), 'Generated and stored.')}
          >
            {state.hasSecret ? 'Generate new' : 'Generate'}
          </button>
        )}
        {state.hasSecret && (
          <button
            type="button"
            className="button button-danger-outline"
            disabled={busy}
            onClick={() => run(() => workbench().webhooks.clearSecret({}), 'Secret forgotten.', true)}
          >
            Forget
          </button>
        )}
      </form>
      <ResultMessage result={result} />
    </section>
  );
}
