/**
 * Payments paid in a date range, then the pay statements of the payments you choose (10 per
 * call, every page, with progress and Cancel). Each payment keeps its own code; each
 * statement opens as a pay statement with its earnings, taxes, deductions and contributions.
 */
import type { JSX } from 'react';
import { useMemo, useState } from 'react';
import type { BatchRead, EndpointRead } from '@shared/domain/explorer';
import { DataTable } from '@renderer/components/data-table/DataTable';
import type { DataColumn } from '@renderer/components/data-table/columns';
import { inferColumns } from '@renderer/components/data-table/columns';
import { OperationProgressBar, useOperation } from '@renderer/components/OperationProgress';
import { unwrap, workbench } from '@renderer/workbench';
import type { ViewProps } from '../explorer-context';
import { defaultRange, itemErrorText, nameIndex, stemFor } from '../explorer-context';
import { AcceptedNotice, JsonView, RequestIds } from '../read-panels';
import { ReadError } from '@renderer/components/data/read-failure';
import { useAction } from '@renderer/components/data/use-action';
import { RevealToggle } from '@renderer/components/RevealToggle';
import { CodeBadge, rowTone } from './CodeBadge';
import { DateRangeFields, isBackwards } from './DateRangeFields';
import { PayStatementCard } from './PayStatementCard';

type Payment = Record<string, unknown>;
type Statement = Record<string, unknown>;

export function PaymentsView({ connection, people, onWatchJob }: ViewProps): JSX.Element {
  const [range, setRange] = useState(defaultRange);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [revealed, setRevealed] = useState(false);

  const reading = useAction((input: { startDate: string; endDate: string }) =>
    unwrap(workbench().explorer.payments({ connectionId: connection.id, ...input })),
  );
  const payments: EndpointRead | null = reading.result;
  const failure = reading.failure;
  const loading = reading.pending;
  const readPayments = async () => {
    if (isBackwards(range) || reading.pending) return; // the inline error already says why
    setChosen(new Set());
    await reading.run(range);
  };
  const list = useMemo(() => (Array.isArray(payments?.data) ? payments.data : []) as Payment[], [payments]);
  const columns = useMemo<DataColumn<Payment>[]>(
    () =>
      inferColumns(list, (p) => p, {
        first: ['pay_date', 'pay_period.start_date', 'pay_period.end_date', 'gross_pay.amount', 'net_pay.amount', 'id'],
      }).map((c) =>
        c.path === 'individual_ids'
          ? {
              ...c,
              header: 'people paid',
              value: (p: Payment) => (Array.isArray(p['individual_ids']) ? p['individual_ids'].length : p['individual_ids']),
            }
          : c,
      ),
    [list],
  );

  return (
    <>
      <section className="card" aria-label="Payments">
        <div className="card-head">
          <h2>Payments</h2>
          <RevealToggle revealed={revealed} onChange={setRevealed} />
        </div>
        <p className="muted">
          GET /employer/payment by pay date. Finch keeps about two years of pay history plus the current year (less for some providers).
        </p>
        <form className="explorer-form" onSubmit={(e) => (e.preventDefault(), void readPayments())}>
          <DateRangeFields range={range} onChange={setRange} />
          <button type="submit" className="button button-primary" disabled={loading}>
            {loading ? 'Reading…' : 'Read payments'}
          </button>
        </form>
        {failure && <ReadError failure={failure} what="payments" onRetry={() => void readPayments()} />}
        {payments?.accepted && (
          <AcceptedNotice
            what="payments"
            accepted={payments.accepted}
            requestIds={payments.requestIds}
            connectionId={connection.id}
            onRetry={() => void readPayments()}
            onWatchJob={onWatchJob}
          />
        )}
        {payments && !payments.accepted && (
          <>
            <RequestIds
              ids={payments.requestIds}
              prefix={`GET /employer/payment?start_date=${range.startDate}&end_date=${range.endDate}`}
            />
            <DataTable
              label="Payments table"
              rows={list}
              columns={columns}
              noun={['payment', 'payments']}
              exportStem={stemFor('payments', connection)}
              rowKey={(p, i) => String(p['id'] ?? i)}
              selected={chosen}
              onSelectedChange={setChosen}
              revealed={revealed}
              empty={
                <p className="muted">
                  No payments were paid between {range.startDate} and {range.endDate}. Widen the range; a provider without payroll (e.g. an
                  HRIS) has none at all.
                </p>
              }
            />
            <JsonView value={payments.data} revealed={revealed} />
          </>
        )}
        {!payments && !failure && !loading && (
          <p className="muted">Choose a range and read the payments; then tick payments to read their pay statements.</p>
        )}
      </section>
      {payments && !payments.accepted && list.length > 0 && (
        <PayStatementsSection
          connection={connection}
          people={people}
          paymentIds={[...chosen]}
          payments={list}
          revealed={revealed}
          onWatchJob={onWatchJob}
        />
      )}
    </>
  );
}

function PayStatementsSection(
  props: Pick<ViewProps, 'connection' | 'people' | 'onWatchJob'> & { paymentIds: string[]; payments: Payment[]; revealed: boolean },
): JSX.Element {
  const { connection, paymentIds } = props;
  const operation = useOperation();
  const [open, setOpen] = useState<Statement | null>(null);
  const reading = useAction((ids: string[]) =>
    unwrap(workbench().explorer.payStatements({ connectionId: connection.id, paymentIds: ids, operationId: operation.next() })),
  );
  const result: BatchRead | null = reading.result;
  const failure = reading.failure;
  const running = reading.pending;
  const nameOf = useMemo(() => nameIndex(props.people), [props.people]);
  const payDate = useMemo(() => new Map(props.payments.map((p) => [p['id'], p['pay_date']])), [props.payments]);

  const read = async () => {
    if (reading.pending) return;
    setOpen(null);
    await reading.run(paymentIds);
  };
  const statements = useMemo<Statement[]>(
    () =>
      (result?.rows ?? []).flatMap((row) =>
        row.code === 200
          ? (((row.body as { pay_statements?: Statement[] } | null)?.pay_statements ?? []).map((s) => ({
              payment_id: row.id,
              pay_date: payDate.get(row.id) ?? null,
              ...s,
            })) as Statement[])
          : [],
      ),
    [result, payDate],
  );
  const columns = useMemo<DataColumn<Statement>[]>(() => {
    const name: DataColumn<Statement> = { id: 'name', header: 'Name (directory)', value: (s) => nameOf(s['individual_id']) ?? undefined };
    const inferred = inferColumns(statements, (s) => s, {
      first: ['pay_date', 'individual_id', 'type', 'payment_method', 'total_hours', 'gross_pay.amount', 'net_pay.amount', 'payment_id'],
    }).map((c) =>
      ['earnings', 'taxes', 'employee_deductions', 'employer_contributions'].includes(c.path ?? '')
        ? { ...c, value: (s: Statement) => countOf(s[c.path!]) }
        : c,
    );
    return [inferred[0]!, name, ...inferred.slice(1)];
  }, [statements, nameOf]);
  const problems = (result?.rows ?? []).filter((r) => r.code !== 200);

  return (
    <section className="card" aria-label="Pay statements">
      <h2>Pay statements</h2>
      <p className="muted">POST /employer/pay-statement, 10 payments per call (Finch’s limit) and every page of each; 12 calls a minute.</p>
      <button type="button" className="button button-primary" disabled={running || paymentIds.length === 0} onClick={() => void read()}>
        {paymentIds.length === 0
          ? 'Tick payments above to read their statements'
          : `Read pay statements for ${paymentIds.length} chosen payment${paymentIds.length === 1 ? '' : 's'}`}
      </button>
      {running && <OperationProgressBar operation={operation} />}
      {failure && <ReadError failure={failure} what="pay statements" onRetry={() => void read()} />}
      {result?.accepted && (
        <AcceptedNotice
          what="pay statements"
          accepted={result.accepted}
          requestIds={result.requestIds}
          connectionId={connection.id}
          onRetry={() => void read()}
          onWatchJob={props.onWatchJob}
        />
      )}
      {result && !result.accepted && (
        <>
          <RequestIds
            ids={result.requestIds}
            prefix={`${result.calls} call(s) · ${statements.length.toLocaleString('en-US')} statements from ${result.rows.length - problems.length} payment(s)`}
          />
          {problems.length > 0 && (
            <DataTable
              label="Payments without statements"
              rows={problems}
              columns={[
                { id: 'payment_id', header: 'Payment id', value: (r) => r.id },
                { id: 'code', header: 'Item code', value: (r) => r.code, width: '90px', render: (r) => <CodeBadge code={r.code} /> },
                { id: 'error', header: 'Item error', value: (r) => itemErrorText(r.code, r.body), width: 'minmax(260px, 3fr)' },
              ]}
              noun={['payment', 'payments']}
              exportStem={stemFor('pay-statement-errors', connection)}
              rowKey={(r) => r.id}
              rowClass={(r) => rowTone(r.code)}
            />
          )}
          <DataTable
            label="Pay statements table"
            rows={statements}
            columns={columns}
            noun={['statement', 'statements']}
            exportStem={stemFor('pay-statements', connection)}
            rowKey={(s, i) => `${String(s['payment_id'])}:${String(s['individual_id'])}:${i}`}
            onOpen={setOpen}
            revealed={props.revealed}
            empty={
              <p className="muted">
                These payments came back without statements. Some providers report payments before their statements; read again after the
                next sync.
              </p>
            }
          />
          <JsonView value={result.rows} revealed={props.revealed} label="JSON (every payment’s item)" />
        </>
      )}
      {open && (
        <PayStatementCard
          statement={open}
          name={nameOf(open['individual_id'])}
          revealed={props.revealed}
          requestIds={result?.requestIds ?? []}
          onClose={() => setOpen(null)}
        />
      )}
    </section>
  );
}

const countOf = (v: unknown) => (Array.isArray(v) ? `${v.length} item${v.length === 1 ? '' : 's'}` : v);
