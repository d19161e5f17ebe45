/**
 * The progress line of a long pull: records, pages, rate-limit waits, and a Cancel button.
 * Usage: `const op = useOperation()`; pass `op.id` as the channel's operationId, render
 * `<OperationProgressBar operation={op} />` while the call is pending.
 *
 * An operation nobody can see any more is cancelled: when the component that started it
 * unmounts (the user navigated away), main stops issuing its Finch calls, so it never keeps
 * spending the application's shared rate budget in the background.
 */
import type { JSX } from 'react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { OperationProgressView } from '@shared/domain/operations';
import { unwrap, workbench } from '../workbench';

export interface OperationHandle {
  /** A fresh id for the next run; call `next()` before each start. */
  id: string;
  next(): string;
  progress: OperationProgressView | null;
  cancel(): Promise<void>;
}

export function useOperation(): OperationHandle {
  const [id, setId] = useState(() => crypto.randomUUID());
  const [progress, setProgress] = useState<OperationProgressView | null>(null);
  const started = useRef<string | null>(null);
  useEffect(() => workbench().explorer.onProgress((p) => p.operationId === id && setProgress(p)), [id]);
  useEffect(
    () => () => {
      // Main answers `cancelled: false` for one that has already ended: nothing to check first.
      if (started.current) void workbench().explorer.cancel({ operationId: started.current });
    },
    [],
  );
  return useMemo(
    () => ({
      id,
      progress,
      next() {
        const fresh = crypto.randomUUID();
        started.current = fresh;
        setId(fresh);
        setProgress(null);
        return fresh;
      },
      async cancel() {
        await unwrap(workbench().explorer.cancel({ operationId: id }));
      },
    }),
    [id, progress],
  );
}

const n = (value: number) => value.toLocaleString('en-US');

/** `detailOnly`: the operation's own words ("100 of 10,000 people, page 2…") instead of record and page counts. */
export function OperationProgressBar({
  operation,
  detailOnly = false,
}: {
  operation: OperationHandle;
  detailOnly?: boolean;
}): JSX.Element | null {
  const p = operation.progress;
  if (!p || p.state !== 'running') return null;
  const waits =
    p.rateLimitWaits > 0 ? ` · waited ${(p.rateLimitWaitMs / 1000).toFixed(1)} s for rate-limit slots (${n(p.rateLimitWaits)}×)` : '';
  return (
    <div className="operation-progress" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>
        {detailOnly && p.detail ? (
          <>
            {p.label}: {p.detail}
            {waits}
          </>
        ) : (
          <>
            {p.label}: {n(p.records)} records, {n(p.pages)} pages{waits}
            {p.detail ? ` — ${p.detail}` : ''}
          </>
        )}
      </span>
      <button type="button" onClick={() => void operation.cancel()}>
        Cancel
      </button>
    </div>
  );
}
