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
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const fail = (e: Error): void => setNote({ ok: false, text: e.message, refused: isArmingRefusal(e) });
  useOnArmed(() => setNote((n) => (n?.refused ? null : n)));

  const sandboxLike = environment.kind === 'sandbox' || environment.kind === 'local-simulator';
  const anyLive = connections.some((c) => c.disconnectedAt === null);
  const archivable = connections.filter((c) => c.disconnectedAt !== null && c.archivedAt === null).length;

  const openReview = (): void => {
    setNote(null);
    setDialogError(null);
    unwrap(workbench().connections.describeDisconnectAll({})).then(
      (targets) =>
        targets.length ? setReview(targets) : setNote({ ok: true, text: 'No live test connection to disconnect.', refused: false }),
      fail,
    );
  };
  const disconnectAll = (targets: BulkDisconnectTarget[], typed: string): void => {
    setDialogError(null);
    unwrap(workbench().connections.disconnectAllSandbox({ connectionIds: targets.map((t) => t.id), confirm: typed })).then(
      (r) => {
        setReview(null);
        const failed = r.failed.length ? ` ${r.failed.length} failed: ${r.failed.map((f) => `${f.id}: ${f.message}`).join('; ')}` : '';
        setNote({
          ok: r.failed.length === 0,
          text: `Disconnected ${r.disconnected.length} test connection(s): ${r.disconnected.join(', ') || 'none'}.${failed}`,
          refused: false,
        });
      },
      (e: Error) => setDialogError(e.message),
    );
  };
  const archiveAll = (): void => {
    setNote(null);
    unwrap(workbench().connections.archiveDisconnected({})).then(
      (r) =>
        setNote({ ok: true, text: `Archived ${r.archived} disconnected connection(s). “Show archived” lists them again.`, refused: false }),
      fail,
    );
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
          error={dialogError}
          typeToConfirm={String(review.length)}
          onCancel={() => setReview(null)}
          onConfirm={(typed) => disconnectAll(review, typed)}
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
