/**
 * A connection's legal entities (GET /introspect `entities`): several when the employer runs
 * payroll through more than one EIN. Each live one can be disconnected alone
 * (POST /disconnect-entity), guarded like a disconnect: armed Production, the customer's name
 * typed in Development and Production, recorded on the timeline; the list is read again after.
 */
import type { JSX } from 'react';
import { useState } from 'react';
import type { ConnectionEntity, ConnectionView } from '@shared/domain/connection';
import type { EnvironmentView } from '@shared/domain/environment';
import { ConfirmDialog } from '@renderer/components/ConfirmDialog';
import { useAction } from '@renderer/components/data/use-action';
import { useRead } from '@renderer/components/data/use-read';
import { ReadError } from '@renderer/components/data/read-failure';
import { needsTypedName } from '@renderer/components/useTypedConfirm';
import { unwrap, workbench } from '@renderer/workbench';

export function EntitiesPanel({ connection: c, environment }: { connection: ConnectionView; environment: EnvironmentView }): JSX.Element {
  const entities = useRead(`entities:${c.id}`, () => unwrap(workbench().connections.entities({ connectionId: c.id })), {
    keepDataOnError: true,
  });
  const [target, setTarget] = useState<ConnectionEntity | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const name = c.customerName ?? c.id;
  const typed = needsTypedName(environment);
  const disconnect = useAction(
    (entity: ConnectionEntity, confirmName: string) =>
      unwrap(
        workbench().connections.disconnectEntity({ connectionId: c.id, entityIds: [entity.id], ...(confirmName ? { confirmName } : {}) }),
      ),
    {
      onDone: (next, entity) => {
        setTarget(null);
        setDone(`Disconnected ${entity.name ?? entity.id} · Finch-Request-ID: ${next.requestIds.join(', ') || '—'}`);
        entities.setData(next);
      },
    },
  );
  const list = entities.data?.entities ?? [];
  const live = list.filter((e) => e.status !== 'disconnected');

  return (
    <section className="entities" aria-label={`Entities of ${c.id}`}>
      <h3>Entities</h3>
      {entities.loading && !entities.data && <p className="muted">Reading /introspect…</p>}
      {entities.error && <ReadError failure={entities.error} what="the entities" onRetry={entities.reload} />}
      {entities.data && list.length === 0 && <p className="muted">Finch lists no separate entities for this connection.</p>}
      {list.length > 0 && (
        <ul className="entity-list">
          {list.map((e) => (
            <li key={e.id} aria-label={`Entity ${e.name ?? e.id}`}>
              <strong>{e.name ?? 'unnamed entity'}</strong>{' '}
              <span className={`badge ${e.status === 'disconnected' ? 'badge-warn' : 'badge-ok'}`}>{e.status ?? 'unknown'}</span>{' '}
              <span className="muted mono">{e.id}</span>
              {e.sourceId && <span className="muted"> · source {e.sourceId}</span>}{' '}
              {e.status !== 'disconnected' && live.length > 1 && (
                <button
                  type="button"
                  className="button button-danger-outline"
                  onClick={() => (disconnect.reset(), setTarget(e))}
                  aria-label={`Disconnect entity ${e.name ?? e.id}`}
                >
                  Disconnect entity
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {list.length > 0 && live.length === 1 && (
        <p className="muted">One entity is left: disconnecting it is disconnecting the connection (Disconnect above).</p>
      )}
      {done && (
        <p className="check-ok" role="status">
          {done}
        </p>
      )}
      {entities.data && entities.data.requestIds.length > 0 && (
        <p className="muted mono">Finch-Request-ID: {entities.data.requestIds.join(', ')}</p>
      )}
      {target && (
        <ConfirmDialog
          title={`Disconnect entity ${target.name ?? target.id} of ${name}?`}
          confirmLabel="Disconnect entity"
          danger
          error={disconnect.failure?.message ?? null}
          {...(typed ? { typeToConfirm: name } : {})}
          onCancel={() => setTarget(null)}
          onConfirm={(value) => void disconnect.run(target, value)}
        >
          <p>
            Finch stops reading {target.name ?? target.id}’s payroll for this connection; the other entities stay connected. There is no
            reconnect for this entity: the employer must connect it again through Finch Connect.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
