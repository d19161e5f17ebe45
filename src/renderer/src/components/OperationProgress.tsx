/**
 * The progress line of a long pull: records, pages, rate-limit waits, and a Cancel button.
 * Usage: `const op = useOperation()`; pass `op.id` as the channel's operationId, render
 * `<OperationProgressBar operation={op} />` while the call is pending.
 */
import type { JSX } from 'react';
import { useEffect, useMemo, useState } from 'react';
import type { OperationProgressView } from '../../../shared/domain/operations';
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
  useEffect(() => workbench().explorer.onProgress((p) => p.operationId === id && setProgress(p)), [id]);
  return useMemo(
    () => ({
      id,
      progress,
      next() {
        const fresh = crypto.randomUUID();
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

export function OperationProgressBar({ operation }: { operation: OperationHandle }): JSX.Element | null {
  const p = operation.progress;
  if (!p || p.state !== 'running') return null;
  const waits = p.rateLimitWaits > 0 ? ` · waited ${(p.rateLimitWaitMs / 1000).toFixed(1)} s for rate-limit slots (${n(p.rateLimitWaits)}×)` : '';
  return (
    <div className="operation-progress" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>
        {p.label}: {n(p.records)} records, {n(p.pages)} pages{waits}
        {p.detail ? ` — ${p.detail}` : ''}
      </span>
      <button type="button" onClick={() => void operation.cancel()}>
        Cancel
      </button>
    </div>
  );
}
