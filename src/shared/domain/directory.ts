/**
 * The directory as the renderer receives it: a read of every page runs as an operation whose
 * people arrive page by page as `explorer.directoryRows` events (each message bounded), and
 * whose reply only sums up; a person picker reads one page at a time instead.
 */
import { z } from 'zod';
import { AcceptedSchema, ConnectionIdSchema, OperationIdSchema } from './explorer';

const PersonRecord = z.record(z.string(), z.unknown());

export const DirectoryReadInputSchema = z.object({ connectionId: ConnectionIdSchema, operationId: OperationIdSchema.optional() }).strict();

/** The reply once every page has arrived (the people came as events). */
export const DirectoryReadSchema = z.object({
  /** People read, i.e. sent as `directoryRows` events. */
  count: z.number().int().nonnegative(),
  /** Finch's `paging.count`; null on a 202. */
  total: z.number().int().nonnegative().nullable(),
  accepted: AcceptedSchema.nullable(),
  requestIds: z.array(z.string()),
  pages: z.number().int().nonnegative(),
});
export type DirectoryRead = z.infer<typeof DirectoryReadSchema>;

/** Part of a page of people, in directory order; at most a few hundred KB per message. */
export const DirectoryRowsSchema = z.object({
  operationId: z.string(),
  connectionId: z.string(),
  /** Position of `people[0]` in the directory. */
  offset: z.number().int().nonnegative(),
  people: z.array(PersonRecord),
  total: z.number().int().nonnegative(),
  /** The Finch page (1-based) these people came in. */
  page: z.number().int().positive(),
});
export type DirectoryRowsView = z.infer<typeof DirectoryRowsSchema>;

/** Most people a picker asks for at once: one call, one reply well inside an IPC message. */
export const DIRECTORY_PAGE_LIMIT_MAX = 500;

export const DirectoryPageInputSchema = z
  .object({
    connectionId: ConnectionIdSchema,
    offset: z.number().int().nonnegative().max(50_000),
    limit: z.number().int().positive().max(DIRECTORY_PAGE_LIMIT_MAX),
    operationId: OperationIdSchema.optional(),
  })
  .strict();

export const DirectoryPageSchema = z.object({
  people: z.array(PersonRecord),
  /** Finch's `paging.count`: everyone in the directory; null on a 202. */
  total: z.number().int().nonnegative().nullable(),
  accepted: AcceptedSchema.nullable(),
  requestIds: z.array(z.string()),
});
export type DirectoryPageView = z.infer<typeof DirectoryPageSchema>;
