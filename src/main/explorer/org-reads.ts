/**
 * Organisation reads: company, the whole directory (every page, as an operation), one
 * person, and individuals/employments for everyone in chunks.
 */
import type { BatchRead, EndpointRead } from '../../shared/domain/explorer';
import { WorkbenchError } from '../errors';
import { readBatch } from './batch-reader';
import type { ReadContext } from './finch-read';
import { acceptedOf, callSignal, rawBody, readEndpoint } from './finch-read';
import type { Operation } from './operations';

export interface DirectoryPage {
  people: Record<string, unknown>[];
  /** 202: Finch has no data yet; the body says why. */
  accepted: { code: string | null; message: string | null } | null;
  requestIds: string[];
  pages: number;
}

const PAGE = 500;
const MAX_PEOPLE = 50_000;

export function readCompany(ctx: ReadContext): Promise<EndpointRead> {
  return readEndpoint(ctx, (client) => client.hris.company.retrieve());
}

export async function readDirectory(ctx: ReadContext, operation?: Operation): Promise<DirectoryPage> {
  const people: Record<string, unknown>[] = [];
  const requestIds: string[] = [];
  let offset = 0;
  let pages = 0;
  for (;;) {
    operation?.checkCancelled();
    const call = callSignal(operation?.signal);
    const page = await ctx.lifecycle
      .read(ctx.environmentId, ctx.connectionId, (client) => client.hris.directory.list({ limit: PAGE, offset }, call.options))
      .finally(call.release);
    pages += 1;
    if (page.requestId) requestIds.push(page.requestId);
    const body = rawBody(page.data) as { individuals?: unknown; paging?: { count?: number } } | null;
    const accepted = acceptedOf(page.status, body);
    if (accepted) return { people, accepted, requestIds, pages };
    const batch = (Array.isArray(body?.individuals) ? body.individuals : []) as Record<string, unknown>[];
    people.push(...batch);
    const total = body?.paging?.count ?? people.length;
    offset += batch.length;
    operation?.advance({ records: batch.length, pages: 1, detail: `directory ${fmt(people.length)} of ${fmt(total)}` });
    if (batch.length === 0 || offset >= total) break;
    if (people.length >= MAX_PEOPLE) throw new WorkbenchError('validation', `This directory has more than ${fmt(MAX_PEOPLE)} people; the explorer stops there.`);
  }
  return { people, accepted: null, requestIds, pages };
}

/** One person: their individual and employment records (batch endpoints, one id each; per-item codes kept). */
export async function readPerson(ctx: ReadContext, individualId: string) {
  const [individual, employment] = await Promise.all([
    ctx.lifecycle.read(ctx.environmentId, ctx.connectionId, (client) => client.hris.individuals.retrieveMany({ requests: [{ individual_id: individualId }] })),
    ctx.lifecycle.read(ctx.environmentId, ctx.connectionId, (client) => client.hris.employments.retrieveMany({ requests: [{ individual_id: individualId }] })),
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
export async function readPeople(ctx: ReadContext, kind: 'individual' | 'employment', ids: readonly string[] | undefined, operation?: Operation): Promise<BatchRead> {
  const requestIds: string[] = [];
  let calls = 0;
  let wanted = ids;
  if (!wanted) {
    const directory = await readDirectory(ctx, operation);
    requestIds.push(...directory.requestIds);
    calls += directory.pages;
    if (directory.accepted) return { rows: [], requestIds, accepted: directory.accepted, calls };
    wanted = directory.people.map((p) => String(p['id'] ?? '')).filter((id) => id !== '');
  }
  if (wanted.length === 0) return { rows: [], requestIds, accepted: null, calls };
  const result = await readBatch(ctx.lifecycle, ctx.environmentId, ctx.connectionId, kind, wanted, { chunkSize: 1_000, ...(operation ? { operation } : {}) });
  return { rows: result.items, requestIds: [...requestIds, ...result.requestIds], accepted: batchAccepted(result.items), calls: calls + result.calls };
}

/** A batch call answered 202 as a whole (assisted connection, first sync): say so, per the body. */
export function batchAccepted(rows: BatchRead['rows']): BatchRead['accepted'] {
  if (rows.length === 0 || !rows.every((r) => r.code === 202)) return null;
  return acceptedOf(202, rows[0]!.body);
}

const fmt = (n: number) => n.toLocaleString('en-US');
