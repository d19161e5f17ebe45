/**
 * Jobs: automated jobs with Finch's data_sync_all quota, one job's detail (automated or
 * manual), and starting a data_sync_all — which Finch allows once an hour per connection.
 */
import type { JSX } from 'react';
import { useState } from 'react';
import type { SyncStart } from '@shared/domain/explorer';
import { unwrap, workbench } from '@renderer/workbench';
import type { ViewProps } from '../explorer-context';
import { stemFor } from '../explorer-context';
import { useAction } from '@renderer/components/data/use-action';
import { ReadError } from '@renderer/components/data/read-failure';
import { RequestIds } from '../read-panels';
import { useRead } from '@renderer/components/data/use-read';
import { DetailCard, Facts, ListCard } from './ListCard';

type Quota = { allowed_refreshes?: number; remaining_refreshes?: number } | undefined;

export function JobsView({ connection, onWatchJob, watchJob }: ViewProps & { watchJob: string | null }): JSX.Element {
  const list = useRead(connection.id, () => unwrap(workbench().explorer.jobs({ connectionId: connection.id })));
  const [open, setOpen] = useState<{ kind: 'automated' | 'manual'; id: string } | null>(
    watchJob ? { kind: 'automated', id: watchJob } : null,
  );
  const [manualId, setManualId] = useState('');
  const starting = useAction(() => unwrap(workbench().explorer.startSync({ connectionId: connection.id })), {
    onDone: (result) => {
      if (result.jobId) setOpen({ kind: 'automated', id: result.jobId });
      list.reload();
    },
  });
  const started: SyncStart | null = starting.result;
  const startFailure = starting.failure;
  const detail = useRead(open ? `${connection.id}:${open.kind}:${open.id}` : null, () =>
    unwrap(workbench().explorer.job({ connectionId: connection.id, kind: open!.kind, jobId: open!.id })),
  );
  const quota = ((list.data?.data as { meta?: { quotas?: { data_sync_all?: Quota } } } | null)?.meta?.quotas?.data_sync_all ??
    undefined) as Quota;

  const start = () => starting.run();

  return (
    <>
      <section className="card" aria-label="Data sync">
        <h2>Force a data sync</h2>
        <p>
          <strong>
            Finch allows one forced <code>data_sync_all</code> per hour for a connection.
          </strong>{' '}
          Finch syncs on its own every day (every 7 days for assisted connections, which cannot be forced); use this when you need fresher
          data now.
        </p>
        <p className="muted" role="note" aria-label="Refresh quota">
          {quota ? (
            <>
              Quota now: {quota.remaining_refreshes ?? '?'} of {quota.allowed_refreshes ?? '?'} forced refresh
              {quota.allowed_refreshes === 1 ? '' : 'es'} left this hour (from GET /jobs/automated).
            </>
          ) : (
            'Quota: read the job list to see it.'
          )}
        </p>
        <button type="button" className="button button-primary" disabled={starting.pending} onClick={() => void start()}>
          {starting.pending ? 'Starting…' : 'Start data_sync_all'}
        </button>
        {started && (
          <p className="check-ok" role="status">
            {started.alreadyQueued ? 'A sync was already queued: this is that job (no quota spent).' : 'Sync started.'} Job{' '}
            {started.jobId ?? '—'} · {started.remainingRefreshes ?? '?'} of {started.allowedRefreshes ?? '?'} refreshes left.
            Finch-Request-ID: {started.requestIds.join(', ')}
          </p>
        )}
        {startFailure && (
          <ReadError
            failure={startFailure}
            what="a data sync"
            title={startFailure.finchCode === 'refresh_quota_exhausted' ? 'Finch refused the data sync' : 'Starting the data sync failed'}
            // The refusal already says the rule and when the next sync is allowed.
            explain={startFailure.finchCode !== 'refresh_quota_exhausted'}
          />
        )}
      </section>
      <ListCard
        title="Automated jobs"
        endpoint="GET /jobs/automated"
        noun={['job', 'jobs']}
        read={list}
        rowsOf={(d) => (d as { data?: Record<string, unknown>[] } | null)?.data ?? []}
        first={['type', 'status', 'created_at', 'started_at', 'completed_at', 'job_id']}
        rowKey={(r, i) => String(r['job_id'] ?? i)}
        onOpen={(r) => setOpen({ kind: 'automated', id: String(r['job_id']) })}
        empty={<p className="muted">No automated jobs for this connection yet. Start a data sync above, or wait for Finch’s daily sync.</p>}
        exportStem={stemFor('jobs', connection)}
        connectionId={connection.id}
        onWatchJob={onWatchJob}
      />
      <form
        className="explorer-form card"
        aria-label="Manual job"
        onSubmit={(e) => (e.preventDefault(), manualId.trim() && setOpen({ kind: 'manual', id: manualId.trim() }))}
      >
        <label className="field">
          <span>Manual job id (from a benefit write)</span>
          <input value={manualId} onChange={(e) => setManualId(e.target.value)} spellCheck={false} maxLength={200} />
        </label>
        <button type="submit" className="button" disabled={!manualId.trim()}>
          Look up manual job
        </button>
      </form>
      {open && (
        <DetailCard
          key={`${open.kind}:${open.id}`}
          title={`${open.kind === 'automated' ? 'Automated' : 'Manual'} job ${open.id.slice(0, 8)}`}
          endpoint={`GET /jobs/${open.kind}/${open.id}`}
          read={detail}
          what="the job"
          connectionId={connection.id}
          onWatchJob={onWatchJob}
          onClose={() => setOpen(null)}
        >
          {(data, revealed) => (
            <>
              <Facts value={data} revealed={revealed} />
              <button type="button" className="button" onClick={detail.reload}>
                Check again
              </button>
            </>
          )}
        </DetailCard>
      )}
      {started && <RequestIds ids={started.requestIds} prefix="POST /jobs/automated" />}
    </>
  );
}
