/** One connection: its status, a test read, reconnect when Finch asks, disconnect, archive, timeline. */
import type { JSX } from 'react';
import { useEffect, useRef, useState } from 'react';
import type { ConnectionView } from '@shared/domain/connection';
import type { EnvironmentView } from '@shared/domain/environment';
import { ConfirmDialog } from '@renderer/components/ConfirmDialog';
import { isArmingRefusal, useOnArmed } from '@renderer/components/useArmedRefusal';
import { unwrap, workbench } from '@renderer/workbench';
import { Timeline } from './Timeline';
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
  const [dialogError, setDialogError] = useState<{ message: string; refused: boolean } | null>(null);
  const [showTimeline, setShowTimeline] = useState(false);
  const [healthRun, setHealthRun] = useState(0);
  const live = c.disconnectedAt === null;
  const archived = c.archivedAt !== null;
  useOnArmed(() => setDialogError((e) => (e?.refused ? null : e)));

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

  const readCompany = (): void => {
    setRead({ ok: true, text: 'Reading…' });
    workbench()
      .explorer.company({ connectionId: c.id })
      .then((r) =>
        setRead(
          r.ok
            ? {
                ok: true,
                text: `${(r.value.data as { legal_name?: string }).legal_name ?? 'Company'} · Finch-Request-ID: ${r.value.requestId ?? '—'}`,
              }
            : { ok: false, text: `${r.error.message}${r.error.requestId ? ` · Finch-Request-ID: ${r.error.requestId}` : ''}` },
        ),
      );
  };
  const disconnect = (typed: string): void => {
    setDialogError(null);
    unwrap(workbench().connections.disconnect({ connectionId: c.id, ...(typed ? { confirmName: typed } : {}) })).then(
      () => setConfirming(false),
      (e: Error) => setDialogError({ message: e.message, refused: isArmingRefusal(e) }),
    );
  };
  const setArchived = (archive: boolean): void => {
    const call = archive
      ? workbench().connections.archive({ connectionId: c.id })
      : workbench().connections.unarchive({ connectionId: c.id });
    unwrap(call).then(
      () => setRead(null),
      (e: Error) => setRead({ ok: false, text: e.message }),
    );
  };

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
              onClick={() => (setDialogError(null), setConfirming(true))}
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
          {!live && (
            <button
              type="button"
              className="button"
              onClick={() => setArchived(!archived)}
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
      {showTimeline && <Timeline connectionId={c.id} />}
      {confirming && (
        <ConfirmDialog
          title={`Disconnect ${c.providerId} for ${name}?`}
          confirmLabel="Disconnect"
          danger
          error={dialogError?.message ?? null}
          {...(production ? { typeToConfirm: name } : {})}
          onCancel={() => setConfirming(false)}
          onConfirm={disconnect}
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
