/**
 * A list endpoint as a card: loading, error (with request id and explanation), 202 as
 * pending, an empty state that says what to do, else the data table, its request ids and
 * the raw JSON. Pay groups, items, benefits, documents, jobs and providers all use it.
 */
import type { JSX, ReactNode } from 'react';
import { useMemo, useState } from 'react';
import type { EndpointRead } from '@shared/domain/explorer';
import { DataTable } from '@renderer/components/data-table/DataTable';
import type { DataColumn } from '@renderer/components/data-table/columns';
import { inferColumns } from '@renderer/components/data-table/columns';
import { hasSensitive } from '@renderer/components/data-table/Value';
import type { ReadFailure } from '@renderer/components/data/read-failure';
import { AcceptedNotice, JsonView, RequestIds } from '../read-panels';
import { ReadError } from '@renderer/components/data/read-failure';
import { RevealToggle } from '@renderer/components/RevealToggle';

type Row = Record<string, unknown>;

export interface ListCardProps {
  title: string;
  /** e.g. "GET /employer/pay-groups". */
  endpoint: string;
  /** What the rows are, for messages: ["pay group", "pay groups"]. */
  noun: [string, string];
  read: { data: EndpointRead | null; error: ReadFailure | null; loading: boolean; reload: () => void };
  rowsOf: (data: unknown) => Row[];
  first?: string[];
  /** Replaces or adds columns after inference (e.g. a count instead of a long id list). */
  adjust?: (columns: DataColumn<Row>[]) => DataColumn<Row>[];
  rowKey: (row: Row, index: number) => string;
  onOpen?: (row: Row) => void;
  empty: ReactNode;
  exportStem: string;
  connectionId: string;
  onWatchJob: (jobId: string) => void;
  /** Shown above the table (e.g. the jobs quota). */
  header?: ReactNode;
  children?: ReactNode;
}

export function ListCard(props: ListCardProps): JSX.Element {
  const { read } = props;
  const [revealed, setRevealed] = useState(false);
  const rows = useMemo(() => (read.data && !read.data.accepted ? props.rowsOf(read.data.data) : []), [read.data, props]);
  const columns = useMemo(() => {
    const inferred = inferColumns(rows, (r) => r, props.first ? { first: props.first } : {});
    return props.adjust ? props.adjust(inferred) : inferred;
  }, [rows, props]);
  return (
    <section className="card" aria-label={props.title}>
      <div className="card-head">
        <h2>{props.title}</h2>
        <span className="card-head-actions">
          {hasSensitive(rows.slice(0, 200)) && <RevealToggle revealed={revealed} onChange={setRevealed} />}
          <button type="button" className="button" onClick={read.reload} disabled={read.loading}>
            {read.loading ? 'Reading…' : 'Read again'}
          </button>
        </span>
      </div>
      {read.loading && !read.data && <p className="muted">Reading {props.endpoint}…</p>}
      {read.error && <ReadError failure={read.error} what={props.noun[1]} onRetry={read.reload} />}
      {read.data?.accepted && (
        <AcceptedNotice
          what={props.noun[1]}
          accepted={read.data.accepted}
          requestIds={read.data.requestIds}
          connectionId={props.connectionId}
          onRetry={read.reload}
          onWatchJob={props.onWatchJob}
        />
      )}
      {read.data && !read.data.accepted && (
        <>
          <RequestIds ids={read.data.requestIds} prefix={props.endpoint} />
          {props.header}
          <DataTable
            label={`${props.title} table`}
            rows={rows}
            columns={columns}
            noun={props.noun}
            exportStem={props.exportStem}
            rowKey={props.rowKey}
            {...(props.onOpen ? { onOpen: props.onOpen } : {})}
            revealed={revealed}
            empty={props.empty}
          />
          <JsonView value={read.data.data} revealed={revealed} />
        </>
      )}
      {props.children}
    </section>
  );
}

/** A one-record answer (a detail) as facts + JSON, with where it came from. */
export function DetailCard(props: {
  title: string;
  endpoint: string;
  read: { data: EndpointRead | null; error: ReadFailure | null; loading: boolean; reload: () => void };
  what: string;
  connectionId: string;
  onWatchJob: (jobId: string) => void;
  onClose?: () => void;
  children?: (data: unknown, revealed: boolean) => ReactNode;
}): JSX.Element {
  const { read } = props;
  const [revealed, setRevealed] = useState(false);
  return (
    <section className="card detail-card" aria-label={props.title}>
      <div className="card-head">
        <h2>{props.title}</h2>
        <span className="card-head-actions">
          {hasSensitive(read.data?.data ?? null) && <RevealToggle revealed={revealed} onChange={setRevealed} />}
          {props.onClose && (
            <button type="button" className="button" onClick={props.onClose}>
              Close
            </button>
          )}
        </span>
      </div>
      {read.loading && !read.data && <p className="muted">Reading {props.endpoint}…</p>}
      {read.error && <ReadError failure={read.error} what={props.what} onRetry={read.reload} />}
      {read.data?.accepted && (
        <AcceptedNotice
          what={props.what}
          accepted={read.data.accepted}
          requestIds={read.data.requestIds}
          connectionId={props.connectionId}
          onRetry={read.reload}
          onWatchJob={props.onWatchJob}
        />
      )}
      {read.data && !read.data.accepted && (
        <>
          <RequestIds ids={read.data.requestIds} prefix={props.endpoint} />
          {props.children?.(read.data.data, revealed)}
          <JsonView value={read.data.data} revealed={revealed} />
        </>
      )}
    </section>
  );
}

export { Facts } from '@renderer/components/data-table/Facts';
