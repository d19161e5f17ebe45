/** Where the current Connect attempt stands, in one line under the connection form. */
import type { JSX } from 'react';
import type { AttemptStatus } from './useConnectAttempt';

export function AttemptBanner({ status }: { status: AttemptStatus }): JSX.Element | null {
  switch (status.phase) {
    case 'idle':
      return null;
    case 'starting':
      return (
        <p className="muted" role="status">
          Creating a Connect session…
        </p>
      );
    case 'open':
      return (
        <div role="status" className="notice notice-info">
          <span>
            Finch Connect is open.{status.warnings.map((w) => ` ⚠ ${w}`).join('')}
            {status.lastError && <strong> Connect says: {status.lastError}</strong>}
          </span>
        </div>
      );
    case 'exchanging':
      return (
        <p className="muted" role="status">
          Exchanging the code in main…
        </p>
      );
    case 'connected':
      return (
        <p className="check-ok" role="status">
          Connected {status.connection.providerId} for {status.connection.customerName} (connection {status.connection.id},{' '}
          {status.connection.status}).
        </p>
      );
    case 'redirected':
      return (
        <p className="check-ok" role="status">
          {status.message}
        </p>
      );
    case 'failed':
      return (
        <p className="field-error" role="alert">
          {status.message}
          {status.requestId ? ` Finch-Request-ID: ${status.requestId}` : ''}
        </p>
      );
    case 'closed':
      return (
        <p className="muted" role="status">
          Connect was closed before the employer finished. Nothing was stored.
        </p>
      );
  }
}
