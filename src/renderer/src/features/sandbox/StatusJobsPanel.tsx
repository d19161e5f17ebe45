/**
 * Connection status and sync jobs of a sandbox connection: force a status Finch will answer
 * with, choose how the next data_sync_all ends, and run one, watched to its end.
 */
import type { JSX } from 'react';
import { useEffect, useState } from 'react';
import { CONNECTION_STATUSES, JOB_COMPLETIONS } from '@shared/domain/sandbox';
import type { SyncJobView } from '@shared/domain/sandbox-jobs';
import { OperationProgressBar, useOperation } from '@renderer/components/OperationProgress';
import { useAction } from '@renderer/components/data/use-action';
import { useRead } from '@renderer/components/data/use-read';
import { ResultMessage, SelectField } from '@renderer/components/fields';
import { unwrap, workbench } from '@renderer/workbench';

type Status = (typeof CONNECTION_STATUSES)[number];
type Completion = (typeof JOB_COMPLETIONS)[number];

const STATUS_MEANING: Record<Status, string> = {
  connected: 'reads work',
  reauth: 'reads answer 401 reauthenticate_user',
  error_permissions: 'reads answer 403',
  pending: 'reads answer 202 (setup pending)',
  processing: 'reads answer 202 (sync in progress)',
  error_no_account_setup: 'reads answer 202 (employer has not finished setup)',
};

export function StatusJobsPanel({ connectionId }: { connectionId: string }): JSX.Element {
  const [status, setStatus] = useState<Status>('reauth');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [job, setJob] = useState<SyncJobView | null>(null);
  const operation = useOperation();

  // How the next sync job ends, as Finch has it for this connection. A choice made here is the
  // user's for as long as the panel shows this connection (SandboxScreen keys it by connection):
  // an answer that arrives after it must not put Finch's value back under their Save.
  const configuration = useRead(connectionId || null, () => unwrap(workbench().sandbox.jobConfiguration({ connectionId })), {
    keepDataOnError: true,
  });
  useEffect(() => {
    if (configuration.error) setMessage({ ok: false, text: `Could not read the job configuration: ${configuration.error.message}` });
  }, [configuration.error]);
  const [chosen, setCompletion] = useState<Completion | null>(null);
  const finchHas = configuration.data?.completionStatus ?? null;
  const completion: Completion = chosen ?? finchHas ?? 'complete';
  const completionNote = configuration.loading
    ? 'Reading how Finch will end the next job…'
    : finchHas !== null && chosen !== null && chosen !== finchHas
      ? `Finch has “${finchHas}” until you save.`
      : null;

  // One act at a time; its outcome is the panel's message line.
  const action = useAction((fn: () => Promise<string>) => fn(), {
    onDone: (text) => setMessage({ ok: true, text }),
    onFailure: (failure) => setMessage({ ok: false, text: failure.message }),
  });
  const busy = action.pending;
  const act = (fn: () => Promise<string>): void => {
    if (busy) return;
    setMessage(null);
    void action.run(fn);
  };

  return (
    <section className="card" aria-labelledby="status-jobs-title">
      <h2 id="status-jobs-title">Status and sync jobs</h2>
      <div className="inline-fields">
        <SelectField
          label="Force status"
          value={status}
          options={CONNECTION_STATUSES.map((s) => ({ value: s, label: `${s} — ${STATUS_MEANING[s]}` }))}
          onChange={setStatus}
        />
        <button
          type="button"
          className="button"
          disabled={busy || !connectionId}
          onClick={() =>
            act(
              async () =>
                `Connection is now ${(await unwrap(workbench().sandbox.setStatus({ connectionId, status }))).status}: ${STATUS_MEANING[status]}.`,
            )
          }
        >
          Force status
        </button>
      </div>
      <div className="inline-fields">
        <SelectField
          label="Next sync job ends"
          value={completion}
          options={JOB_COMPLETIONS.map((c) => ({ value: c, label: c }))}
          onChange={setCompletion}
        />
        <button
          type="button"
          className="button"
          disabled={busy || !connectionId}
          onClick={() =>
            act(async () => {
              const saved = await unwrap(workbench().sandbox.setJobConfiguration({ connectionId, completionStatus: completion }));
              // What Finch has now: the note about an unsaved choice goes.
              configuration.setData(saved);
              return `The next data_sync_all will end “${saved.completionStatus}”. Finch-Request-ID: ${saved.requestId ?? '—'}`;
            })
          }
        >
          Save job outcome
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={busy || !connectionId}
          onClick={() =>
            act(async () => {
              setJob(null);
              const watched = await unwrap(workbench().sandbox.runSyncJob({ connectionId, operationId: operation.next() }));
              setJob(watched);
              return `Sync job ended “${watched.status}”.`;
            })
          }
        >
          Run sync job
        </button>
      </div>
      {completionNote && <p className="muted hint">{completionNote}</p>}
      <OperationProgressBar operation={operation} />
      <ResultMessage result={message} />
      {job && (
        <dl className="facts" aria-label="Last sync job">
          <dt>Job</dt>
          <dd className="mono">{job.jobId}</dd>
          <dt>Statuses seen</dt>
          <dd>{job.seen.join(' → ')}</dd>
          <dt>Started / completed</dt>
          <dd>
            {job.startedAt ?? '—'} / {job.completedAt ?? '—'}
          </dd>
          <dt>Request IDs</dt>
          <dd className="mono">{job.requestIds.join(', ')}</dd>
        </dl>
      )}
    </section>
  );
}
