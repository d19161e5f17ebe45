/**
 * A full pull of one connection, as coverage and snapshots both start it: the live connections
 * of the environment, the chosen one and pay range, the running flag, the operation (progress,
 * Cancel) and the outcome line. A cancelled pull says what it kept (`cancelledText`).
 */
import type { JSX, ReactNode } from 'react';
import { useState } from 'react';
import type { ConnectionView } from '@shared/domain/connection';
import { OperationProgressBar, useOperation } from '../OperationProgress';
import { useAction } from '../data/use-action';
import { useConnections } from '../useConnections';
import type { PullChoice } from './PullFields';
import { PullFields, recentRange } from './PullFields';

export interface ConnectionPull {
  /** Connections not disconnected: the ones a pull can read. */
  live: ConnectionView[];
  /** The choice, with the first live connection when none was picked yet. */
  chosen: PullChoice;
  setChoice: (next: PullChoice) => void;
  running: boolean;
  message: { ok: boolean; text: string } | null;
  setMessage: (message: { ok: boolean; text: string } | null) => void;
  operation: ReturnType<typeof useOperation>;
  /** Runs `pull` with the choice and a fresh operation id; its result is the outcome line. */
  run: (pull: (input: PullChoice & { operationId: string }) => Promise<string>) => Promise<void>;
}

export function useConnectionPull(environmentId: string | null, cancelledText = 'Cancelled: nothing was stored.'): ConnectionPull {
  const { connections } = useConnections(environmentId);
  const live = connections.filter((c) => c.disconnectedAt === null);
  const [choice, setChoice] = useState<PullChoice>(() => ({ connectionId: '', ...recentRange() }));
  const chosen = { ...choice, connectionId: choice.connectionId || live[0]?.id || '' };
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const operation = useOperation();
  // One pull at a time: a second submit while one runs is refused.
  const pulling = useAction(
    (pull: (input: PullChoice & { operationId: string }) => Promise<string>) => pull({ ...chosen, operationId: operation.next() }),
    {
      onDone: (text) => setMessage({ ok: true, text }),
      onFailure: (failure) => {
        const cancelled = failure.kind === 'cancelled';
        setMessage({ ok: cancelled, text: cancelled ? cancelledText : failure.message });
      },
    },
  );
  const running = pulling.pending;

  const run = async (pull: (input: PullChoice & { operationId: string }) => Promise<string>) => {
    if (pulling.pending) return;
    setMessage(null);
    await pulling.run(pull);
  };
  return { live, chosen, setChoice, running, message, setMessage, operation, run };
}

/** The pull's form: connection and range, what it reads, extra fields, the submit button and progress. */
export function PullForm({
  pull,
  name,
  action,
  description,
  onSubmit,
  children,
}: {
  pull: ConnectionPull;
  /** The form's accessible name. */
  name: string;
  action: string;
  description: string;
  onSubmit: () => void;
  children?: ReactNode;
}): JSX.Element {
  return (
    <form
      className="card"
      aria-label={name}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <PullFields connections={pull.live} value={pull.chosen} onChange={pull.setChoice} disabled={pull.running} />
      {children}
      <p className="muted">{description}</p>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={pull.running || !pull.chosen.connectionId}>
          {action}
        </button>
      </div>
      <OperationProgressBar operation={pull.operation} />
    </form>
  );
}
