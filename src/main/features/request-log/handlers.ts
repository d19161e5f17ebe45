/** The `requestLog` and `rateLimits` channels: the attempt log and the limiter's meter. */
import type { HandlerMap } from '@shared/contract';
import type { RateLimiter } from '@main/platform/finch/rate-limiter';
import type { RequestLog } from '@main/platform/request-log/request-log';

export function buildRequestLogHandlers(requestLog: RequestLog): HandlerMap['requestLog'] {
  return {
    search: (query) => requestLog.search(query),
    attemptsOf: ({ callId }) => requestLog.attemptsOf(callId),
  };
}

export function buildRateLimitHandlers(limiter: RateLimiter): HandlerMap['rateLimits'] {
  return { readings: () => limiter.readings() };
}
