/**
 * How long the request log keeps attempts: by age, by row count, or both (a row goes once
 * either rule says so), and what the log costs on disk. Shared by main (the pruner, the size
 * report) and the renderer (the Settings form, the Request log's size line).
 */
import { z } from 'zod';

export const MAX_AGE_DAYS_LIMIT = 3650;
export const MIN_ROWS_KEPT = 1_000;
export const MAX_ROWS_LIMIT = 100_000_000;

export const LogRetentionSchema = z
  .object({
    /** Attempts older than this many days are pruned; null keeps them whatever their age. */
    maxAgeDays: z
      .number({ error: 'must be a whole number of days' })
      .int('must be a whole number of days')
      .min(1, 'must be at least 1 day')
      .max(MAX_AGE_DAYS_LIMIT, `must be at most ${MAX_AGE_DAYS_LIMIT} days (10 years); choose Forever to keep everything`)
      .nullable(),
    /** Only the newest this many attempts are kept; null keeps every row. */
    maxRows: z
      .number({ error: 'must be a whole number of rows' })
      .int('must be a whole number of rows')
      .min(MIN_ROWS_KEPT, `must be at least ${MIN_ROWS_KEPT.toLocaleString('en-US')} rows`)
      .max(MAX_ROWS_LIMIT, `must be at most ${MAX_ROWS_LIMIT.toLocaleString('en-US')} rows; choose Unlimited to keep everything`)
      .nullable(),
  })
  .strict();
export type LogRetention = z.infer<typeof LogRetentionSchema>;

/** Generous: a quarter of history and ten million attempts, whichever is reached first. */
export const DEFAULT_LOG_RETENTION: LogRetention = { maxAgeDays: 90, maxRows: 10_000_000 };

export const AGE_PRESETS: readonly { value: number | null; label: string }[] = [
  { value: 7, label: '7 days' },
  { value: 30, label: '30 days' },
  { value: 90, label: '90 days' },
  { value: 365, label: '1 year' },
  { value: null, label: 'Forever' },
];

export const ROW_PRESETS: readonly { value: number | null; label: string }[] = [
  { value: 1_000_000, label: '1,000,000 rows' },
  { value: 5_000_000, label: '5,000,000 rows' },
  { value: 10_000_000, label: '10,000,000 rows' },
  { value: null, label: 'Unlimited' },
];

export const DAY_MS = 86_400_000;

/** What the request log occupies, and what the retention rules will remove next. */
export const LogSizeSchema = z.object({
  rows: z.number().int(),
  /** The database file in use (page_count × page_size), the WAL beside it not included. */
  fileBytes: z.number(),
  /** Pages freed by pruning and not yet reused (new rows fill them before the file grows). */
  freeBytes: z.number(),
  walBytes: z.number(),
  /** File bytes in use divided by the log's rows: the whole database, so an upper bound. */
  bytesPerRow: z.number().nullable(),
  oldestTime: z.number().nullable(),
  newestTime: z.number().nullable(),
  /** `incremental`: pages freed by pruning are handed back to the disk; `none`: they are reused. */
  autoVacuum: z.enum(['none', 'full', 'incremental']),
  retention: LogRetentionSchema,
  pending: z.object({
    /** Rows older than the age limit, counted up to `PENDING_COUNT_CAP` (then `capped`). */
    byAge: z.number().int(),
    byAgeCapped: z.boolean(),
    /** Rows beyond the row limit (the oldest ones go). */
    byCount: z.number().int(),
    /** Rows from before this time go by the age rule; null without an age limit. */
    ageCutoff: z.number().nullable(),
  }),
  lastPrune: z.object({ at: z.number(), deleted: z.number().int(), durationMs: z.number() }).nullable(),
});
export type LogSize = z.infer<typeof LogSizeSchema>;

export const PENDING_COUNT_CAP = 100_000;
