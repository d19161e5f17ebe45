/**
 * Every deduction job of the connection, followed to its end: status, per-person results with
 * the errors on their rows, and the request ids of the write and of every status check. Pending
 * is shown as pending, with when it was last checked and a Check again.
 */
import type { JSX } from 'react';
import type { DeductionJobView } from '@shared/domain/deduction-jobs';
import { isOpen } from './useDeductionJobs';
import { RequestIds } from '@renderer/components/RequestIds';

const STATUS_TEXT: Record<DeductionJobView['status'], string> = {
  unknown: 'sent, not checked yet',
  pending: 'pending',
  in_progress: 'in progress',
  complete: 'complete',
  error: 'error',
};
const time = (ms: number | null) => (ms === null ? '—' : new Date(ms).toLocaleString());

function JobRow({
  job,
  onCheck,
  nameOf,
}: {
  job: DeductionJobView;
  onCheck: () => void;
  nameOf: (id: string) => string | null;
}): JSX.Element {
  const failed = job.items.filter((i) => i.code !== null && i.code >= 400);
  const done = job.items.filter((i) => i.code !== null && i.code < 400);
  const missing = job.status === 'complete' ? job.individualIds.filter((id) => !job.items.some((i) => i.individualId === id)) : [];
  return (
    <li className="job-row" aria-label={`Job ${job.jobId}`}>
      <div className="job-head">
        <strong>{job.title}</strong>{' '}
        <span className={`badge ${job.status === 'complete' && failed.length === 0 ? 'badge-ok' : 'badge-warn'}`}>
          {STATUS_TEXT[job.status]}
        </span>
        {job.status === 'complete' && job.individualIds.length > 0 && (
          <span className="muted">
            {' '}
            {done.length} done, {failed.length} refused{missing.length ? `, ${missing.length} not in the job’s answer` : ''}
          </span>
        )}
        {isOpen(job) && (
          <button type="button" className="button" onClick={onCheck}>
            Check again
          </button>
        )}
      </div>
      <p className="muted mono">
        job {job.jobId} · started {time(job.createdAt)} · {job.checks} check{job.checks === 1 ? '' : 's'}, last {time(job.checkedAt)}
        {job.completedAt ? ` · ended ${time(job.completedAt)}` : ''}
      </p>
      {job.lastError && (
        <p className="field-error" role="alert">
          The last check failed: {job.lastError}
        </p>
      )}
      {isOpen(job) && (
        <p className="muted">
          Not finished. Assisted providers can take days: this job stays here and is checked again while the app runs.
        </p>
      )}
      {failed.length > 0 && (
        <table className="plain-table" aria-label={`Refused in job ${job.jobId}`}>
          <thead>
            <tr>
              <th>Person</th>
              <th>Code</th>
              <th>Why</th>
            </tr>
          </thead>
          <tbody>
            {failed.map((i) => (
              <tr key={i.individualId} className="row-error">
                <td>{nameOf(i.individualId) ?? <span className="mono">{i.individualId}</span>}</td>
                <td>
                  {i.code} {i.finchCode ?? ''}
                </td>
                <td>{i.message ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <RequestIds ids={job.writeRequestIds} prefix="write" />
      <RequestIds ids={job.checkRequestIds} prefix="status checks" />
    </li>
  );
}

export function JobsPanel({
  jobs,
  error,
  onCheck,
  onCheckAll,
  nameOf,
}: {
  nameOf: (id: string) => string | null;
  jobs: DeductionJobView[];
  error: string | null;
  onCheck: (jobId: string) => void;
  onCheckAll: () => void;
}): JSX.Element {
  const open = jobs.filter(isOpen).length;
  return (
    <section className="card" aria-label="Deduction jobs">
      <div className="card-head">
        <h2>Jobs ({open} open)</h2>
        <button type="button" className="button" disabled={open === 0} onClick={onCheckAll}>
          Check all open jobs
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {jobs.length === 0 ? (
        <p className="muted">No deduction write yet on this connection. Every write (create, enroll…) is a Finch job and shows here.</p>
      ) : (
        <ul className="job-list">
          {jobs.map((job) => (
            <JobRow key={job.jobId} job={job} nameOf={nameOf} onCheck={() => onCheck(job.jobId)} />
          ))}
        </ul>
      )}
    </section>
  );
}
