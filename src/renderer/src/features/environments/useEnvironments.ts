/** The environments state from main, kept live by the `environments:changed` event. */
import { useEffect, useState } from 'react';
import type { EnvironmentsState, EnvironmentView } from '@shared/domain/environment';
import { unwrap, workbench } from '@renderer/workbench';

export function useEnvironments(): { state: EnvironmentsState | null; active: EnvironmentView | null; error: string | null } {
  const [state, setState] = useState<EnvironmentsState | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const off = workbench().environments.onChanged(setState);
    unwrap(workbench().environments.getState()).then(setState, (e: Error) => setError(e.message));
    return off;
  }, []);
  const active = state?.environments.find((e) => e.id === state.activeId) ?? null;
  return { state, active, error };
}

// Shared with other features (the support bundle's environment badge): kept in components/.
export { KIND_LABELS } from '@renderer/components/environment-kind';
