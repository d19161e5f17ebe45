/** Store an access token made elsewhere (a script, another tool): introspected first, refused if foreign. */
import type { JSX } from 'react';
import { useState } from 'react';
import { useAction } from '@renderer/components/data/use-action';
import { ResultMessage } from '@renderer/components/fields';
import { unwrap, workbench } from '@renderer/workbench';

type ImportTokenInput = Parameters<Window['workbench']['connections']['importToken']>[0];

export function ImportTokenForm(): JSX.Element {
  const [accessToken, setAccessToken] = useState('');
  const [customerName, setCustomerName] = useState('');
  const importToken = useAction((input: ImportTokenInput) => unwrap(workbench().connections.importToken(input)), {
    onDone: () => setAccessToken(''),
  });
  const imported = importToken.result;
  const result = importToken.failure
    ? { ok: false, text: importToken.failure.message }
    : imported
      ? {
          ok: true,
          text: `Imported ${imported.providerId} connection ${imported.id} (company ${imported.companyId ?? '—'}, products ${imported.products.join(', ')}).`,
        }
      : null;
  return (
    <form
      className="card form"
      aria-label="Import an access token"
      onSubmit={(e) => {
        e.preventDefault();
        void importToken.run({ accessToken, ...(customerName.trim() ? { customerName: customerName.trim() } : {}) });
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
