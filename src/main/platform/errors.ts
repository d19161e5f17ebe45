/**
 * The one error type services throw on purpose. The IPC guard turns it into
 * `{ ok: false, error: { kind, message, … } }`; anything else becomes `internal`.
 */
import type { ErrorKind, IpcError } from '@shared/ipc/contract-kit';

export class WorkbenchError extends Error {
  readonly kind: ErrorKind;
  readonly details: Omit<IpcError, 'kind' | 'message'>;

  constructor(kind: ErrorKind, message: string, details: Omit<IpcError, 'kind' | 'message'> = {}) {
    super(message);
    this.name = 'WorkbenchError';
    this.kind = kind;
    this.details = details;
  }

  toIpcError(): IpcError {
    return { kind: this.kind, message: this.message, ...this.details };
  }
}
