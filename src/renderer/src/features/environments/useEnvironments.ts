/** The environments state from main, kept live by the `environments:changed` event. */
import { useEffect } from 'react';
import type { EnvironmentsState, EnvironmentView } from '@shared/domain/environment';
import { useRead } from '@renderer/components/data/use-read';
import { carriedRead, firstRead } from '@renderer/components/startup/first-reads';
import { unwrap, workbench } from '@renderer/workbench';

export function useEnvironments(): { state: EnvironmentsState | null; active: EnvironmentView | null; error: string | null } {
  const read = useRead('environments', () => unwrap(firstRead('environments', () => workbench().environments.getState())), {
    keepDataOnError: true,
    initialData: () => carriedRead('environments'),
  });
  // Each change event carries the whole new state.
  useEffect(() => workbench().environments.onChanged(read.setData), [read.setData]);
  const state = read.data;
  const active = state?.environments.find((e) => e.id === state.activeId) ?? null;
  return { state, active, error: read.error?.message ?? null };
}

// Shared with other features (the support bundle's environment badge): kept in components/.
export { KIND_LABELS } from '@renderer/components/environment-kind';
