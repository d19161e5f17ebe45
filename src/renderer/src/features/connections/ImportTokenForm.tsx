/** Store an access token made elsewhere (a script, another tool): introspected first, refused if foreign. */
import type { JSX } from 'react';
import { useState } from 'react';
import { ResultMessage } from '@renderer/components/fields';
import { unwrap, workbench } from '@renderer/workbench';

export function ImportTokenForm(): JSX.Element {
  const [accessToken, setAccessToken] = useState('');
  const [customerName, setCustomerName] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      className="card form"
      aria-label="Import an access token"
      onSubmit={(e) => {
        e.preventDefault();
        setResult(null);
        unwrap(
          workbench().connections.importToken({ accessToken, ...(customerName.trim() ? { customerName: customerName.trim() } : {}) }),
        ).then(
          (c) => {
            setAccessToken('');
            setResult({
              ok: true,
              text: `Imported ${c.providerId} connection ${c.id} (company ${c.companyId ?? '—'}, products ${c.products.join(', ')}).`,
            });
          },
          (err: Error) => setResult({ ok: false, text: err.message }),
        );
      }}
    >
      <h2>Import an access token</h2>
      <div className="inline-fields">
        <label className="field">
          <span>Access token</span>
          <input type="password" value={accessToken} onChange={(e) => setAccessToken(e.target.value)} autoComplete="off" required />
        </label>
        <label className="field">
          <span>Customer name (optional)</span>
          <input value={customerName} onChange={(e) => setCustomerName(e.target.value)} />
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          Introspect and import
        </button>
      </div>
      <ResultMessage result={result} />
    </form>
  );
}
