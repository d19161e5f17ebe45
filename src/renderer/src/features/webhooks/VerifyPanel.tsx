/** Paste headers and a body (from your tunnel, logs or a failing handler) and see every check explained. */
import type { JSX } from 'react';
import { useState } from 'react';
import type { WebhookEventDetail } from '@shared/domain/webhooks';
import { useAction } from '@renderer/components/data/use-action';
import { ResultMessage } from '@renderer/components/fields';
import { unwrap, workbench } from '@renderer/workbench';
import { ChecksList } from './EventDetail';

export function VerifyPanel({ environmentName, hasSecret }: { environmentName: string; hasSecret: boolean }): JSX.Element {
  const [headers, setHeaders] = useState('');
  const [body, setBody] = useState('');
  const verify = useAction(() => unwrap(workbench().webhooks.verifyPasted({ headers, body })));
  const outcome: WebhookEventDetail | null = verify.result;
  const error = verify.failure ? { ok: false, text: verify.failure.message } : null;

  return (
    <section className="card" aria-labelledby="wh-verify-title">
      <h2 id="wh-verify-title">Verify a payload</h2>
      <p className="hint muted">
        Checks it exactly as the SDK’s <code>webhooks.unwrap</code> would, with the secret stored for “{environmentName}”
        {hasSecret ? '' : ' (none stored yet)'}, and says why it fails. Paste the raw body: not one your framework parsed and printed again.
      </p>
      <form
        aria-label="Verify a payload"
        onSubmit={(e) => {
          e.preventDefault();
          void verify.run();
        }}
      >
        <div className="wh-two">
          <label className="field">
            <span>Headers</span>
            <textarea
              className="wh-code"
              rows={6}
              spellCheck={false}
              value={headers}
              onChange={(e) => setHeaders(e.target.value)}
              placeholder={'finch-event-id: …\nfinch-timestamp: …\nfinch-signature: v1,…'}
            />
          </label>
          <label className="field">
            <span>Raw body</span>
            <textarea
              className="wh-code"
              rows={6}
              spellCheck={false}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              placeholder='{"event_type": "…", …}'
            />
          </label>
        </div>
        <div className="form-actions wh-actions">
          <button type="submit" className="button button-primary" disabled={body === ''}>
            Verify
          </button>
        </div>
      </form>
      <ResultMessage result={error} />
      {outcome && (
        <div role="status" aria-label="Verification result">
          <p className={`verdict ${outcome.verdict === 'verified' ? 'verdict-ok' : 'verdict-blocked'}`}>
            {outcome.verdict === 'verified' ? 'Verified: ' : 'Rejected: '}
            {outcome.verdictMessage}
          </p>
          <ChecksList checks={outcome.checks} />
        </div>
      )}
    </section>
  );
}
