/** One connection: its status, a test read, reconnect when Finch asks, disconnect, archive, timeline. */
import type { JSX } from 'react';
import { useEffect, useRef, useState } from 'react';
import type { ConnectionView } from '@shared/domain/connection';
import type { EnvironmentView } from '@shared/domain/environment';
import { ConfirmDialog } from '@renderer/components/ConfirmDialog';
import { useAction } from '@renderer/components/data/use-action';
import { isArmingRefusal, useOnArmed } from '@renderer/components/useArmedRefusal';
import { unwrap, workbench } from '@renderer/workbench';
import { Timeline } from './Timeline';
import { EntitiesPanel } from './EntitiesPanel';
import { HealthCheckPanel } from '@renderer/components/diagnostics/HealthCheckPanel';

interface Props {
  connection: ConnectionView;
  environment: EnvironmentView;
  onReconnect: (connectionId: string) => void;
}

const STATUS_LABEL: Record<string, string> = {
  connected: 'connected',
  reauth: 'needs reauth',
  disconnected: 'disconnected',
  pending: 'pending',
};

export function ConnectionRow({ connection: c, environment, onReconnect }: Props): JSX.Element {
  const [read, setRead] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [showTimeline, setShowTimeline] = useState(false);
  const [showEntities, setShowEntities] = useState(false);
  const [healthRun, setHealthRun] = useState(0);
  const live = c.disconnectedAt === null;
  const archived = c.archivedAt !== null;

  // A successful reconnect makes the earlier read's 401 and health check stale: they go.
  const previousStatus = useRef(c.status);
  useEffect(() => {
    if (previousStatus.current === 'reauth' && c.status === 'connected') {
      setRead(null);
      setHealthRun(0);
    }
    previousStatus.current = c.status;
  }, [c.status]);
  const production = environment.kind === 'production';
  const name = c.customerName ?? c.id;

  const companyRead = useAction(() => unwrap(workbench().explorer.company({ connectionId: c.id })), {
    onDone: (company) =>
      setRead({
        ok: true,
        text: `${(company.data as { legal_name?: string }).legal_name ?? 'Company'} · Finch-Request-ID: ${company.requestId ?? '—'}`,
      }),
    onFailure: (failure) =>
      setRead({ ok: false, text: `${failure.message}${failure.requestId ? ` · Finch-Request-ID: ${failure.requestId}` : ''}` }),
  });
  const readCompany = (): void => {
    if (companyRead.pending) return;
    setRead({ ok: true, text: 'Reading…' });
    void companyRead.run();
  };
  // The dialog shows the last disconnect's failure; a click on Disconnect while one is pending is refused.
  const disconnect = useAction(
    (typed: string) => unwrap(workbench().connections.disconnect({ connectionId: c.id, ...(typed ? { confirmName: typed } : {}) })),
    { onDone: () => setConfirming(false) },
  );
  useOnArmed(() => disconnect.failure && isArmingRefusal(disconnect.failure) && disconnect.reset());
  const archive = useAction(
    (archive: boolean) =>
      unwrap(archive ? workbench().connections.archive({ connectionId: c.id }) : workbench().connections.unarchive({ connectionId: c.id })),
    { onDone: () => setRead(null), onFailure: (failure) => setRead({ ok: false, text: failure.message }) },
  );

  return (
    <li data-testid={`connection-${c.id}`}>
      <div className="connection-main">
        <div>
          <strong>{c.providerId}</strong>{' '}
          <span className={`badge ${c.status === 'connected' ? 'badge-ok' : 'badge-warn'}`}>{STATUS_LABEL[c.status] ?? c.status}</span>
          {archived && (
            <>
              {' '}
              <span className="badge badge-archived">archived</span>
            </>
          )}
          <div className="muted">
            company <span className="mono">{c.companyId ?? '—'}</span> · connection <span className="mono">{c.id}</span>
          </div>
          <div className="muted">{c.products.join(', ')}</div>
        </div>
        <div className="env-actions">
          {live && (
            <button type="button" className="button" onClick={readCompany} aria-label={`Read company of ${c.id}`}>
              Read company
            </button>
          )}
          {live && c.status === 'reauth' && (
            <button type="button" className="button button-primary" onClick={() => onReconnect(c.id)} aria-label={`Reconnect ${c.id}`}>
              Reconnect
            </button>
          )}
          {live && (
            <button
              type="button"
              className="button button-danger-outline"
              onClick={() => (disconnect.reset(), setConfirming(true))}
              aria-label={`Disconnect ${c.id}`}
            >
              Disconnect
            </button>
          )}
          {live && (
            <button type="button" className="button" onClick={() => setHealthRun((n) => n + 1)} aria-label={`Health check of ${c.id}`}>
              Health check
            </button>
          )}
          {live && (
            <button
              type="button"
              className="button"
              onClick={() => setShowEntities((v) => !v)}
              aria-expanded={showEntities}
              aria-label={`Entities of ${c.id}`}
            >
              Entities
            </button>
          )}
          {!live && (
            <button
              type="button"
              className="button"
              onClick={() => void archive.run(!archived)}
              aria-label={`${archived ? 'Unarchive' : 'Archive'} ${c.id}`}
            >
              {archived ? 'Unarchive' : 'Archive'}
            </button>
          )}
          <button
            type="button"
            className="button"
            onClick={() => setShowTimeline((v) => !v)}
            aria-expanded={showTimeline}
            aria-label={`Timeline of ${c.id}`}
          >
            Timeline
          </button>
        </div>
      </div>
      {read && (
        <p className={read.ok ? 'check-ok' : 'field-error'} role={read.ok ? 'status' : 'alert'}>
          {read.text}
        </p>
      )}
      {healthRun > 0 && <HealthCheckPanel key={healthRun} connectionId={c.id} />}
      {live && showEntities && <EntitiesPanel connection={c} environment={environment} />}
      {showTimeline && <Timeline connectionId={c.id} />}
      {confirming && (
        <ConfirmDialog
          title={`Disconnect ${c.providerId} for ${name}?`}
          confirmLabel="Disconnect"
          danger
          error={disconnect.failure?.message ?? null}
          {...(production ? { typeToConfirm: name } : {})}
          onCancel={() => setConfirming(false)}
          onConfirm={(typed) => void disconnect.run(typed)}
        >
          <p>
            Company <span className="mono">{c.companyId ?? '—'}</span> ({name}) loses this connection at Finch.
            {production ? ' Billing for it stops.' : ''} There is no reconnect: the employer must connect again through Finch Connect.
          </p>
          <p className="muted">The access token is removed from this computer; the connection’s history stays.</p>
        </ConfirmDialog>
      )}
    </li>
  );
}
