/**
 * Deduction writes change what an employer's payroll deducts. In Sandbox (and the Local
 * simulator) they run at once; in Development and Production the user types the customer's name
 * first, as for a disconnect (main checks it again; Production must also be armed).
 */
import type { JSX } from 'react';
import { useState } from 'react';
import type { ConnectionView } from '@shared/domain/connection';
import type { EnvironmentView } from '@shared/domain/environment';
import { ConfirmDialog } from '@renderer/components/ConfirmDialog';

interface Pending {
  act: string;
  run: (confirmName?: string) => Promise<void>;
}

export function useWriteConfirm(
  environment: EnvironmentView | null,
  connection: ConnectionView | null,
): { confirm: (act: string, run: (confirmName?: string) => Promise<void>) => void; element: JSX.Element | null } {
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<string | null>(null);
  const real = environment?.kind === 'development' || environment?.kind === 'production';
  const name = connection?.customerName ?? connection?.id ?? '';

  const confirm = (act: string, run: (confirmName?: string) => Promise<void>) => {
    if (!real) return void run().catch(() => null);
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
        This writes to the employer’s real payroll ({environment?.kind}): people’s paychecks change. Type <strong>{name}</strong> to go on.
      </p>
    </ConfirmDialog>
  ) : null;
  return { confirm, element };
}
