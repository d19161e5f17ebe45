/**
 * A full pull of one connection, streamed: company; the directory page by page, each page's
 * individuals and employments read as soon as the page arrives (batched); payments in a date
 * range, then their pay statements page by page. Every page goes to the caller's `PullSink`
 * the moment it arrives and is not kept here, so the pull's memory does not grow with the
 * company (a 100,000-person company is 20 directory pages and 40 batches, never one array).
 *
 * Records are handed on as Finch sent them (raw JSON: null and absent stay apart). Three chains
 * run side by side (company; people; payroll), as Finch's limits are per product. A product the
 * connection was not granted is not asked for; a 202, a 501 or a failed call is that product's
 * answer and does not stop the others. Cancelling aborts the calls in flight and throws
 * `cancelled`; a page that arrives after the cancel is not handed on, so what the sink got is
 * exactly the pages that were complete before it.
 */
import type { CatalogProduct } from '@shared/domain/coverage';
import type { PullOutcome } from './pull-outcome';
import { newOutcome } from './pull-outcome';
import type { ConnectionLifecycle } from '../workspace/connection-lifecycle';
import { WorkbenchError } from '../errors';
import { AnswerSlots } from './answer-slots';
import { PagesAhead } from './pages-ahead';
import {
  DIRECTORY_PAGE,
  PAGES_IN_FLIGHT,
  DIRECTORY_PAGES_AHEAD,
  BIG_ANSWERS_IN_FLIGHT,
  PARSED_ANSWERS_IN_FLIGHT,
  CALLS_AT_SERVER,
  STATEMENT_CALLS_IN_HAND,
  MAX_PEOPLE,
} from './pull-limits';
import type { BatchItem } from './batch-reader';
import { callSignal, rawBody } from './finch-read';
import type { Operation } from '../operations/operations';
import { STATEMENT_PAGE, planStatementCalls } from './statement-plan';
import type { StatementPage } from './statement-plan';
import type { RawRecords } from './raw-records';
import { batchBodies, batchItemsFromBytes, directoryRecords, toBatchItem } from './raw-records';
import type { StatementAnswer } from './statement-answers';
import { parsedStatementAnswers, statementAnswersFromBytes } from './statement-answers';
import type { AsResponse } from '../finch/gateway';

export type JsonRecord = Record<string, unknown>;
export type { ProductPull, PullOutcome } from './pull-outcome';
export { newOutcome, outcomeCalls, outcomeRequestIds } from './pull-outcome';

/** One page of one payment's statements, or that payment's per-item error. */
export interface StatementsPage {
  paymentId: string;
  code: number | null;
  statements: JsonRecord[];
  /** The per-item error body when code is not 200. */
  error: unknown;
  /** How many statements: set when `statements` is parsed only if read (a pull for a snapshot). */
  count?: number;
}

/**
 * Where a pull's pages go, as they arrive. Synchronous: a page is stored whole or not at all.
 * `raw`, when given, finds where each record sits in the bytes Finch sent (for a sink that
 * stores them as they came); it costs a scan of the answer, so it is only run when asked.
 */
export interface PullSink {
  company(record: JsonRecord): void;
  directory(people: JsonRecord[], offset: number, raw?: RawLookup): void;
  /** `raw`: each item's body. */
  individuals(items: BatchItem[], raw?: RawLookup): void;
  employments(items: BatchItem[], raw?: RawLookup): void;
  payments(records: JsonRecord[]): void;
  /** `raw`: the page's statements array, as its only span. */
  payStatements(page: StatementsPage, raw?: RawLookup): void;
}

export type RawLookup = () => RawRecords | null;

export interface PullOptions {
  startDate: string;
  endDate: string;
  /** Products granted to the connection; others are skipped as `not_granted`. */
  granted: readonly string[];
  operation?: Operation;
  /** Ask for SSNs (`options.include: ['ssn']`) — coverage does, snapshots do not keep them. */
  includeSsn?: boolean;
  /** The slots big answers take (default: BIG_ANSWERS_IN_FLIGHT of this pull's own). */
  bigAnswers?: AnswerSlots;
  /** The turns pay-statement calls take (default: STATEMENT_CALLS_IN_HAND of this pull's own). */
  statementTurns?: AnswerSlots;
  /**
   * The sink stores records from the bytes they came in (a snapshot): batch answers are then
   * read unparsed (json/raw-batch.ts), each record parsed only if the sink reads it. Parsing
   * them whole was most of main's work in a big pull, and most of its memory.
   */
  fromBytes?: boolean;
}

type Read = Parameters<ConnectionLifecycle['read']>[2];

export async function streamConnection(
  lifecycle: ConnectionLifecycle,
  environmentId: string,
  connectionId: string,
  options: PullOptions,
  sink: PullSink,
  outcome: PullOutcome = newOutcome(options),
): Promise<PullOutcome> {
  const { operation } = options;
  const { products } = outcome;
  const bigAnswers = options.bigAnswers ?? new AnswerSlots(options.fromBytes ? BIG_ANSWERS_IN_FLIGHT : PARSED_ANSWERS_IN_FLIGHT);
  const atServer = new AnswerSlots(CALLS_AT_SERVER);
  const statementTurns = options.statementTurns ?? new AnswerSlots(STATEMENT_CALLS_IN_HAND);
  const granted = (p: CatalogProduct) => products[p].status !== 'not_granted';
  /** One call for a product: counts it, keeps its request id, and turns a 202 into the product's status. */
  const counted = async <R extends { status: number; requestId: string | null }>(
    product: CatalogProduct,
    send: (signal: { signal: AbortSignal } | undefined) => Promise<R>,
  ): Promise<R> => {
    operation?.checkCancelled();
    const scoped = callSignal(operation?.signal);
    const result = await send(scoped.options).finally(scoped.release);
    // A call that was already under way when the user cancelled: its answer is not used.
    operation?.checkCancelled();
    products[product].calls += 1;
    if (result.requestId) products[product].requestIds.push(result.requestId);
    return result;
  };
  const call = <T>(
    product: CatalogProduct,
    fn: (client: Parameters<Read>[0], signal?: { signal: AbortSignal }) => ReturnType<Read>,
    onAnswering?: () => void,
  ) =>
    counted(product, (signal) => lifecycle.read(environmentId, connectionId, (client) => fn(client, signal), onAnswering)) as Promise<{
      data: T;
      status: number;
      requestId: string | null;
    }>;
  /** The same, the answer read as bytes (`fromBytes`). */
  const callRaw = (
    product: CatalogProduct,
    fn: (client: Parameters<Read>[0], signal?: { signal: AbortSignal }) => AsResponse,
    onAnswering?: () => void,
  ) => counted(product, (signal) => lifecycle.readRaw(environmentId, connectionId, (client) => fn(client, signal), onAnswering));
  /**
   * A big answer's call: it takes one of the pull's answers in hand (`bigAnswers`, given back by
   * the caller once the answer is handled) and, while the server works on it, one of the calls at
   * the server (freed as the server starts answering, so the next call is already queued there
   * while this answer's bytes come in and main handles them).
   */
  const bigCall = async <T>(send: (answering: () => void) => Promise<T>): Promise<[T, () => void]> => {
    const inHand = await bigAnswers.acquire();
    try {
      const answering = await atServer.acquire();
      try {
        return [await send(answering), inHand];
      } finally {
        answering();
      }
    } catch (error) {
      inHand();
      throw error;
    }
  };
  const accepted = (product: CatalogProduct, data: unknown) => {
    const body = (rawBody(data) ?? {}) as { finch_code?: string; name?: string; message?: string };
    products[product].status = 'accepted';
    products[product].message = `202 ${body.finch_code ?? body.name ?? 'accepted'}: ${body.message ?? 'data is not ready yet'}`;
  };
  const skip = (product: CatalogProduct, message: string) => {
    products[product].status = 'failed';
    products[product].message = message;
  };
  /** Runs a chain; a Finch error marks the product (and its dependants) instead of failing the pull. */
  const guarded = async (product: CatalogProduct, dependants: CatalogProduct[], work: () => Promise<void>) => {
    if (!granted(product)) {
      for (const d of dependants) if (granted(d)) skip(d, `Needs ${product}, which is not granted.`);
      return;
    }
    try {
      await work();
    } catch (error) {
      if (operation?.signal.aborted || (error instanceof WorkbenchError && error.kind === 'cancelled')) throw error;
      const failed = error instanceof WorkbenchError ? error : new WorkbenchError('internal', (error as Error).message);
      const target = [product, ...dependants].find((p) => products[p].status === 'ok' && granted(p)) ?? product;
      const notImplemented = /not_implemented/.test(failed.details.finchCode ?? '') || / 501\b/.test(failed.message);
      products[target].status = notImplemented ? 'not_implemented' : 'failed';
      products[target].message = `${failed.message}${failed.details.requestId ? ` (Finch-Request-ID ${failed.details.requestId})` : ''}`;
      if (failed.details.requestId) products[target].requestIds.push(failed.details.requestId);
      for (const d of [product, ...dependants])
        if (d !== target && products[d].status === 'ok' && granted(d)) skip(d, `Not read: ${target} failed.`);
    }
  };

  const company = guarded('company', [], async () => {
    const result = await call<JsonRecord>('company', (c, s) => c.hris.company.retrieve(undefined, s));
    if (result.status === 202) return accepted('company', result.data);
    // The SDK returns the parsed body; copy the own fields only (raw JSON, nothing added).
    sink.company({ ...result.data });
    operation?.advance({ records: 1, pages: 1 });
  });

  /** Individuals or employments of one page's people; a failed batch marks its product and the rest skip it. */
  const personBatch = (kind: 'individual' | 'employment', ids: string[]) =>
    guarded(kind, [], async () => {
      const send = (c: Parameters<Read>[0], s?: { signal: AbortSignal }) => {
        const requests = ids.map((individual_id) => ({ individual_id }));
        return kind === 'employment'
          ? c.hris.employments.retrieveMany({ requests }, s)
          : c.hris.individuals.retrieveMany({ requests, ...(options.includeSsn ? { options: { include: ['ssn'] } } : {}) }, s);
      };
      const [answer, done] = await bigCall(async (answering): Promise<[BatchItem[], RawLookup] | null> => {
        // Checked once the slots are ours: the product may have failed while this call waited.
        if (products[kind].status !== 'ok') return null;
        if (options.fromBytes) {
          const result = await callRaw(kind, send, answering);
          // The whole call was accepted, not answered: each id gets that 202 and Finch's reason.
          if (result.status === 202) return [ids.map((id) => ({ id, code: 202, body: result.data.value() })), () => null];
          const read = batchItemsFromBytes(result.data);
          return [read.items, () => read.raw];
        }
        const result = await call<unknown>(kind, (c, s) => send(c, s) as never, answering);
        if (result.status === 202) return [ids.map((id) => ({ id, code: 202, body: rawBody(result.data) })), () => null];
        const parsed = ((rawBody(result.data) as { responses?: unknown[] } | null)?.responses ?? []).map(toBatchItem);
        return [parsed, () => batchBodies(rawBody(result.data), parsed.length)];
      });
      try {
        if (!answer) return;
        const [items, raw] = answer;
        await handOn();
        if (kind === 'individual') sink.individuals(items, raw);
        else sink.employments(items, raw);
        operation?.advance({ records: items.length, pages: 1 });
      } finally {
        done();
      }
    });

  const people = guarded('directory', ['individual', 'employment'], async () => {
    const readPage = (offset: number) =>
      call<unknown>('directory', (c, s) => c.hris.directory.list({ limit: DIRECTORY_PAGE, offset }, s) as never);
    let offset = 0;
    let seen = 0;
    const pages = new PagesAhead(readPage, DIRECTORY_PAGES_AHEAD);
    let page = readPage(0);
    const inFlight: Promise<unknown>[] = [];
    for (;;) {
      const result = await page;
      // A page asked for ahead may have come back before the user cancelled: it is not handed on after.
      operation?.checkCancelled();
      if (result.status === 202) {
        accepted('directory', result.data);
        for (const d of ['individual', 'employment'] as const) if (granted(d)) skip(d, 'Not read: the directory is not ready (202).');
        break;
      }
      const body = rawBody(result.data) as { individuals?: JsonRecord[]; paging?: { count?: number } } | null;
      const batch = body?.individuals ?? [];
      sink.directory(batch, offset, () => directoryRecords(body, batch.length));
      seen += batch.length;
      const total = body?.paging?.count ?? seen;
      operation?.advance({ records: batch.length, pages: 1, detail: `directory: ${fmt(seen)} of ${fmt(total)} people` });
      const ids = batch.map((p) => p['id']).filter((id): id is string => typeof id === 'string');
      if (ids.length > 0) {
        const both = Promise.all([personBatch('individual', ids), personBatch('employment', ids)]);
        // Awaited below; the no-op handler keeps a rejection from counting as unhandled meanwhile.
        both.catch(() => {});
        inFlight.push(both);
      }
      offset += batch.length;
      if (batch.length === 0 || offset >= total) break;
      if (seen >= MAX_PEOPLE) throw new WorkbenchError('validation', `More than ${fmt(MAX_PEOPLE)} people: too many for one pull.`);
      // The next pages are asked for before this one's batches are awaited: they overlap.
      page = pages.next(offset, Math.min(total, MAX_PEOPLE), batch.length);
      while (inFlight.length >= PAGES_IN_FLIGHT) await inFlight.shift();
    }
    await Promise.all(inFlight);
  });

  const payroll = guarded('payment', ['pay_statement'], async () => {
    const result = await call<unknown>(
      'payment',
      (c, s) => c.hris.payments.list({ start_date: options.startDate, end_date: options.endDate }, s) as never,
    );
    if (result.status === 202) {
      accepted('payment', result.data);
      if (granted('pay_statement')) skip('pay_statement', 'Not read: payments are not ready (202).');
      return;
    }
    const body = rawBody(result.data);
    const payments = (Array.isArray(body) ? body : ((body as { items?: JsonRecord[] } | null)?.items ?? [])) as JsonRecord[];
    sink.payments(payments);
    operation?.advance({ records: payments.length, pages: 1, detail: `${payments.length} payments` });
    await guarded('pay_statement', [], () => readStatements(payments));
  });

  /** Every page of every payment's statements, planned from each payment's head count, followed where Finch says there is more. */
  const readStatements = async (payments: JsonRecord[]) => {
    let calls = planStatementCalls(payments);
    while (calls.length > 0) {
      const more: StatementPage[] = [];
      const fetchCall = (pages: StatementPage[]) =>
        statementTurns.hold(() =>
          bigCall(async (answering): Promise<StatementAnswer[]> => {
            const send = (c: Parameters<Read>[0], s?: { signal: AbortSignal }) =>
              c.hris.payStatements.retrieveMany(
                { requests: pages.map((p) => ({ payment_id: p.paymentId, offset: p.offset, limit: p.limit })) },
                s,
              );
            if (options.fromBytes) {
              const result = await callRaw('pay_statement', send, answering);
              return result.status === 202 ? accepted202(pages, result.data.value()) : statementAnswersFromBytes(result.data);
            }
            const result = await call<unknown>('pay_statement', (c, s) => send(c, s) as never, answering);
            return result.status === 202 ? accepted202(pages, rawBody(result.data)) : parsedStatementAnswers(rawBody(result.data));
          }),
        );
      // All asked for at once (the slots decide when each goes out), handled in call order so
      // a payment's pages stay in order.
      const fetched = calls.map(fetchCall);
      // Each is awaited in turn below; the no-op handler keeps a rejection from counting as unhandled meanwhile.
      for (const f of fetched) f.catch(() => {});
      let handled = 0;
      try {
        for (const [index, pages] of calls.entries()) {
          const [answers, done] = await fetched[index]!;
          handled = index + 1;
          try {
            await handOn();
            let records = 0;
            for (const { page, paging, list } of answers) {
              if (page.code !== 200) {
                sink.payStatements(page);
                continue;
              }
              sink.payStatements(page, list);
              records += page.count;
              const reached = (paging.offset ?? 0) + page.count;
              const asked = pages.find((p) => p.paymentId === page.paymentId && p.offset === (paging.offset ?? 0));
              // More than the plan expected (the payment's head count was not the whole story): read on.
              if ((asked?.last ?? true) && page.count > 0 && reached < (paging.count ?? 0))
                more.push({ paymentId: page.paymentId, offset: reached, limit: STATEMENT_PAGE, last: true });
            }
            operation?.advance({ records, pages: 1, detail: `pay statements: ${fmt(records)} more` });
          } finally {
            done();
          }
        }
      } finally {
        // Calls the loop will not handle (it stopped on an error) give their slots back as they end.
        for (const f of fetched.slice(handled))
          void f.then(
            ([, done]) => done(),
            () => {},
          );
      }
      calls = planStatementCalls([], more);
    }
  };

  await Promise.all([company, people, payroll]);
  operation?.checkCancelled();
  return outcome;

  /**
   * Lets the calls that were waiting for the slot an answer just freed go out before main
   * spends its time on that answer (their sending needs a few turns of the event loop), and
   * stops there if the pull was cancelled meanwhile: a page that came in after the cancel is
   * not handed on.
   */
  async function handOn(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    operation?.checkCancelled();
  }
}

/** A whole call answered 202: each of its payments gets that 202 and Finch's reason. */
function accepted202(pages: readonly StatementPage[], reason: unknown): StatementAnswer[] {
  return pages.map((p) => ({
    page: { paymentId: p.paymentId, code: 202, statements: [], error: reason, count: 0 },
    paging: {},
    list: () => null,
  }));
}

const fmt = (n: number) => n.toLocaleString('en-US');
