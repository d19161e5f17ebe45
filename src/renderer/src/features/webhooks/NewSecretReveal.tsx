/**
 * A webhook secret the app just generated, shown this once so the user can set the same one
 * on their dev server. The value comes from the export gate for a one-time reveal id (the
 * reply that generated it never carries it); Copy writes exactly what the gate returned. It
 * lives only in this component's state: Done, another environment or leaving the screen drops
 * it, and nothing can fetch it again.
 */
import type { JSX } from 'react';
import { useEffect, useRef, useState } from 'react';
import type { PreparedExport } from '@shared/domain/exports';
import { takeOneTimeSecret, writeClipboard } from '@renderer/components/export/clipboard';
import { ResultMessage } from '@renderer/components/fields';

export function NewSecretReveal({ revealId, onDone }: { revealId: string; onDone: () => void }): JSX.Element {
  const [prepared, setPrepared] = useState<PreparedExport | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  // The gate answers an id once: StrictMode's second effect run must not ask again.
  const taken = useRef<string | null>(null);
  useEffect(() => {
    if (taken.current === revealId) return;
    taken.current = revealId;
    setPrepared(null);
    setResult(null);
    takeOneTimeSecret(revealId).then(setPrepared, (e: Error) => setResult({ ok: false, text: e.message }));
  }, [revealId]);

  return (
    <div className="check-warn" role="region" aria-label="New webhook secret">
      <p>
        <strong>New secret, shown only this once.</strong> Copy it now and set it on your dev server (the secret its SDK’s{' '}
        <code>webhooks.unwrap</code> uses); the app will not show it again.
      </p>
      {prepared && (
        <div className="inline-fields">
          <code className="request-id wh-url" aria-label="New webhook secret value">
            {prepared.content}
          </code>
          <button
            type="button"
            className="button"
            onClick={() =>
              writeClipboard(prepared.content).then(
                () => setResult({ ok: true, text: 'Copied the new secret.' }),
                (e: Error) => setResult({ ok: false, text: e.message }),
              )
            }
          >
            Copy secret
          </button>
          <button type="button" className="button" onClick={onDone}>
            Done, I saved it
          </button>
        </div>
      )}
      {!prepared && result && (
        <button type="button" className="button" onClick={onDone}>
          Close
        </button>
      )}
      <ResultMessage result={result} />
    </div>
  );
}
