/**
 * The support bundle's state: the selection (started from the active environment, or from a
 * failed request-log row), the connections it can cover, and the preview main builds for it,
 * refreshed shortly after each change.
 */
import type { BundlePreview, BundleSelection, SupportScope } from '@shared/domain/support';
import { defaultConnectionIds } from '@shared/domain/support';
import { useRead } from '@renderer/components/data/use-read';
import { unwrap, workbench } from '@renderer/workbench';

export const RANGES = [
  { id: '1h', label: 'Last hour', ms: 60 * 60_000 },
  { id: '24h', label: 'Last 24 hours', ms: 24 * 60 * 60_000 },
  { id: '7d', label: 'Last 7 days', ms: 7 * 24 * 60 * 60_000 },
  { id: '30d', label: 'Last 30 days', ms: 30 * 24 * 60 * 60_000 },
  { id: 'custom', label: 'Custom', ms: 0 },
] as const;
export type RangeId = (typeof RANGES)[number]['id'];

/** Now, rounded up to the next minute so a request made a moment ago is inside the window. */
function windowEnd(): number {
  return Math.ceil((Date.now() + 1) / 60_000) * 60_000;
}

export function rangeSelection(range: RangeId, selection: BundleSelection): BundleSelection {
  const spec = RANGES.find((r) => r.id === range)!;
  if (spec.id === 'custom') return selection;
  const to = windowEnd();
  return { ...selection, from: to - spec.ms, to };
}

export interface BundleState {
  scope: SupportScope | null;
  selection: BundleSelection | null;
  range: RangeId;
  preview: BundlePreview | null;
  previewing: boolean;
  error: string | null;
  setSelection: (next: BundleSelection) => void;
  setRange: (range: RangeId) => void;
}

interface Start {
  scope: SupportScope;
  selection: BundleSelection;
  range: RangeId;
  /** Until the user picks connections, a new window re-picks those that failed in it. */
  picked: boolean;
}

/** Around a failure when one was clicked, else the last day's failures of the active environment, on the connections that had them (disconnected ones too). */
async function startFrom(activeEnvironmentId: string | null, failureId: number | null): Promise<Start> {
  let selection: BundleSelection;
  let range: RangeId;
  if (failureId !== null) {
    selection = await unwrap(workbench().support.selectionForFailure({ requestLogId: failureId }));
    range = 'custom';
  } else {
    const found = await unwrap(workbench().support.scope({ environmentId: activeEnvironmentId! }));
    const s = rangeSelection('24h', {
      environmentId: found.environment.id,
      connectionIds: [],
      includeUnscoped: true,
      from: 0,
      to: 0,
      failedOnly: true,
    });
    selection = { ...s, connectionIds: defaultConnectionIds(found, s.from) };
    range = '24h';
  }
  const scope = await unwrap(workbench().support.scope({ environmentId: selection.environmentId }));
  return { scope, selection, range, picked: failureId !== null };
}

export function useBundle(activeEnvironmentId: string | null, failureId: number | null): BundleState {
  // The starting selection; the user's changes are applied to it in place (setData).
  const start = useRead(failureId !== null || activeEnvironmentId ? JSON.stringify([activeEnvironmentId, failureId]) : null, () =>
    startFrom(activeEnvironmentId, failureId),
  );
  const { scope = null, selection = null, range = '24h' } = start.data ?? {};
  // Preview after each change (debounced: typing a date should not build ten bundles).
  const preview = useRead(selection ? JSON.stringify(selection) : null, () => unwrap(workbench().support.preview(selection!)), {
    delayMs: 250,
  });
  const change = start.setData;

  return {
    scope,
    selection,
    range,
    preview: preview.data,
    previewing: preview.loading,
    error: preview.error?.message ?? start.error?.message ?? null,
    setSelection: (next) =>
      change((d) => d && { ...d, selection: next, picked: d.picked || next.connectionIds !== d.selection.connectionIds }),
    setRange: (next) =>
      change((d) => {
        if (!d) return d;
        const moved = rangeSelection(next, d.selection);
        return {
          ...d,
          range: next,
          selection: d.picked || next === 'custom' ? moved : { ...moved, connectionIds: defaultConnectionIds(d.scope, moved.from) },
        };
      }),
  };
}
