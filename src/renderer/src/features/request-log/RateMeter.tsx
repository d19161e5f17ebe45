/** Used / limit per product for the active application, live from the rate limiter. */
import type { JSX } from 'react';
import { useEffect } from 'react';
import type { MeterReadingView } from '@shared/domain/request-log';
import { useRead } from '@renderer/components/data/use-read';
import { unwrap, workbench } from '@renderer/workbench';

const key = (r: MeterReadingView) => `${r.clientId}/${r.product}`;

function merge(current: ReadonlyMap<string, MeterReadingView>, list: MeterReadingView[]): Map<string, MeterReadingView> {
  const next = new Map(current);
  for (const r of list) next.set(key(r), r);
  return next;
}

export function RateMeter(): JSX.Element | null {
  // The readings now, then each change main reports merged in. Without them the meter just says nothing was called.
  const meter = useRead('rate-limits', async () => merge(new Map(), await unwrap(workbench().rateLimits.readings())));
  const { setData } = meter;
  useEffect(() => workbench().rateLimits.onChanged((list) => setData((current) => merge(current ?? new Map(), list))), [setData]);
  const readings = meter.data ?? new Map<string, MeterReadingView>();
  const rows = [...readings.values()].filter((r) => r.used > 0 || r.queued > 0 || r.blockedUntil !== null);
  if (rows.length === 0) return <p className="muted meter-empty">Rate limits: no calls in the last minute.</p>;
  return (
    <ul className="meter" aria-label="Rate limits, last 60 seconds">
      {rows.map((r) => (
        <li key={`${r.clientId}/${r.product}`} title={`client_id …${r.clientId.slice(-4)}`}>
          <span className="meter-label">{r.product}</span>
          <span className="meter-bar" aria-hidden="true">
            <span style={{ width: `${Math.min(100, (100 * r.used) / r.limit)}%` }} className={r.used >= r.limit ? 'full' : ''} />
          </span>
          <span className="mono">
            {r.used}/{r.limit}
            {r.queued > 0 ? ` · ${r.queued} waiting` : ''}
            {r.blockedUntil ? ' · held by Retry-After' : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
