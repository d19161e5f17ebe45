/**
 * Benefits: the company's deductions and contributions, and for one benefit who is enrolled
 * (GET …/enrolled) with each enrolled person's benefit details (GET …/individuals, per item).
 */
import type { JSX } from 'react';
import { useMemo, useState } from 'react';
import type { BatchRow } from '@shared/domain/explorer';
import { DataTable } from '@renderer/components/data-table/DataTable';
import type { DataColumn } from '@renderer/components/data-table/columns';
import { inferColumns } from '@renderer/components/data-table/columns';
import { unwrap, workbench } from '@renderer/workbench';
import type { ViewProps } from '../explorer-context';
import { itemErrorText, nameIndex, stemFor } from '../explorer-context';
import { AcceptedNotice, JsonView, RequestIds } from '../read-panels';
import { ReadError } from '@renderer/components/data/read-failure';
import { RevealToggle } from '@renderer/components/RevealToggle';
import { useRead } from '@renderer/components/data/use-read';
import { CodeBadge, rowTone } from './CodeBadge';
import { Facts, ListCard } from './ListCard';

export function BenefitsView({ connection, people, onOpenPerson, onWatchJob }: ViewProps): JSX.Element {
  const list = useRead(connection.id, () => unwrap(workbench().explorer.benefits({ connectionId: connection.id })));
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <ListCard
        title="Benefits"
        endpoint="GET /employer/benefits"
        noun={['benefit', 'benefits']}
        read={list}
        rowsOf={(d) => (Array.isArray(d) ? (d as Record<string, unknown>[]) : [])}
        first={['description', 'type', 'frequency', 'benefit_id']}
        rowKey={(r, i) => String(r['benefit_id'] ?? i)}
        onOpen={(r) => setOpen(String(r['benefit_id']))}
        empty={
          <p className="muted">
            Finch returned no benefits for this company. The provider may not support benefits (see Providers), or the company has none set
            up.
          </p>
        }
        exportStem={stemFor('benefits', connection)}
        connectionId={connection.id}
        onWatchJob={onWatchJob}
      />
      {open && (
        <BenefitDetail
          key={open}
          benefitId={open}
          connectionId={connection.id}
          people={people}
          onOpenPerson={onOpenPerson}
          onWatchJob={onWatchJob}
          onClose={() => setOpen(null)}
        />
      )}
    </>
  );
}

function BenefitDetail(props: {
  benefitId: string;
  connectionId: string;
  people: ViewProps['people'];
  onOpenPerson: (id: string) => void;
  onWatchJob: (id: string) => void;
  onClose: () => void;
}): JSX.Element {
  const read = useRead(`${props.connectionId}:${props.benefitId}`, () =>
    unwrap(workbench().explorer.benefit({ connectionId: props.connectionId, benefitId: props.benefitId })),
  );
  const [revealed, setRevealed] = useState(false);
  const nameOf = useMemo(() => nameIndex(props.people), [props.people]);
  const rows = useMemo(() => read.data?.individuals ?? [], [read.data]);
  const columns = useMemo<DataColumn<BatchRow>[]>(
    () => [
      { id: 'individual_id', header: 'Individual id', value: (r) => r.id },
      { id: 'name', header: 'Name (directory)', value: (r) => nameOf(r.id) ?? undefined },
      { id: 'code', header: 'Item code', value: (r) => r.code, width: '90px', render: (r) => <CodeBadge code={r.code} /> },
      { id: 'error', header: 'Item error', value: (r) => (r.code === 200 ? undefined : itemErrorText(r.code, r.body)) },
      ...inferColumns(
        rows.filter((r) => r.code === 200),
        (r) => r.body,
        { prefix: 'body.' },
      ),
    ],
    [rows, nameOf],
  );
  const benefit = read.data?.benefit;
  const enrolledIds = ((read.data?.enrolled.data as { individual_ids?: unknown[] } | null)?.individual_ids ?? []).length;
  return (
    <section className="card detail-card" aria-label="Benefit">
      <div className="card-head">
        <h2>Benefit {String((benefit?.data as { description?: unknown } | null)?.description ?? props.benefitId)}</h2>
        <span className="card-head-actions">
          <RevealToggle revealed={revealed} onChange={setRevealed} />
          <button type="button" className="button" onClick={props.onClose}>
            Close
          </button>
        </span>
      </div>
      {read.loading && !read.data && <p className="muted">Reading the benefit, its enrolled ids and their benefit details…</p>}
      {read.error && <ReadError failure={read.error} what="the benefit" onRetry={read.reload} />}
      {benefit?.accepted && (
        <AcceptedNotice
          what="benefit data"
          accepted={benefit.accepted}
          requestIds={read.data!.requestIds}
          connectionId={props.connectionId}
          onRetry={read.reload}
          onWatchJob={props.onWatchJob}
        />
      )}
      {read.data && !benefit?.accepted && (
        <>
          <RequestIds ids={read.data.requestIds} prefix={`GET /employer/benefits/${props.benefitId}, …/enrolled, …/individuals`} />
          <Facts value={benefit?.data} revealed={revealed} />
          <h3>
            Enrolled: {enrolledIds.toLocaleString('en-US')} {enrolledIds === 1 ? 'person' : 'people'}
          </h3>
          <DataTable
            label="Enrolled individuals"
            rows={rows}
            columns={columns}
            noun={['person', 'people']}
            exportStem={`benefit-${props.benefitId}-enrolled`}
            rowKey={(r, i) => `${r.id}#${i}`}
            rowClass={(r) => rowTone(r.code)}
            onOpen={(r) => props.onOpenPerson(r.id)}
            revealed={revealed}
            empty={<p className="muted">Nobody is enrolled in this benefit.</p>}
          />
          <JsonView value={read.data} revealed={revealed} label="JSON of all three answers" />
        </>
      )}
    </section>
  );
}
