/**
 * Acts that change an employer's real data (pay-item rules, an entity disconnect) ask, in
 * Development and Production, for the customer's name typed; in Sandbox and the Local simulator
 * they run at once. Main checks the name again (and Production must also be armed), so this is
 * the deliberate pause, not the guard. The dialog keeps the last refusal on screen.
 */
import type { JSX, ReactNode } from 'react';
import { useState } from 'react';
import type { ConnectionView } from '@shared/domain/connection';
import type { EnvironmentView } from '@shared/domain/environment';
import { ConfirmDialog } from './ConfirmDialog';

interface Pending {
  act: string;
  run: (confirmName?: string) => Promise<unknown>;
}

/** Development and Production hold real employers' data. */
export const needsTypedName = (environment: EnvironmentView | null): boolean =>
  environment?.kind === 'development' || environment?.kind === 'production';

export function useTypedConfirm(
  environment: EnvironmentView | null,
  connection: Pick<ConnectionView, 'id' | 'customerName'> | null,
  consequence: ReactNode,
): { confirm: (act: string, run: (confirmName?: string) => Promise<unknown>) => void; element: JSX.Element | null } {
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<string | null>(null);
  const name = connection?.customerName ?? connection?.id ?? '';

  const confirm = (act: string, run: (confirmName?: string) => Promise<unknown>) => {
    if (!needsTypedName(environment)) return void run().catch(() => null);
    setError(null);
    setPending({ act, run });
  };
  const element = pending ? (
    <ConfirmDialog
      title={`${pending.act} in ${environment?.name ?? 'this environment'}?`}
      confirmLabel={pending.act}
      danger
      typeToConfirm={name}
      error={error}
      onCancel={() => setPending(null)}
      onConfirm={(typed) => {
        pending.run(typed).then(
          () => setPending(null),
          (e: Error) => setError(e.message),
        );
      }}
    >
      <p>
        {consequence} ({environment?.kind}). Type <strong>{name}</strong> to go on.
      </p>
    </ConfirmDialog>
  ) : null;
  return { confirm, element };
}
