/** Deleting an environment: first what it removes, then (Production) the typed name. */
import type { JSX } from 'react';
import type { DeletionPreview, EnvironmentView } from '@shared/domain/environment';
import { ConfirmDialog } from '@renderer/components/ConfirmDialog';
import { useAction } from '@renderer/components/data/use-action';
import { useRead } from '@renderer/components/data/use-read';
import { unwrap, workbench } from '@renderer/workbench';

export function DeleteEnvironmentDialog({
  environment,
  onClose,
}: {
  environment: EnvironmentView;
  onClose: () => void;
}): JSX.Element | null {
  const read = useRead(environment.id, () => unwrap(workbench().environments.describeDeletion({ id: environment.id })));
  const preview: DeletionPreview | null = read.data;
  const remove = useAction(
    (typed: string) => unwrap(workbench().environments.remove({ id: environment.id, ...(typed ? { confirmName: typed } : {}) })),
    { onDone: onClose },
  );
  const error = remove.failure?.message ?? read.error?.message ?? null;
  if (!preview && !error) return null;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return (
    <ConfirmDialog
      title={`Delete ${environment.name}?`}
      confirmLabel="Delete environment"
      danger
      error={error}
      {...(preview?.requiresTypedConfirmation ? { typeToConfirm: environment.name } : {})}
      onCancel={onClose}
      onConfirm={(typed) => void remove.run(typed)}
    >
      {preview && (
        <>
          <p>This removes, from this app only:</p>
          <ul data-testid="deletion-preview">
            <li>
              {plural(preview.customers, 'customer')} and {plural(preview.connections, 'connection')}
            </li>
            <li>
              {plural(preview.requests, 'logged request')} and {plural(preview.events, 'event')}
            </li>
            <li>{plural(preview.snapshots, 'snapshot')}</li>
            <li>{plural(preview.secrets, 'stored secret')} (client secret and access tokens)</li>
          </ul>
          <p className="muted">Connections at Finch are not disconnected by this. Disconnect them first if they should stop billing.</p>
        </>
      )}
    </ConfirmDialog>
  );
}
