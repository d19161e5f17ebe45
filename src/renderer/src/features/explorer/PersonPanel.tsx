/**
 * One person, joined: their directory entry, individual and employment records (each with
 * its own item code), and their pay statements over a date range. Nulls visible, sensitive
 * values masked until revealed, the request ids of every read shown.
 */
import type { JSX } from 'react';
import { useMemo, useState } from 'react';
import type { ConnectionView } from '@shared/domain/connection';
import { DataTable } from '@renderer/components/data-table/DataTable';
import { inferColumns } from '@renderer/components/data-table/columns';
import { Facts } from '@renderer/components/data-table/Facts';
import { OperationProgressBar, useOperation } from '@renderer/components/OperationProgress';
import { unwrap, workbench } from '@renderer/workbench';
import type { Person } from './explorer-context';
import { defaultRange, itemErrorText, stemFor } from './explorer-context';
import { AcceptedNotice, JsonView, RequestIds } from './read-panels';
import { ReadError } from '@renderer/components/data/read-failure';
import { RevealToggle } from '@renderer/components/RevealToggle';
import { useRead } from '@renderer/components/data/use-read';
import { CodeBadge } from './views/CodeBadge';
import { DateRangeFields, isBackwards } from './views/DateRangeFields';
import { PayStatementCard } from './views/PayStatementCard';

type Item = { code: number | null; body: unknown } | null;

interface Props {
  connection: ConnectionView;
  individualId: string;
  /** The person's directory row, when the directory was read. */
  entry: Person | null;
  onBack: () => void;
  onWatchJob: (jobId: string) => void;
}

export function PersonPanel({ connection, individualId, entry, onBack, onWatchJob }: Props): JSX.Element {
  const [revealed, setRevealed] = useState(false);
  const person = useRead(`${connection.id}:${individualId}`, () =>
    unwrap(workbench().explorer.person({ connectionId: connection.id, individualId })),
  );
  const name = entry ? [entry['first_name'], entry['last_name']].filter((v) => typeof v === 'string').join(' ') : '';

  const section = (title: string, item: Item): JSX.Element => (
    <div className="person-part">
      <h3>
        {title} {item && <CodeBadge code={item.code} />}
      </h3>
      {item === null ? (
        <p className="muted">Not returned: Finch sent no item for this id.</p>
      ) : item.code === 202 ? (
        <p className="notice notice-warning">
          Not there yet (202): {itemErrorText(item.code, item.body)}. Retry after the connection’s sync completes.
        </p>
      ) : item.code !== 200 ? (
        <p className="field-error">{itemErrorText(item.code, item.body)}</p>
      ) : (
        <Facts value={item.body} revealed={revealed} />
      )}
    </div>
  );

  return (
    <section className="card" aria-label="Person">
      <div className="card-head">
        <h2>
          {name || 'Person'} <span className="mono muted person-id">{individualId}</span>
        </h2>
        <span className="card-head-actions">
          <RevealToggle revealed={revealed} onChange={setRevealed} />
          <button type="button" className="button" onClick={onBack}>
            ← Back
          </button>
        </span>
      </div>
      {person.loading && !person.data && <p className="muted">Reading individual and employment…</p>}
      {person.error && <ReadError failure={person.error} what="this person" onRetry={person.reload} />}
      {person.data && <RequestIds ids={person.data.requestIds} prefix="POST /employer/individual, /employer/employment" />}
      <div className="person-grid">
        <div className="person-part">
          <h3>Directory entry</h3>
          {entry ? (
            <Facts value={entry} revealed={revealed} />
          ) : (
            <p className="muted">The directory has not been read (or answered 202): only the records below are shown.</p>
          )}
        </div>
        {person.data && section('Individual', person.data.individual)}
        {person.data && section('Employment', person.data.employment)}
      </div>
      {person.data && <JsonView value={person.data} revealed={revealed} />}
      <PersonPay connection={connection} individualId={individualId} name={name || null} revealed={revealed} onWatchJob={onWatchJob} />
    </section>
  );
}

const PAY_PRODUCTS = ['payment', 'pay_statement'];

function PersonPay({
  connection,
  individualId,
  name,
  revealed,
  onWatchJob,
}: {
  connection: ConnectionView;
  individualId: string;
  name: string | null;
  revealed: boolean;
  onWatchJob: (id: string) => void;
}): JSX.Element {
  const [draft, setDraft] = useState(defaultRange);
  const [range, setRange] = useState(draft);
  const operation = useOperation();
  // Finch answers 403 for products the connection was not granted (an HRIS-only provider has no
  // payroll): say so instead of failing on every person page; the engineer can still ask.
  const missing = connection.products.length === 0 ? [] : PAY_PRODUCTS.filter((p) => !connection.products.includes(p));
  const [asked, setAsked] = useState(false);
  const pay = useRead(missing.length > 0 && !asked ? null : `${connection.id}:${individualId}:${range.startDate}:${range.endDate}`, () =>
    unwrap(workbench().explorer.personPay({ connectionId: connection.id, individualId, ...range, operationId: operation.next() })),
  );
  const [open, setOpen] = useState<Record<string, unknown> | null>(null);
  const statements = useMemo(() => pay.data?.statements ?? [], [pay.data]);
  const columns = useMemo(
    () =>
      inferColumns(statements, (s) => s, {
        first: ['pay_date', 'type', 'payment_method', 'total_hours', 'gross_pay.amount', 'net_pay.amount', 'payment_id'],
      }).filter((c) => !['earnings', 'taxes', 'employee_deductions', 'employer_contributions', 'individual_id'].includes(c.path ?? '')),
    [statements],
  );
  return (
    <div className="person-pay">
      <h3>Pay statements</h3>
      {missing.length > 0 && !asked && (
        <p className="muted" role="note" aria-label="Pay products not granted">
          This connection was not granted {missing.join(' and ')} in Connect, so Finch would refuse these reads (403).{' '}
          <button type="button" className="link-button" onClick={() => setAsked(true)}>
            Read anyway
          </button>
        </p>
      )}
      <form
        className="explorer-form"
        onSubmit={(e) => (e.preventDefault(), !isBackwards(draft) && (setRange(draft), setOpen(null), setAsked(true)))}
      >
        <DateRangeFields range={draft} onChange={setDraft} />
        <button type="submit" className="button">
          Read this range
        </button>
      </form>
      {pay.loading && <OperationProgressBar operation={operation} />}
      {pay.error && <ReadError failure={pay.error} what="pay statements" onRetry={pay.reload} />}
      {pay.data?.accepted && (
        <AcceptedNotice
          what="pay data"
          accepted={pay.data.accepted}
          requestIds={pay.data.requestIds}
          connectionId={connection.id}
          onRetry={pay.reload}
          onWatchJob={onWatchJob}
        />
      )}
      {pay.data && !pay.data.accepted && (
        <>
          <RequestIds
            ids={pay.data.requestIds}
            prefix={`GET /employer/payment + POST /employer/pay-statement · ${pay.data.payments} payment(s) in range`}
          />
          {pay.data.itemErrors.length > 0 && (
            <ul className="item-errors">
              {pay.data.itemErrors.map((e) => (
                <li key={e.id} className="field-error">
                  Payment {e.id}: {itemErrorText(e.code, e.body)}
                </li>
              ))}
            </ul>
          )}
          <DataTable
            label="Person pay statements"
            rows={statements}
            columns={columns}
            noun={['statement', 'statements']}
            exportStem={stemFor(`pay-statements-${individualId.slice(0, 8)}`, connection)}
            rowKey={(s, i) => `${String(s['payment_id'])}:${i}`}
            onOpen={setOpen}
            revealed={revealed}
            empty={
              <p className="muted">
                {pay.data.payments === 0
                  ? `No payments between ${range.startDate} and ${range.endDate}: widen the range.`
                  : `None of the ${pay.data.payments} payment(s) in this range paid this person (inactive, another pay group, or the provider reports no statement).`}
              </p>
            }
          />
        </>
      )}
      {open && (
        <PayStatementCard
          statement={open}
          name={name}
          revealed={revealed}
          requestIds={pay.data?.requestIds ?? []}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}
