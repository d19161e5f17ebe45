/**
 * The explorer's directory read, streamed: each Finch page's people go to the renderer as
 * `explorer.directoryRows` events as soon as the page arrives, so the first rows paint after
 * the first call instead of after the last. A Finch page can hold 5,000 people; events are cut
 * to a bounded size (the browser harness carries each as one WebSocket message).
 */
import type { DirectoryRead, DirectoryRowsView } from '@shared/domain/directory';
import type { DirectoryRows } from './org-reads';
import type { ExplorerService } from './explorer-service';
import type { Operation } from '@main/platform/operations/operations';

/** Upper bounds of one event: people, and JSON characters (well under the harness's 1 MB). */
export const ROWS_PER_EVENT = 1_000;
export const CHARS_PER_EVENT = 256 * 1024;

/** Cuts a page into events no larger than the bounds (a single oversized person travels alone). */
export function splitRows(rows: DirectoryRows, limits = { people: ROWS_PER_EVENT, chars: CHARS_PER_EVENT }): DirectoryRows[] {
  const parts: DirectoryRows[] = [];
  let start = 0;
  let chars = 0;
  for (let i = 0; i < rows.people.length; i++) {
    const size = JSON.stringify(rows.people[i]).length + 1;
    if (i > start && (i - start >= limits.people || chars + size > limits.chars)) {
      parts.push({ ...rows, offset: rows.offset + start, people: rows.people.slice(start, i) });
      start = i;
      chars = 0;
    }
    chars += size;
  }
  if (start < rows.people.length) parts.push({ ...rows, offset: rows.offset + start, people: rows.people.slice(start) });
  return parts;
}

export async function streamDirectory(
  explorer: ExplorerService,
  environmentId: string,
  connectionId: string,
  operation: Operation,
  emit: (rows: DirectoryRowsView) => void,
): Promise<DirectoryRead> {
  // Each page goes out as events and is not kept: main holds one page, not the whole company.
  const read = await explorer.directory(environmentId, connectionId, operation, {
    keep: false,
    onRows: (rows) => {
      for (const part of splitRows(rows)) emit({ operationId: operation.id, connectionId, ...part });
    },
  });
  // The people went out as events; the reply only sums up (and stays small).
  return { count: read.count, total: read.total, accepted: read.accepted, requestIds: read.requestIds, pages: read.pages };
}
