/**
 * Proof on the paycheck: run the Local simulator's next pay run (or pick a payroll the provider
 * ran) and compare, per person, the expected deduction and contribution with the statement.
 * Payments the app wrote through /sandbox/payment are never offered: they would echo its input.
 */
import type { JSX } from 'react';
import { useState } from 'react';
import type { ReconcilablePayments, Reconciliation, ReconcileRow } from '@shared/domain/reconciliation';
import { useAction } from '@renderer/components/data/use-action';
import { useRead } from '@renderer/components/data/use-read';
import { DataTable } from '@renderer/components/data-table/DataTable';
import type { DataColumn } from '@renderer/components/data-table/columns';
import { unwrap, workbench } from '@renderer/workbench';
import { RequestIds } from '@renderer/components/RequestIds';

const money = (cents: number | null) =>
  cents === null ? null : (cents / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD' });
const STATUS_TEXT: Record<ReconcileRow['status'], string> = {
  match: 'matches',
  mismatch: 'differs',
  missing: 'missing on the statement',
  not_enrolled: 'never enrolled',
  unexpected: 'deducted without enrollment',
  no_statement: 'no pay statement',
};
const COLUMNS: DataColumn<ReconcileRow>[] = [
  { id: 'name', header: 'Person', value: (r) => r.name ?? r.individualId, width: 'minmax(160px, 1fr)' },
  { id: 'status', header: 'Result', value: (r) => STATUS_TEXT[r.status], width: '190px' },
  { id: 'expectedDeduction', header: 'Expected deduction', value: (r) => money(r.expectedDeduction), width: '140px' },
  { id: 'actualDeduction', header: 'On the statement', value: (r) => money(r.actualDeduction), width: '140px' },
  { id: 'expectedContribution', header: 'Expected contribution', value: (r) => money(r.expectedContribution), width: '150px' },
  { id: 'actualContribution', header: 'Contribution on statement', value: (r) => money(r.actualContribution), width: '170px' },
  { id: 'capReached', header: 'Annual max reached', value: (r) => (r.capReached ? 'yes' : 'no'), width: '130px', hidden: true },
  { id: 'notes', header: 'Notes', value: (r) => (r.notes.length > 0 ? r.notes.join(' ') : undefined), width: 'minmax(240px, 2fr)' },
  { id: 'individualId', header: 'individual_id', value: (r) => r.individualId, width: '300px', hidden: true },
];

export function ReconcilePanel({
  connectionId,
  benefitId,
  refreshKey,
}: {
  connectionId: string;
  benefitId: string;
  refreshKey: number;
}): JSX.Element {
  const [paymentId, setPaymentId] = useState('');
  const list = useRead<ReconcilablePayments>(`${connectionId}:${benefitId}:${refreshKey}`, () =>
    unwrap(workbench().deductions.payments({ connectionId })),
  );
  const payments = list.data;
  const check = useAction((chosen?: string) =>
    unwrap(workbench().deductions.reconcile({ connectionId, benefitId, ...(chosen ? { paymentId: chosen } : {}) })),
  );
  const busy = check.pending;
  const result: Reconciliation | null = check.result;
  const error = check.failure?.message ?? list.error?.message ?? null;
  const run = (chosen?: string) => check.run(chosen);
  const c = result?.counts;
  const notEnrolled = result?.rows.filter((r) => r.status === 'not_enrolled') ?? [];

  return (
    <section className="card" aria-label="Paycheck check">
      <div className="card-head">
        <h2>Proof on the paycheck</h2>
      </div>
      <p className="muted">
        Compares each enrolled person’s expected deduction and company contribution with what the next pay statement carries (type, amount,
        pre-tax, annual maximum).
        {payments && payments.excludedAppWritten > 0
          ? ` ${payments.excludedAppWritten} payment(s) the app wrote through /sandbox/payment are left out: they would only echo your input.`
          : ''}
      </p>
      <div className="inline-fields">
        {payments?.canRunPayroll && (
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void run()}>
            Run the simulator’s next pay run and check it
          </button>
        )}
        <label className="field">
          <span>Or a payroll the provider ran</span>
          <select value={paymentId} onChange={(e) => setPaymentId(e.target.value)}>
            <option value="">Choose a payment…</option>
            {(payments?.payments ?? []).map((p) => (
              <option key={p.paymentId} value={p.paymentId}>
                {p.payDate ?? 'no pay date'} · {p.people ?? '?'} people · {p.paymentId.slice(0, 8)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" disabled={busy || !paymentId} onClick={() => void run(paymentId)}>
          Check this payroll
        </button>
      </div>
      {busy && (
        <p className="muted" role="status">
          Reading the payroll’s pay statements…
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {result && c && (
        <>
          <p role="status" className="reconcile-summary">
            Payment {result.paymentId.slice(0, 8)} ({result.payDate ?? 'no date'}, {result.payType ?? 'type unknown'}
            {result.source === 'simulator_pay_run' ? ', run by the simulator' : ''}): <strong>{c.match} matching</strong>, {c.mismatch}{' '}
            differing, {c.missing} missing, {c.not_enrolled} never enrolled
            {c.unexpected ? `, ${c.unexpected} deducted without enrollment` : ''}
            {c.no_statement ? `, ${c.no_statement} without a statement` : ''}.
          </p>
          {notEnrolled.length > 0 && (
            <p className="muted">Never enrolled: {notEnrolled.map((r) => r.name ?? r.individualId).join(', ')}.</p>
          )}
          <DataTable
            label="Reconciliation"
            rows={result.rows}
            columns={COLUMNS}
            noun={['person', 'people']}
            exportStem={`reconciliation-${result.paymentId.slice(0, 8)}`}
            rowKey={(r) => r.individualId}
            rowClass={(r) => (r.status === 'match' || r.status === 'not_enrolled' ? undefined : 'row-error')}
            maxHeight={420}
          />
          <RequestIds ids={result.requestIds} />
        </>
      )}
    </section>
  );
}
