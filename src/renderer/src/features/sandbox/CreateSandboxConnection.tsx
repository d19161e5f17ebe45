/** POST /sandbox/connections from a form: a test company in seconds, no Connect needed. */
import type { JSX } from 'react';
import { useState } from 'react';
import { AUTH_TYPES } from '@shared/domain/connection';
import { PROVIDER_IDS, ResultMessage, SelectField } from '@renderer/components/fields';
import { WorkbenchCallError, unwrap, workbench } from '@renderer/workbench';

export function CreateSandboxConnection(): JSX.Element {
  const [providerId, setProviderId] = useState('gusto');
  const [authenticationType, setAuthenticationType] = useState<(typeof AUTH_TYPES)[number] | ''>('');
  const [employeeSize, setEmployeeSize] = useState('20');
  const [customerName, setCustomerName] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = (): void => {
    setBusy(true);
    setResult(null);
    unwrap(
      workbench().sandbox.createConnection({
        providerId,
        employeeSize: Number(employeeSize),
        ...(authenticationType ? { authenticationType } : {}),
        ...(customerName.trim() ? { customerName: customerName.trim() } : {}),
      }),
    )
      .then(
        (c) => setResult({ ok: true, text: `Created connection ${c.id} (${c.providerId}, company ${c.companyId ?? '—'}).` }),
        (e: Error) => {
          const fields = e instanceof WorkbenchCallError ? e.error.fields : undefined;
          setResult({ ok: false, text: fields?.length ? fields.map((f) => `${f.path} ${f.message}`).join('; ') : e.message });
        },
      )
      .finally(() => setBusy(false));
  };

  return (
    <form className="card form" aria-label="Create a sandbox connection" onSubmit={(e) => (e.preventDefault(), submit())}>
      <h2>Create a sandbox connection</h2>
      <div className="inline-fields">
        <SelectField label="Provider" value={providerId} options={PROVIDER_IDS} onChange={setProviderId} />
        <SelectField
          label="Authentication"
          value={authenticationType}
          options={[{ value: '', label: 'Provider’s default' }, ...AUTH_TYPES]}
          onChange={setAuthenticationType}
        />
        <label className="field">
          <span>Employees</span>
          <input type="number" min={1} max={10000} value={employeeSize} onChange={(e) => setEmployeeSize(e.target.value)} />
        </label>
        <label className="field">
          <span>Customer name</span>
          <input value={customerName} onChange={(e) => setCustomerName(e.target.value)} placeholder="Sandbox test customer" />
        </label>
      </div>
      {Number(employeeSize) > 100 && <p className="muted">Finch generates only one pay period above 100 employees.</p>}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create connection'}
        </button>
      </div>
      <ResultMessage result={result} />
    </form>
  );
}
