/**
 * The support bundle's state: the selection (started from the active environment, or from a
 * failed request-log row), the connections it can cover, and the preview main builds for it,
 * refreshed shortly after each change.
 */
import { useEffect, useState } from 'react';
import type { BundlePreview, BundleSelection, SupportScope } from '@shared/domain/support';
import { defaultConnectionIds } from '@shared/domain/support';
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

export function useBundle(activeEnvironmentId: string | null, failureId: number | null): BundleState {
  const [scope, setScope] = useState<SupportScope | null>(null);
  const [selection, setSelection] = useState<BundleSelection | null>(null);
  const [range, setRangeId] = useState<RangeId>('24h');
  const [preview, setPreview] = useState<BundlePreview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Until the user picks connections, a new window re-picks those that failed in it. */
  const [picked, setPicked] = useState(false);

  // Start: around a failure when one was clicked, else the last day's failures of the active
  // environment, on the connections that had them (disconnected ones too).
  useEffect(() => {
    let cancelled = false;
    setError(null);
    const start =
      failureId !== null
        ? unwrap(workbench().support.selectionForFailure({ requestLogId: failureId })).then((s) => ({ s, range: 'custom' as RangeId }))
        : activeEnvironmentId
          ? unwrap(workbench().support.scope({ environmentId: activeEnvironmentId })).then((found) => {
              const s = rangeSelection('24h', {
                environmentId: found.environment.id,
                connectionIds: [],
                includeUnscoped: true,
                from: 0,
                to: 0,
                failedOnly: true,
              });
              return { s: { ...s, connectionIds: defaultConnectionIds(found, s.from) }, range: '24h' as RangeId };
            })
          : null;
    start?.then(
      async ({ s, range: r }) => {
        const found = await unwrap(workbench().support.scope({ environmentId: s.environmentId }));
        if (cancelled) return;
        setScope(found);
        setSelection(s);
        setRangeId(r);
        setPicked(failureId !== null);
      },
      (e: Error) => !cancelled && setError(e.message),
    );
    return () => {
      cancelled = true;
    };
  }, [activeEnvironmentId, failureId]);

  // Preview after each change (debounced: typing a date should not build ten bundles).
  useEffect(() => {
    if (!selection) return;
    let cancelled = false;
    setPreviewing(true);
    const timer = setTimeout(() => {
      unwrap(workbench().support.preview(selection)).then(
        (p) => {
          if (cancelled) return;
          setPreview(p);
          setError(null);
          setPreviewing(false);
        },
        (e: Error) => {
          if (cancelled) return;
          setPreview(null);
          setError(e.message);
          setPreviewing(false);
        },
      );
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [selection]);

  return {
    scope,
    selection,
    range,
    preview,
    previewing,
    error,
    setSelection: (next) => {
      if (selection && next.connectionIds !== selection.connectionIds) setPicked(true);
      setSelection(next);
    },
    setRange: (next) => {
      setRangeId(next);
      if (!selection) return;
      const moved = rangeSelection(next, selection);
      setSelection(picked || !scope || next === 'custom' ? moved : { ...moved, connectionIds: defaultConnectionIds(scope, moved.from) });
    },
  };
}
