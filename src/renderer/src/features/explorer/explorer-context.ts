/** What every explorer view is given: the connection, the directory (for names), and ways to move on. */
import type { ConnectionView } from '@shared/domain/connection';
import type { EnvironmentView } from '@shared/domain/environment';

export type Person = Record<string, unknown>;

/** `loading`: pages are still arriving; `incomplete`: the read stopped short (cancelled, failed, 202). */
export type DirectoryStatus = 'loading' | 'complete' | 'incomplete';

export interface ViewProps {
  connection: ConnectionView;
  /** The active environment (acts that write ask for the customer's name outside Sandbox). */
  environment?: EnvironmentView | null;
  /** The people of the directory read so far (null before the first page, on 202 or on error). */
  people: Person[] | null;
  /** Whether `people` is everyone. */
  directoryStatus: DirectoryStatus;
  onOpenPerson: (individualId: string) => void;
  onWatchJob: (jobId: string) => void;
}

/** "Ada Lovelace" for an individual id, from the directory when it has been read. */
export function nameIndex(people: Person[] | null): (id: unknown) => string | null {
  const names = new Map<string, string>();
  for (const p of people ?? []) {
    const name = [p['first_name'], p['last_name']].filter((v) => typeof v === 'string' && v !== '').join(' ');
    if (typeof p['id'] === 'string' && name) names.set(p['id'], name);
  }
  return (id) => (typeof id === 'string' ? (names.get(id) ?? null) : null);
}

/** Today and a year back, as YYYY-MM-DD: Finch keeps about two years of pay history. */
export function defaultRange(now = new Date()): { startDate: string; endDate: string } {
  const end = now.toISOString().slice(0, 10);
  const start = new Date(now.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
  return { startDate: start, endDate: end };
}

/** A file-name stem for exports of a view: "payments-bamboo_hr-1a2b3c4d". */
export function stemFor(view: string, connection: ConnectionView): string {
  return `${view}-${connection.providerId ?? 'provider'}-${connection.id.slice(0, 8)}`;
}

/** Finch's per-item error body → "404 individual_not_found: No individual …". */
export function itemErrorText(code: number | null, body: unknown): string {
  const b = (body ?? {}) as { finch_code?: unknown; name?: unknown; message?: unknown };
  const name = typeof b.finch_code === 'string' ? b.finch_code : typeof b.name === 'string' ? b.name : '';
  const message = typeof b.message === 'string' ? b.message : '';
  return [String(code ?? '?'), name].filter(Boolean).join(' ') + (message ? `: ${message}` : '');
}
