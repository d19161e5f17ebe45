/** Connections of the active environment, refreshed when main says they changed. */
import { useEffect } from 'react';
import type { ConnectionView } from '@shared/domain/connection';
import { unwrap, workbench } from '../workbench';
import { useRead } from './data/use-read';

const NONE: ConnectionView[] = [];

export function useConnections(activeEnvironmentId: string | null): { connections: ConnectionView[]; error: string | null } {
  // Keyed by the environment: a late list of the one switched away from is dropped.
  const list = useRead(`environment:${activeEnvironmentId}`, () => unwrap(workbench().connections.list()), { keepDataOnError: true });
  useEffect(() => workbench().connections.onChanged(list.reload), [list.reload]);
  return { connections: list.data ?? NONE, error: list.error?.message ?? null };
}
