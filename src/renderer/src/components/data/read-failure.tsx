/**
 * A failure as every screen shows it: what happened, the request id to quote, an explanation
 * when the diagnostics know one, and Retry. A cancel is said as a status, not an error.
 */
import type { JSX } from 'react';
import { ExplainRequestIds } from '../diagnostics/ExplainRequestIds';
import type { ReadFailure } from './failure';

export type { ReadFailure } from './failure';
export { toFailure } from './failure';

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

export function RetryButton({ onRetry, label = 'Retry' }: { onRetry: () => void; label?: string }): JSX.Element {
  return (
    <button type="button" className="button" onClick={onRetry}>
      {label}
    </button>
  );
}
