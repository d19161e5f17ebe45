/**
 * The numbers the scorecard grades against, in one place so a verdict can quote them. Finch's
 * own limits come from the app's limiter table (FINCH.md "Rate limits": per application, per
 * product, rolling 60 s); the rest are the workbench's judgement of "bounded" and "not a tight
 * loop", chosen so Finch's SDK defaults (2 retries, 0.5 s·2ⁿ backoff, Retry-After honoured) pass.
 */
export { PRODUCT_LIMITS, RATE_WINDOW_MS } from '@main/platform/finch/products';

/** Retry-After is whole seconds and timings are taken at the proxy: forgive this much early. */
export const RETRY_AFTER_SLACK_MS = 50;

/** More retries than this after a 5xx is a loop, not resilience (Finch's SDK does 2 by default). */
export const MAX_SERVER_ERROR_RETRIES = 5;
/** A retry sooner than this after the answer (except the first one) is a tight loop. */
export const TIGHT_LOOP_GAP_MS = 100;
/** A later call with the same shape further than this from the last answer is a new request, not a retry. */
export const RETRY_HORIZON_MS = 10 * 60_000;

/** Data calls allowed on a connection after `reauthenticate_user` (ones already queued when it arrived). */
export const REAUTH_GRACE_CALLS = 2;

/** A batch with item errors may be resent whole this often (e.g. once after a sync) before it is a loop. */
export const MAX_WHOLE_BATCH_RESENDS = 2;

/** After a 202 "data sync in progress", the same call sooner than this is hammering. */
export const SYNC_RETRY_MIN_GAP_MS = 1_000;
/** More than this many repeats of a call that keeps answering 202 within one minute is hammering. */
export const MAX_SYNC_RETRIES_PER_MINUTE = 5;

/**
 * How long the app gets to follow up (introspect a new token, create a reauthentication session,
 * make its next call) before a missing follow-up counts against it rather than "not yet".
 */
export const FOLLOW_UP_GRACE_MS = 30_000;
