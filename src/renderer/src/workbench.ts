/**
 * The renderer's only door to main. Calls return `Result`s; `unwrap` turns a failure into
 * a thrown WorkbenchCallError so React code can show `error.message` and keep the kind.
 */
import type { IpcError, Result } from '@shared/ipc/contract-kit';

export class WorkbenchCallError extends Error {
  constructor(readonly error: IpcError) {
    super(error.message);
    this.name = 'WorkbenchCallError';
  }
}

export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const result = await call;
  if (!result.ok) throw new WorkbenchCallError(result.error);
  return result.value;
}

export function workbench(): Window['workbench'] {
  if (!window.workbench) throw new Error('The workbench bridge is missing: open the app through Electron or `npm run web`.');
  return window.workbench;
}
