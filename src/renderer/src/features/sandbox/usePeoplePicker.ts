/**
 * The people a Sandbox form can pick from, loaded lazily: the first page of the directory
 * (one Finch call), then more only when the engineer asks. Each load is a visible operation
 * with Cancel; switching connection or leaving the screen cancels the one in flight, so the
 * picker never spends the application's shared directory budget (20 calls a minute) for
 * people nobody looks at.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OperationHandle } from '@renderer/components/OperationProgress';
import { useOperation } from '@renderer/components/OperationProgress';
import { unwrap, workbench } from '@renderer/workbench';
import type { PersonChoice } from './mock-data-prefill';
import { personChoice } from './mock-data-prefill';

/** People per load: enough to pick from, one small call. */
export const PICKER_PAGE = 100;

export interface PeoplePicker {
  people: PersonChoice[];
  /** Everyone in the directory, once Finch has said (null before, and on a 202). */
  total: number | null;
  phase: 'idle' | 'loading' | 'ready' | 'failed';
  /** Why there are no (more) people: a failure, a cancel, or Finch's 202. */
  problem: string | null;
  operation: OperationHandle;
  hasMore: boolean;
  loadMore(): void;
  /** Reads the first page again (e.g. after adding a person); the list stays until it arrives. */
  reload(): void;
}

type State = Pick<PeoplePicker, 'people' | 'total' | 'phase' | 'problem'>;
const IDLE: State = { people: [], total: null, phase: 'idle', problem: null };

export function usePeoplePicker(connectionId: string): PeoplePicker {
  const operation = useOperation();
  const nextOperation = operation.next;
  const [state, setState] = useState<State>(IDLE);
  const [attempt, setAttempt] = useState(0);
  /** The connection the list belongs to: a late answer for another one is dropped. */
  const current = useRef({ connectionId, operationId: '' });

  const load = useCallback(
    (offset: number) => {
      const operationId = nextOperation();
      current.current = { connectionId, operationId };
      const mine = () => current.current.operationId === operationId && current.current.connectionId === connectionId;
      setState((s) => ({ ...s, phase: 'loading', problem: null }));
      unwrap(workbench().explorer.directoryPage({ connectionId, offset, limit: PICKER_PAGE, operationId })).then(
        (page) => {
          if (!mine()) return;
          const arrived = page.people.map(personChoice);
          setState((s) => ({
            people: offset === 0 ? arrived : [...s.people, ...arrived],
            total: page.total,
            phase: 'ready',
            problem: page.accepted
              ? `Finch has no directory yet (${page.accepted.code ?? '202'}): ${page.accepted.message ?? 'data is still syncing'}`
              : null,
          }));
        },
        (error: Error) => mine() && setState((s) => ({ ...s, phase: 'failed', problem: `Could not read the directory: ${error.message}` })),
      );
      return operationId;
    },
    // `nextOperation` changes with every run; the connection is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [connectionId],
  );

  // A new connection starts from an empty list; a reload of the same one keeps it meanwhile.
  // (Declared first: effects run in order, and the load below sets `loading`.)
  useEffect(() => setState(IDLE), [connectionId]);
  useEffect(() => {
    if (!connectionId) return;
    load(0);
    return () => {
      // Another connection was chosen (or the list is read again): the load in flight — the
      // first page or a "more" — is not wanted any more.
      void workbench().explorer.cancel({ operationId: current.current.operationId });
    };
  }, [connectionId, attempt, load]);

  const hasMore = state.total !== null && state.people.length < state.total;
  return {
    ...state,
    operation,
    hasMore,
    loadMore: () => {
      if (state.phase !== 'loading' && hasMore) load(state.people.length);
    },
    reload: () => setAttempt((a) => a + 1),
  };
}
