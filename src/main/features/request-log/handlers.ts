/** The `requestLog` and `rateLimits` channels: the attempt log and the limiter's meter. */
import type { HandlerMap } from '@shared/contract';
import type { RateLimiter } from '@main/platform/finch/rate-limiter';
import type { RequestLog } from '@main/platform/request-log/request-log';
import type { LogSize } from '@shared/domain/log-retention';

export function buildRequestLogHandlers({ requestLog, size }: { requestLog: RequestLog; size: () => LogSize }): HandlerMap['requestLog'] {
  return {
    search: (query) => requestLog.search(query),
    attemptsOf: ({ callId }) => requestLog.attemptsOf(callId),
    size: () => size(),
  };
}

export function buildRateLimitHandlers(limiter: RateLimiter): HandlerMap['rateLimits'] {
  return { readings: () => limiter.readings() };
}
