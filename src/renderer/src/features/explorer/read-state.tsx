/**
 * What every explorer view shows around its data: where it came from (request ids), what
 * went wrong (with the request id to quote and an explanation), a 202 as "not there yet"
 * with Retry and the job to watch, and the raw JSON on demand.
 */
import type { JSX, ReactNode } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Accepted, PendingContext } from '@shared/domain/explorer';
import type { IpcError } from '@shared/ipc/contract-kit';
import { maskSensitive } from '@renderer/components/data-table/Value';
import { useOutput } from '@renderer/components/export/useOutput';
import { unwrap, workbench } from '@renderer/workbench';
import { ExplainRequestIds } from '@renderer/components/diagnostics/ExplainRequestIds';

export interface ReadFailure {
  kind: IpcError['kind'] | 'unknown';
  message: string;
  requestId: string | null;
  finchCode: string | null;
}

export function toFailure(error: unknown): ReadFailure {
  const e = error as Error & { error?: IpcError };
  return {
    kind: e.error?.kind ?? 'unknown',
    message: e.message,
    requestId: e.error?.requestId ?? null,
    finchCode: e.error?.finchCode ?? null,
  };
}

/** Runs a read when its key changes; `reload` runs it again. Stale answers are dropped. */
export function useRead<T>(
  key: string | null,
  load: () => Promise<T>,
): { data: T | null; error: ReadFailure | null; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data: T | null; error: ReadFailure | null; loading: boolean }>({
    data: null,
    error: null,
    loading: false,
  });
  const [tick, setTick] = useState(0);
  const loader = useRef(load);
  loader.current = load;
  useEffect(() => {
    if (key === null) return setState({ data: null, error: null, loading: false });
    let live = true;
    setState((s) => ({ data: s.data, error: null, loading: true }));
    loader.current().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) => live && setState({ data: null, error: toFailure(error), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

/** "Finch-Request-ID: …" or "Finch-Request-IDs: a, b, c, … (12)": every view says where its data came from. */
export function RequestIds({ ids, prefix }: { ids: readonly string[]; prefix?: string }): JSX.Element {
  const [all, setAll] = useState(false);
  const shown = all ? ids : ids.slice(0, 3);
  return (
    <p className="mono muted request-ids">
      {prefix ? `${prefix} · ` : ''}
      {ids.length === 1 ? 'Finch-Request-ID' : 'Finch-Request-IDs'}: {ids.length === 0 ? '— (no call was made)' : shown.join(', ')}
      {ids.length > 3 && !all && (
        <>
          , …{' '}
          <button type="button" className="link-button" onClick={() => setAll(true)}>
            all {ids.length}
          </button>
        </>
      )}
    </p>
  );
}

const HINTS: Partial<Record<ReadFailure['kind'], string>> = {
  reauth_required: 'The employer must reconnect: start a reauthentication from Connections. Reads stay refused until then.',
  rate_limited: 'Finch’s rate limit was reached. Wait a minute and retry; the request log shows the budget per product.',
  network: 'Finch could not be reached. Check the environment’s base URL and your network, then retry.',
  conflict: 'Choose another connection, or make a new one under Connections.',
};

/** An error that says what happened, the request id to quote, an explanation, and Retry. */
export function ReadError({
  failure,
  onRetry,
  what,
  title,
  explain = true,
}: {
  failure: ReadFailure;
  onRetry?: () => void;
  what: string;
  /** Replaces “Reading … failed”. */ title?: string;
  /** Ask the diagnostics explainer (off when the message already explains). */ explain?: boolean;
}): JSX.Element | null {
  if (failure.kind === 'cancelled') {
    return (
      <p className="notice notice-info" role="status">
        {failure.message} {onRetry && <RetryButton onRetry={onRetry} label="Read again" />}
      </p>
    );
  }
  return (
    <div className="read-error">
      <p className="field-error" role="alert">
        {title ?? `Reading ${what} failed`}: {failure.message}
        {failure.requestId ? ` Finch-Request-ID: ${failure.requestId}` : ''}
      </p>
      {explain && HINTS[failure.kind] && <p className="muted">{HINTS[failure.kind]}</p>}
      {explain && failure.requestId && <ExplainRequestIds requestIds={[failure.requestId]} />}
      {onRetry && <RetryButton onRetry={onRetry} />}
    </div>
  );
}

function RetryButton({ onRetry, label = 'Retry' }: { onRetry: () => void; label?: string }): JSX.Element {
  return (
    <button type="button" className="button" onClick={onRetry}>
      {label}
    </button>
  );
}

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
  const [context, setContext] = useState<PendingContext | null>(null);
  useEffect(() => {
    unwrap(workbench().explorer.pendingContext({ connectionId: props.connectionId })).then(setContext, () => setContext(null));
  }, [props.connectionId]);
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

/** The Reveal toggle every view with sensitive values shares. */
export function RevealToggle({ revealed, onChange }: { revealed: boolean; onChange: (next: boolean) => void }): JSX.Element {
  return (
    <button type="button" className="button" onClick={() => onChange(!revealed)} aria-pressed={revealed}>
      {revealed ? 'Hide sensitive values' : 'Reveal sensitive values'}
    </button>
  );
}
