/** One pay statement: its totals, then earnings, taxes, employee deductions and employer contributions as tables. */
import type { JSX } from 'react';
import { DataTable } from '@renderer/components/data-table/DataTable';
import { inferColumns } from '@renderer/components/data-table/columns';
import { Facts } from '@renderer/components/data-table/Facts';
import { Value } from '@renderer/components/data-table/Value';
import { JsonView, RequestIds } from '../read-panels';

type Statement = Record<string, unknown>;
/** Finch amounts are integers in cents: "Gross 3,333.33 USD · Net 2,322.26 USD". */
function moneyLine(statement: Statement): string {
  const money = (key: string, label: string) => {
    const m = statement[key] as { amount?: unknown; currency?: unknown } | null | undefined;
    if (!m || typeof m.amount !== 'number') return `${label} ${m === null ? 'null' : '—'}`;
    return `${label} ${(m.amount / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${String(m.currency ?? '').toUpperCase()}`;
  };
  return `${money('gross_pay', 'Gross')} · ${money('net_pay', 'Net')} (Finch sends amounts in cents)`;
}

const PARTS = [
  ['earnings', 'Earnings'],
  ['taxes', 'Taxes'],
  ['employee_deductions', 'Employee deductions'],
  ['employer_contributions', 'Employer contributions'],
] as const;

export function PayStatementCard({
  statement,
  name,
  revealed,
  requestIds,
  onClose,
}: {
  statement: Statement;
  name: string | null;
  revealed: boolean;
  requestIds: readonly string[];
  onClose?: () => void;
}): JSX.Element {
  return (
    <section className="card pay-statement" aria-label="Pay statement">
      <div className="card-head">
        <h2>
          Pay statement · {name ?? String(statement['individual_id'] ?? '')} · {String(statement['pay_date'] ?? '')}
        </h2>
        {onClose && (
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        )}
      </div>
      <RequestIds ids={requestIds} prefix="POST /employer/pay-statement" />
      {revealed && <p className="muted">{moneyLine(statement)}</p>}
      <Facts value={statement} revealed={revealed} skip={PARTS.map(([key]) => key)} />
      {PARTS.map(([key, title]) => {
        const lines = statement[key];
        return (
          <div key={key} className="pay-part">
            <h3>{title}</h3>
            {lines === null ? (
              <p className="muted">
                <Value value={null} path={key} revealed /> — the provider did not report {title.toLowerCase()} for this statement.
              </p>
            ) : !Array.isArray(lines) ? (
              <p className="muted">Not in the answer.</p>
            ) : (
              <DataTable
                label={title}
                rows={lines as Statement[]}
                columns={inferColumns(lines as Statement[], (l) => l, { first: ['name', 'type', 'amount', 'currency'] })}
                noun={['line', 'lines']}
                exportStem={`pay-statement-${key}`}
                rowKey={(_, i) => String(i)}
                revealed={revealed}
                maxHeight={200}
                compact
                empty={<p className="muted">No {title.toLowerCase()} on this statement (an empty list, not null).</p>}
              />
            )}
          </div>
        );
      })}
      <JsonView value={statement} revealed={revealed} />
    </section>
  );
}
