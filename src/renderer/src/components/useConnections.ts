/** Connections of the active environment, refreshed when main says they changed. */
import { useCallback, useEffect, useState } from 'react';
import type { ConnectionView } from '@shared/domain/connection';
import { unwrap, workbench } from '../workbench';

export function useConnections(activeEnvironmentId: string | null): { connections: ConnectionView[]; error: string | null } {
  const [connections, setConnections] = useState<ConnectionView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    unwrap(workbench().connections.list()).then(
      (list) => (setConnections(list), setError(null)),
      (e: Error) => setError(e.message),
    );
  }, []);
  useEffect(() => {
    load();
    return workbench().connections.onChanged(load);
  }, [load, activeEnvironmentId]);
  return { connections, error };
}
