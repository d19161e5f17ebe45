/**
 * What the provider supports, beside the forms: per benefit type, the frequencies, deduction and
 * contribution kinds, annual maximum, catch-up and HSA limits GET /providers lists for the
 * connection's authentication method. An unsupported choice is visible before it is sent.
 */
import type { JSX } from 'react';
import { useState } from 'react';
import type { BenefitSupport } from '@shared/domain/deductions';
import { RequestIds } from '@renderer/components/RequestIds';

const list = (values: readonly string[]) => (values.length > 0 ? values.join(', ') : '—');
const yesNo = (v: boolean | null) => (v === null ? '—' : v ? 'yes' : 'no');

export function SupportPanel({ support, error }: { support: BenefitSupport | null; error: string | null }): JSX.Element {
  const [all, setAll] = useState(false);
  const shown = support ? support.types.filter((t) => all || t.supported) : [];
  return (
    <section className="card" aria-label="Provider support">
      <div className="card-head">
        <h2>What {support?.providerName ?? 'the provider'} supports</h2>
        <label className="checkbox">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> Show unsupported types too
        </label>
      </div>
      {error && (
        <p className="field-error" role="alert">
          Reading the provider’s benefit support failed: {error}
        </p>
      )}
      {!support && !error && <p className="muted">Reading GET /providers…</p>}
      {support && (
        <>
          <p className="muted">
            {support.authenticationMethod ? `For the ${support.authenticationMethod} connection method. ` : ''}
            {support.deductionProduct ? '' : 'This provider does not list the deduction product: writes will likely be refused. '}
            {support.types.filter((t) => t.supported).length} of {support.types.length} benefit types supported.
          </p>
          <div className="table-scroll">
            <table className="plain-table" aria-label="Benefit support">
              <thead>
                <tr>
                  <th>Type</th>
                  <th>Frequencies</th>
                  <th>Employee deduction</th>
                  <th>Company contribution</th>
                  <th>Annual max</th>
                  <th>Catch-up</th>
                  <th>HSA limit</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((t) => (
                  <tr key={t.type} className={t.supported ? undefined : 'row-unsupported'}>
                    <th scope="row" className="mono">
                      {t.type}
                      {!t.supported && <span className="badge badge-warn"> not supported</span>}
                    </th>
                    <td>{list(t.frequencies)}</td>
                    <td>{list(t.employeeDeduction)}</td>
                    <td>{list(t.companyContribution)}</td>
                    <td>{yesNo(t.annualMaximum)}</td>
                    <td>{yesNo(t.catchUp)}</td>
                    <td>{list(t.hsaContributionLimit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <RequestIds ids={support.requestIds} />
        </>
      )}
    </section>
  );
}
