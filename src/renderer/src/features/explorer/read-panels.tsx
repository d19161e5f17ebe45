/**
 * What every explorer view shows around its data: where it came from (request ids), a 202 as
 * "not there yet" with Retry and the job to watch, and the raw JSON on demand. (Reads, their
 * failures and the Reveal toggle are shared: components/data/ and components/RevealToggle.)
 */
import type { JSX, ReactNode } from 'react';
import { useState } from 'react';
import type { Accepted } from '@shared/domain/explorer';
import { maskSensitive } from '@renderer/components/data-table/Value';
import { useRead } from '@renderer/components/data/use-read';
import { useOutput } from '@renderer/components/export/useOutput';
import { unwrap, workbench } from '@renderer/workbench';

// Shared with every screen that shows where its data came from.
export { RequestIds } from '@renderer/components/RequestIds';

/**
 * A 202: Finch has accepted the request but has no data yet (assisted setup, first sync).
 * Says so — never "empty" — with Retry and what to watch (connection status, open jobs).
 */
export function AcceptedNotice(props: {
  what: string;
  /** What the empty answer must not be read as, e.g. "people". */ none?: string;
  accepted: Accepted;
  requestIds: readonly string[];
  connectionId: string;
  onRetry: () => void;
  onWatchJob?: (jobId: string) => void;
  children?: ReactNode;
}): JSX.Element {
  // Connection status and open jobs: extra help, so a failure to read them just leaves them out.
  const { data: context } = useRead(props.connectionId, () =>
    unwrap(workbench().explorer.pendingContext({ connectionId: props.connectionId })),
  );
  return (
    <div className="notice notice-warning accepted-notice" role="status">
      <div>
        <strong>Finch has no {props.what} yet</strong> ({props.accepted.code ?? '202'}):{' '}
        {trimPeriod(props.accepted.message ?? 'data is still syncing')}. This is not “no {props.none ?? props.what}”: Finch answered 202 and
        the data comes once the sync completes. Finch-Request-ID: {props.requestIds.join(', ') || '—'}
        {context && (
          <p className="accepted-watch">
            {context.connectionStatus && (
              <>
                Connection status: <strong>{context.connectionStatus}</strong>
                {context.statusMessage ? ` — ${trimPeriod(context.statusMessage)}` : ''}.{' '}
              </>
            )}
            {context.jobs.length > 0 ? (
              <>
                Job to watch:{' '}
                {context.jobs.map((j) => (
                  <span key={j.jobId}>
                    {props.onWatchJob ? (
                      <button type="button" className="link-button mono" onClick={() => props.onWatchJob!(j.jobId)}>
                        {j.type ?? 'job'} {j.jobId.slice(0, 8)} ({j.status})
                      </button>
                    ) : (
                      <span className="mono">
                        {j.type ?? 'job'} {j.jobId} ({j.status})
                      </span>
                    )}{' '}
                  </span>
                ))}
              </>
            ) : (
              <>No Finch job is running for it yet: an assisted connection waits for the employer’s setup; check again later or see Jobs.</>
            )}
          </p>
        )}
        {props.children}
      </div>
      <button type="button" className="button" onClick={props.onRetry}>
        Retry
      </button>
    </div>
  );
}

const trimPeriod = (text: string) => text.replace(/[.\s]+$/, '');

/** The raw response as JSON, rendered only when opened (a 10,000-person body is large). */
export function JsonView({ value, revealed, label = 'JSON' }: { value: unknown; revealed: boolean; label?: string }): JSX.Element {
  const [open, setOpen] = useState(false);
  // Copying goes through main's export gate: sensitive keys lose their values unless the user picks raw.
  const output = useOutput();
  return (
    <div className="json-view">
      <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {open ? `Hide ${label}` : `Show ${label}`}
      </button>{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => void output.copy(JSON.stringify(maskSensitive(value, revealed)), label, 'json')}
      >
        Copy {label}
      </button>
      {output.note && (
        <span className={output.note.ok ? 'muted' : 'field-error'} role={output.note.ok ? 'status' : 'alert'}>
          {' '}
          {output.note.text}
        </span>
      )}
      {output.element}
      {open && (
        <pre tabIndex={0} className="json" aria-label={label}>
          {JSON.stringify(maskSensitive(value, revealed), null, 2)}
        </pre>
      )}
    </div>
  );
}
