/**
 * What a failed call leaves for the screen: the kind (so a screen can tell a cancel or a
 * disarmed-Production refusal from a failure), the message, and what to quote to Finch.
 * Kept apart from the components that show it so the data layer's logic stays plain TypeScript.
 */
import type { IpcError } from '@shared/ipc/contract-kit';

export interface ReadFailure {
  kind: IpcError['kind'] | 'unknown';
  message: string;
  requestId: string | null;
  finchCode: string | null;
  /** For validation errors: the dotted path of each offending field (empty otherwise). */
  fields: { path: string; message: string }[];
}

/** Any rejection (a WorkbenchCallError from `unwrap`, or a plain Error) as a ReadFailure. */
export function toFailure(error: unknown): ReadFailure {
  const e = error as (Error & { error?: IpcError }) | null | undefined;
  return {
    kind: e?.error?.kind ?? 'unknown',
    message: e instanceof Error ? e.message : String(error),
    requestId: e?.error?.requestId ?? null,
    finchCode: e?.error?.finchCode ?? null,
    fields: e?.error?.fields ?? [],
  };
}
