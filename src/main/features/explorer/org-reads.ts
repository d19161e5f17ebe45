/**
 * Organisation reads: company, the whole directory (every page, as an operation, each page's
 * people handed on as it arrives), one directory page (person pickers), one person, and
 * individuals/employments for everyone in chunks.
 */
import { DIRECTORY_PAGE_LIMIT_MAX } from '@shared/domain/directory';
import type { BatchRead, EndpointRead } from '@shared/domain/explorer';
import { WorkbenchError } from '@main/platform/errors';
import { readBatch } from '@main/platform/reads/batch-reader';
import type { ReadContext } from '@main/platform/reads/finch-read';
import { acceptedOf, callSignal, rawBody, readEndpoint } from '@main/platform/reads/finch-read';
import type { Operation } from '@main/platform/operations/operations';

export interface DirectoryPage {
  /** Everyone read, unless the read was asked not to keep them (`keep: false`). */
  people: Record<string, unknown>[];
  /** How many people were read (kept or not). */
  count: number;
  /** 202: Finch has no data yet; the body says why. */
  accepted: { code: string | null; message: string | null } | null;
  requestIds: string[];
  pages: number;
  /** Finch's `paging.count`: everyone in the directory (null on a 202). */
  total: number | null;
}

/** Rows of one directory page, handed on as they arrive (the explorer paints them at once). */
export interface DirectoryRows {
  /** Position of the first of these people in the directory. */
  offset: number;
  people: Record<string, unknown>[];
  total: number;
  /** The page (1-based) these people came in. */
  page: number;
}

export interface DirectoryReadOptions {
  /** Called with each page's people as soon as the page arrives. */
  onRows?: (rows: DirectoryRows) => void;
  /**
   * Keep every page in the answer (default). A streamed read that hands each page on through
   * `onRows` passes false: main then holds one page at a time, not the whole company.
   */
  keep?: boolean;
  /** Someone is waiting to see rows: the first page is small, so it comes back at once (default: when `onRows` is given). */
  quickFirstPage?: boolean;
}

/**
 * Page sizes. Finch counts calls, not people (20 directory calls a minute per application,
 * shared by every connection and screen), and allows up to 10,000 people a page: so pages
 * are large. When someone is waiting to see rows, the first page is small, so it comes back
 * at once and the rest streams in behind it.
 */
export const DIRECTORY_PAGE = 5_000;
export const DIRECTORY_FIRST_PAGE = 100;
const MAX_PEOPLE = 100_000;

export function readCompany(ctx: ReadContext): Promise<EndpointRead> {
  return readEndpoint(ctx, (client) => client.hris.company.retrieve());
}

/**
 * The whole directory, page after page, as part of an operation: progress after every page
 * ("N of M people, page k…"), cancellable between pages and while a call waits for a
 * rate-limit slot (the limiter drops a cancelled waiter, so no further call is sent).
 */
export async function readDirectory(ctx: ReadContext, operation?: Operation, options: DirectoryReadOptions = {}): Promise<DirectoryPage> {
  const keep = options.keep ?? true;
  const people: Record<string, unknown>[] = [];
  const requestIds: string[] = [];
  let offset = 0;
  let pages = 0;
  let count = 0;
  let total: number | null = null;
  for (;;) {
    operation?.checkCancelled();
    const limit = pages === 0 && (options.quickFirstPage ?? options.onRows !== undefined) ? DIRECTORY_FIRST_PAGE : DIRECTORY_PAGE;
    operation?.advance({
      detail: total === null ? `page ${pages + 1}…` : `${fmt(count)} of ${fmt(total)} people, page ${pages + 1}…`,
    });
    const page = await readDirectoryCall(ctx, offset, limit, operation?.signal);
    // A call that was already under way when the user cancelled: its answer is not used.
    operation?.checkCancelled();
    pages += 1;
    if (page.requestId) requestIds.push(page.requestId);
    if (page.accepted) return { people, count, accepted: page.accepted, requestIds, pages, total: null };
    const batch = page.people;
    if (keep) for (const person of batch) people.push(person);
    count += batch.length;
    total = page.total ?? count;
    if (batch.length > 0) options.onRows?.({ offset, people: batch, total, page: pages });
    offset += batch.length;
    operation?.advance({ records: batch.length, pages: 1, detail: `${fmt(count)} of ${fmt(total)} people` });
    if (batch.length === 0 || offset >= total) break;
    if (count >= MAX_PEOPLE)
      throw new WorkbenchError('validation', `This directory has more than ${fmt(MAX_PEOPLE)} people; the explorer stops there.`);
  }
  return { people, count, accepted: null, requestIds, pages, total };
}

export interface DirectorySlice {
  people: Record<string, unknown>[];
  accepted: { code: string | null; message: string | null } | null;
  requestIds: string[];
  total: number | null;
}

/** One directory page at `offset` (a person picker's first page, or its "more"). One call. */
export async function readDirectoryPage(ctx: ReadContext, offset: number, limit: number, operation?: Operation): Promise<DirectorySlice> {
  if (limit > DIRECTORY_PAGE_LIMIT_MAX) throw new WorkbenchError('validation', `At most ${DIRECTORY_PAGE_LIMIT_MAX} people a page.`);
  operation?.checkCancelled();
  operation?.advance({ detail: `people ${fmt(offset + 1)}–${fmt(offset + limit)}…` });
  const page = await readDirectoryCall(ctx, offset, limit, operation?.signal);
  operation?.checkCancelled();
  const shown = page.total === null ? {} : { detail: `${fmt(offset + page.people.length)} of ${fmt(page.total)} people` };
  operation?.advance({ records: page.people.length, pages: 1, ...shown });
  return { people: page.people, accepted: page.accepted, requestIds: page.requestId ? [page.requestId] : [], total: page.total };
}

async function readDirectoryCall(ctx: ReadContext, offset: number, limit: number, signal: AbortSignal | undefined) {
  const call = callSignal(signal);
  const page = await ctx.lifecycle
    .read(ctx.environmentId, ctx.connectionId, (client) => client.hris.directory.list({ limit, offset }, call.options))
    .finally(call.release);
  const body = rawBody(page.data) as { individuals?: unknown; paging?: { count?: number } } | null;
  const accepted = acceptedOf(page.status, body);
  const people = (!accepted && Array.isArray(body?.individuals) ? body.individuals : []) as Record<string, unknown>[];
  const total = accepted ? null : typeof body?.paging?.count === 'number' ? body.paging.count : null;
  return { people, accepted, total, requestId: page.requestId };
}

/** One person: their individual and employment records (batch endpoints, one id each; per-item codes kept). */
export async function readPerson(ctx: ReadContext, individualId: string) {
  const [individual, employment] = await Promise.all([
    ctx.lifecycle.read(ctx.environmentId, ctx.connectionId, (client) =>
      client.hris.individuals.retrieveMany({ requests: [{ individual_id: individualId }] }),
    ),
    ctx.lifecycle.read(ctx.environmentId, ctx.connectionId, (client) =>
      client.hris.employments.retrieveMany({ requests: [{ individual_id: individualId }] }),
    ),
  ]);
  const one = (status: number, data: unknown) => {
    const body = rawBody(data) as { responses?: { code?: number | null; body?: unknown }[] } | null;
    // A 202 for the whole call: the person's record is "not there yet", with Finch's reason.
    if (status === 202) return { code: 202, body: body ?? null };
    const item = body?.responses?.[0];
    return item ? { code: item.code ?? null, body: item.body ?? null } : null;
  };
  return {
    individual: one(individual.status, individual.data),
    employment: one(employment.status, employment.data),
    requestIds: [individual.requestId, employment.requestId].filter((id): id is string => id !== null),
  };
}

/**
 * Individuals or employments for the given ids, or for everyone in the directory (read
 * first, in the same operation). Chunks of 1,000: one call per person would exhaust the
 * 20/min limit in seconds.
 */
export async function readPeople(
  ctx: ReadContext,
  kind: 'individual' | 'employment',
  ids: readonly string[] | undefined,
  operation?: Operation,
): Promise<BatchRead> {
  const requestIds: string[] = [];
  let calls = 0;
  let wanted = ids;
  if (!wanted) {
    // Only the ids are needed: the directory's records are not kept.
    const ids: string[] = [];
    const directory = await readDirectory(ctx, operation, {
      keep: false,
      quickFirstPage: false,
      onRows: (rows) => {
        for (const p of rows.people) if (typeof p['id'] === 'string' && p['id'] !== '') ids.push(p['id']);
      },
    });
    requestIds.push(...directory.requestIds);
    calls += directory.pages;
    if (directory.accepted) return { rows: [], requestIds, accepted: directory.accepted, calls };
    wanted = ids;
  }
  if (wanted.length === 0) return { rows: [], requestIds, accepted: null, calls };
  const result = await readBatch(ctx.lifecycle, ctx.environmentId, ctx.connectionId, kind, wanted, {
    chunkSize: 1_000,
    ...(operation ? { operation } : {}),
  });
  return {
    rows: result.items,
    requestIds: [...requestIds, ...result.requestIds],
    accepted: batchAccepted(result.items),
    calls: calls + result.calls,
  };
}

/** A batch call answered 202 as a whole (assisted connection, first sync): say so, per the body. */
export function batchAccepted(rows: BatchRead['rows']): BatchRead['accepted'] {
  if (rows.length === 0 || !rows.every((r) => r.code === 202)) return null;
  return acceptedOf(202, rows[0]!.body);
}

const fmt = (n: number) => n.toLocaleString('en-US');
