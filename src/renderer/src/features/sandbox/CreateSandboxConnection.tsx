/** POST /sandbox/connections from a form: a test company in seconds, no Connect needed. */
import type { JSX } from 'react';
import { useState } from 'react';
import { AUTH_TYPES, employeeSizeLimit } from '@shared/domain/connection';
import { PROVIDER_IDS, ResultMessage, SelectField } from '@renderer/components/fields';
import { useAction } from '@renderer/components/data/use-action';
import { unwrap, workbench } from '@renderer/workbench';

/** `environmentKind` decides how many employees a company may have (Finch's limit, or the Local simulator's). */
export function CreateSandboxConnection({ environmentKind }: { environmentKind: string }): JSX.Element {
  const limit = employeeSizeLimit(environmentKind);
  const [providerId, setProviderId] = useState('gusto');
  const [authenticationType, setAuthenticationType] = useState<(typeof AUTH_TYPES)[number] | ''>('');
  const [employeeSize, setEmployeeSize] = useState('20');
  const [customerName, setCustomerName] = useState('');
  const create = useAction(() =>
    unwrap(
      workbench().sandbox.createConnection({
        providerId,
        employeeSize: Number(employeeSize),
        ...(authenticationType ? { authenticationType } : {}),
        ...(customerName.trim() ? { customerName: customerName.trim() } : {}),
      }),
    ),
  );
  const busy = create.pending;
  const created = create.result;
  const failure = create.failure;
  // Main names each field it refused; otherwise its message says what went wrong.
  const result = failure
    ? { ok: false, text: failure.fields.length ? failure.fields.map((f) => `${f.path} ${f.message}`).join('; ') : failure.message }
    : created
      ? { ok: true, text: `Created connection ${created.id} (${created.providerId}, company ${created.companyId ?? '—'}).` }
      : null;
  const submit = (): void => void create.run();

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
          <input
            type="number"
            min={1}
            max={limit.max}
            value={employeeSize}
            aria-describedby="employee-size-limit"
            onChange={(e) => setEmployeeSize(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Customer name</span>
          <input value={customerName} onChange={(e) => setCustomerName(e.target.value)} placeholder="Sandbox test customer" />
        </label>
      </div>
      <p className="muted" id="employee-size-limit">
        Employees: 1 to {limit.max.toLocaleString('en-US')} ({limit.why}).
        {Number(employeeSize) > 100 && ' Finch generates only one pay period above 100 employees.'}
      </p>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create connection'}
        </button>
      </div>
      <ResultMessage result={result} />
    </form>
  );
}
