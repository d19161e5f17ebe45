/**
 * What the request log costs on disk and what its retention will do next: shown under the
 * Request log and beside the retention setting. `refreshKey` reads it again (e.g. the saved
 * retention); the Refresh button too (pruning runs in the background).
 */
import type { JSX } from 'react';
import type { LogRetention, LogSize } from '@shared/domain/log-retention';
import { useRead } from '@renderer/components/data/use-read';
import { unwrap, workbench } from '@renderer/workbench';

const count = (n: number) => n.toLocaleString('en-US');
const when = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

export function describeRetention(retention: LogRetention): string {
  const age = retention.maxAgeDays === null ? null : `${count(retention.maxAgeDays)} day${retention.maxAgeDays === 1 ? '' : 's'}`;
  const rows = retention.maxRows === null ? null : `the newest ${count(retention.maxRows)} attempts`;
  if (age && rows) return `Keeps ${age}, at most ${rows}`;
  if (age) return `Keeps ${age}, any number of attempts`;
  if (rows) return `Keeps ${rows}, whatever their age`;
  return 'Keeps every attempt forever';
}

/** What the next prune removes, in one sentence. */
export function describePending(size: LogSize): string {
  const { byAge, byAgeCapped, byCount, ageCutoff } = size.pending;
  const parts: string[] = [];
  if (byAge > 0 && ageCutoff !== null) parts.push(`${byAgeCapped ? 'more than ' : ''}${count(byAge)} from before ${when(ageCutoff)}`);
  if (byCount > 0) parts.push(`the oldest ${count(byCount)} beyond the row limit`);
  if (parts.length === 0) return 'Nothing to prune: every attempt is within the retention.';
  return `Next prune removes ${parts.join(' and ')} (rows may be counted by both rules), in small steps while logging goes on.`;
}

export function LogSizeSummary({ refreshKey = '' }: { refreshKey?: string }): JSX.Element {
  const size = useRead(`log-size:${refreshKey}`, () => unwrap(workbench().requestLog.size()));
  const s = size.data;
  return (
    <div className="log-size" data-testid="log-size">
      {size.error && (
        <p className="field-error" role="alert">
          {size.error.message}
        </p>
      )}
      {s ? (
        <dl className="facts">
          <dt>Attempts logged</dt>
          <dd data-testid="log-size-rows">
            {count(s.rows)}
            {s.oldestTime !== null && <span className="muted"> · oldest {when(s.oldestTime)}</span>}
          </dd>
          <dt>On disk</dt>
          <dd data-testid="log-size-disk">
            {formatSize(s.fileBytes)} database
            {s.bytesPerRow !== null && ` · ${count(Math.round(s.bytesPerRow))} bytes per attempt`}
            {s.freeBytes > 0 && ` · ${formatSize(s.freeBytes)} free inside it`}
            {s.walBytes > 0 && <span className="muted"> (+ {formatSize(s.walBytes)} write-ahead log)</span>}
          </dd>
          <dt>Retention</dt>
          <dd data-testid="log-size-retention">
            {describeRetention(s.retention)}. {describePending(s)}{' '}
            <span className="muted">
              {s.autoVacuum === 'incremental'
                ? 'Space pruning frees goes back to the disk a little at a time.'
                : 'Space pruning frees is reused by new attempts; the file does not shrink.'}
            </span>
          </dd>
          {s.lastPrune && (
            <>
              <dt>Last prune</dt>
              <dd data-testid="log-size-last-prune">
                {count(s.lastPrune.deleted)} attempts removed at {when(s.lastPrune.at)} ({(s.lastPrune.durationMs / 1000).toFixed(1)} s)
              </dd>
            </>
          )}
        </dl>
      ) : (
        !size.error && <p className="muted">Measuring…</p>
      )}
      <button type="button" className="link-button" onClick={size.reload} disabled={size.loading}>
        Refresh
      </button>
    </div>
  );
}
