/**
 * The directory of the explorer's connection, as it arrives: main reads every page as one
 * operation and sends each page's people as an event, so the first rows show after the first
 * call instead of after the last. Switching connection, Read again and leaving the explorer
 * cancel the read in flight (main then sends no further Finch call for it).
 */
import { useCallback, useEffect, useState } from 'react';
import type { Accepted } from '@shared/domain/explorer';
import type { OperationHandle } from '@renderer/components/OperationProgress';
import { useOperation } from '@renderer/components/OperationProgress';
import { unwrap, workbench } from '@renderer/workbench';
import type { Person } from './explorer-context';
import type { ReadFailure } from '@renderer/components/data/read-failure';
import { toFailure } from '@renderer/components/data/read-failure';

export interface DirectoryState {
  /** The people received so far, in directory order. */
  people: Person[];
  /** Everyone in the directory (Finch's paging.count), once the first page has said. */
  total: number | null;
  /** Pages received so far; every page once the read is done. */
  pages: number;
  requestIds: string[];
  accepted: Accepted | null;
  /** `loading` until main's reply; `cancelled`/`failed` keep the people that had arrived. */
  phase: 'idle' | 'loading' | 'done' | 'cancelled' | 'failed';
  error: ReadFailure | null;
  /** People main says it sent: the read is complete once that many have arrived. */
  count: number | null;
}

const IDLE: DirectoryState = { people: [], total: null, pages: 0, requestIds: [], accepted: null, phase: 'idle', error: null, count: null };

/** Every person has arrived (the reply and every event). */
export const isComplete = (d: DirectoryState) => d.phase === 'done' && d.people.length >= (d.count ?? 0);

export function useDirectory(connectionId: string): DirectoryState & { operation: OperationHandle; reload: () => void } {
  const operation = useOperation();
  const nextOperation = operation.next;
  const [state, setState] = useState<DirectoryState>(IDLE);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!connectionId) return setState(IDLE);
    const operationId = nextOperation();
    let live = true;
    setState({ ...IDLE, phase: 'loading' });
    // Subscribed before the call: the first page's event can arrive before the reply to anything.
    const off = workbench().explorer.onDirectoryRows((rows) => {
      if (!live || rows.operationId !== operationId) return;
      setState((s) => ({ ...s, people: s.people.concat(rows.people), total: rows.total, pages: Math.max(s.pages, rows.page) }));
    });
    unwrap(workbench().explorer.directory({ connectionId, operationId })).then(
      (read) =>
        live &&
        setState((s) => ({
          ...s,
          phase: 'done',
          count: read.count,
          total: read.total ?? s.total,
          pages: read.pages,
          accepted: read.accepted,
          requestIds: read.requestIds,
        })),
      (error: unknown) => {
        if (!live) return;
        const failure = toFailure(error);
        setState((s) => ({ ...s, phase: failure.kind === 'cancelled' ? 'cancelled' : 'failed', error: failure }));
      },
    );
    return () => {
      live = false;
      off();
      // Nobody waits for this read any more (another connection, Read again, the user left).
      void workbench().explorer.cancel({ operationId });
    };
    // The operation id is fresh per run; `nextOperation` changes with it and must not re-run this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [connectionId, attempt]);

  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  return { ...state, operation, reload };
}
