/**
 * Acts on many connections at once: disconnecting every live test connection (reviewed in a
 * list, confirmed by typing how many) and archiving every disconnected one out of the lists.
 * A bulk disconnect gets at least the guard a single one has: it cannot be undone.
 */
import type { JSX } from 'react';
import { useState } from 'react';
import type { BulkDisconnectTarget, ConnectionView } from '@shared/domain/connection';
import type { EnvironmentView } from '@shared/domain/environment';
import { ConfirmDialog } from '@renderer/components/ConfirmDialog';
import type { ReadFailure } from '@renderer/components/data/failure';
import { useAction } from '@renderer/components/data/use-action';
import { isArmingRefusal, useOnArmed } from '@renderer/components/useArmedRefusal';
import { unwrap, workbench } from '@renderer/workbench';

interface Note {
  ok: boolean;
  text: string;
  /** A disarmed Production environment refused it: cleared once the user arms. */
  refused: boolean;
}

function peopleText(people: number | null): string {
  return people === null ? 'people unknown' : `${people.toLocaleString('en-US')} ${people === 1 ? 'person' : 'people'}`;
}

export function BulkActions({ environment, connections }: { environment: EnvironmentView; connections: ConnectionView[] }): JSX.Element {
  const [review, setReview] = useState<BulkDisconnectTarget[] | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const fail = (failure: ReadFailure): void => setNote({ ok: false, text: failure.message, refused: isArmingRefusal(failure) });
  useOnArmed(() => setNote((n) => (n?.refused ? null : n)));

  const sandboxLike = environment.kind === 'sandbox' || environment.kind === 'local-simulator';
  const anyLive = connections.some((c) => c.disconnectedAt === null);
  const archivable = connections.filter((c) => c.disconnectedAt !== null && c.archivedAt === null).length;

  const describe = useAction(() => unwrap(workbench().connections.describeDisconnectAll({})), {
    onDone: (targets) =>
      targets.length ? setReview(targets) : setNote({ ok: true, text: 'No live test connection to disconnect.', refused: false }),
    onFailure: fail,
  });
  // The dialog shows the last bulk disconnect's failure.
  const disconnect = useAction(
    (targets: BulkDisconnectTarget[], typed: string) =>
      unwrap(workbench().connections.disconnectAllSandbox({ connectionIds: targets.map((t) => t.id), confirm: typed })),
    {
      onDone: (r) => {
        setReview(null);
        const failed = r.failed.length ? ` ${r.failed.length} failed: ${r.failed.map((f) => `${f.id}: ${f.message}`).join('; ')}` : '';
        setNote({
          ok: r.failed.length === 0,
          text: `Disconnected ${r.disconnected.length} test connection(s): ${r.disconnected.join(', ') || 'none'}.${failed}`,
          refused: false,
        });
      },
    },
  );
  const archive = useAction(() => unwrap(workbench().connections.archiveDisconnected({})), {
    onDone: (r) =>
      setNote({ ok: true, text: `Archived ${r.archived} disconnected connection(s). “Show archived” lists them again.`, refused: false }),
    onFailure: fail,
  });
  const openReview = (): void => {
    setNote(null);
    disconnect.reset();
    void describe.run();
  };
  const archiveAll = (): void => {
    setNote(null);
    void archive.run();
  };

  return (
    <>
      {sandboxLike && anyLive && (
        <button type="button" className="button button-danger-outline" onClick={openReview}>
          Disconnect all test connections
        </button>
      )}
      {archivable > 0 && (
        <button type="button" className="button" onClick={archiveAll}>
          Archive all disconnected ({archivable})
        </button>
      )}
      {note && (
        <p className={note.ok ? 'muted bulk-note' : 'field-error bulk-note'} role={note.ok ? 'status' : 'alert'}>
          {note.text}
        </p>
      )}
      {review && (
        <ConfirmDialog
          title={`Disconnect ${review.length} test connection${review.length === 1 ? '' : 's'}?`}
          confirmLabel={`Disconnect ${review.length}`}
          danger
          error={disconnect.failure?.message ?? null}
          typeToConfirm={String(review.length)}
          onCancel={() => setReview(null)}
          onConfirm={(typed) => void disconnect.run(review, typed)}
        >
          <p>
            Each company below loses its connection at Finch. There is no reconnect: the employer must connect again through Finch Connect.
          </p>
          <ul className="bulk-list" aria-label="Connections to disconnect">
            {review.map((t) => (
              <li key={t.id}>
                <strong>{t.providerId ?? 'unknown provider'}</strong> · {t.customerName ?? 'unknown customer'} · company{' '}
                <span className="mono">{t.companyId ?? '—'}</span> · connection <span className="mono">{t.id}</span> ·{' '}
                {peopleText(t.people)}
              </li>
            ))}
          </ul>
          <p className="muted">
            Their access tokens are removed from this computer; their history stays. Type the number of connections to confirm.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
