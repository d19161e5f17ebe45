/**
 * A full pull of one connection, shared by snapshots and field coverage: company; the whole
 * directory, then every individual and employment (batched); payments in a date range, then
 * every pay statement of those payments (batched, every page). Records are kept as Finch sent
 * them (raw JSON: null and absent stay apart), each product with its status and request ids.
 *
 * Three chains run side by side (company; people; payroll), as Finch's limits are per
 * product. A product the connection was not granted is not asked for; a 202, a 501 or a
 * failed call is that product's answer and does not stop the others. Cancelling aborts the
 * calls in flight and throws `cancelled`.
 */
import type { CatalogProduct, PullStatus } from '@shared/domain/coverage';
import { COVERAGE_PRODUCTS } from '@shared/domain/coverage';
import type { ConnectionLifecycle } from '../workspace/connection-lifecycle';
import { WorkbenchError } from '../errors';
import type { BatchItem } from './batch-reader';
import { readBatch } from './batch-reader';
import type { Operation } from '../operations/operations';

export type JsonRecord = Record<string, unknown>;

export interface ProductPull {
  status: PullStatus;
  message: string | null;
  requestIds: string[];
  calls: number;
}

export interface PayStatementsOfPayment {
  paymentId: string;
  code: number | null;
  /** Every statement of the payment (all pages), or [] when the item failed. */
  statements: JsonRecord[];
  /** The per-item error body when code is not 200. */
  error: unknown;
}

export interface ConnectionPull {
  startDate: string;
  endDate: string;
  company: JsonRecord | null;
  directory: JsonRecord[];
  individuals: BatchItem[];
  employments: BatchItem[];
  payments: JsonRecord[];
  payStatements: PayStatementsOfPayment[];
  products: Record<CatalogProduct, ProductPull>;
}

export interface PullOptions {
  startDate: string;
  endDate: string;
  /** Products granted to the connection; others are skipped as `not_granted`. */
  granted: readonly string[];
  operation?: Operation;
  /** Ask for SSNs (`options.include: ['ssn']`) — coverage does, snapshots do not keep them. */
  includeSsn?: boolean;
}

/** Large pages: the limit counts calls, not records (Finch allows up to 10,000). */
export const DIRECTORY_PAGE = 5_000;
export const PERSON_CHUNK = 5_000;
/** The spec allows at most 10 payments per pay-statement request, and 5,000 statements per page. */
export const PAY_STATEMENT_PAYMENTS_PER_CALL = 10;
export const PAY_STATEMENT_PAGE = 5_000;
const MAX_PEOPLE = 50_000;

export async function pullConnection(
  lifecycle: ConnectionLifecycle,
  environmentId: string,
  connectionId: string,
  options: PullOptions,
): Promise<ConnectionPull> {
  const { operation } = options;
  const signal = operation ? { signal: operation.signal } : undefined;
  const read = <T>(fn: Parameters<ConnectionLifecycle['read']>[2]) =>
    lifecycle.read(environmentId, connectionId, fn) as Promise<{ data: T; status: number; requestId: string | null }>;
  const products = {} as Record<CatalogProduct, ProductPull>;
  for (const p of COVERAGE_PRODUCTS) {
    products[p] = options.granted.includes(p)
      ? { status: 'ok', message: null, requestIds: [], calls: 0 }
      : { status: 'not_granted', message: 'Not granted to this connection.', requestIds: [], calls: 0 };
  }
  const pull: ConnectionPull = {
    startDate: options.startDate,
    endDate: options.endDate,
    company: null,
    directory: [],
    individuals: [],
    employments: [],
    payments: [],
    payStatements: [],
    products,
  };
  const granted = (p: CatalogProduct) => products[p].status !== 'not_granted';
  /** One call for a product: counts it, keeps its request id, and turns a 202 into the product's status. */
  const call = async <T>(product: CatalogProduct, fn: Parameters<ConnectionLifecycle['read']>[2]): Promise<T | null> => {
    operation?.checkCancelled();
    const result = await read<T>(fn);
    products[product].calls += 1;
    if (result.requestId) products[product].requestIds.push(result.requestId);
    if (result.status === 202) {
      const body = result.data as { finch_code?: string; name?: string; message?: string };
      products[product].status = 'accepted';
      products[product].message = `202 ${body.finch_code ?? body.name ?? 'accepted'}: ${body.message ?? 'data is not ready yet'}`;
      return null;
    }
    return result.data;
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
  const skip = (product: CatalogProduct, message: string) => {
    products[product].status = 'failed';
    products[product].message = message;
  };

  const company = guarded('company', [], async () => {
    const data = await call<JsonRecord>('company', (c) => c.hris.company.retrieve(undefined, signal));
    if (data) {
      // The SDK returns the parsed body; copy the own fields only (raw JSON, nothing added).
      pull.company = { ...data };
      operation?.advance({ records: 1, pages: 1 });
    }
  });

  const people = guarded('directory', ['individual', 'employment'], async () => {
    let offset = 0;
    for (;;) {
      const page = await call<{ individuals?: JsonRecord[]; paging?: { count?: number } }>('directory', (c) =>
        c.hris.directory.list({ limit: DIRECTORY_PAGE, offset }, signal),
      );
      if (!page) {
        for (const d of ['individual', 'employment'] as const) if (granted(d)) skip(d, 'Not read: the directory is not ready (202).');
        return;
      }
      const batch = page.individuals ?? [];
      pull.directory.push(...batch);
      operation?.advance({ records: batch.length, pages: 1, detail: `directory: ${pull.directory.length.toLocaleString('en-US')} people` });
      offset += batch.length;
      if (batch.length === 0 || offset >= (page.paging?.count ?? offset)) break;
      if (pull.directory.length >= MAX_PEOPLE)
        throw new WorkbenchError('validation', `More than ${MAX_PEOPLE.toLocaleString('en-US')} people: too many for one pull.`);
    }
    const ids = pull.directory.map((p) => p['id']).filter((id): id is string => typeof id === 'string');
    await Promise.all([
      guarded('individual', [], async () => {
        pull.individuals = await readIndividuals(ids);
      }),
      guarded('employment', [], async () => {
        const result = await readBatch(lifecycle, environmentId, connectionId, 'employment', ids, {
          chunkSize: PERSON_CHUNK,
          ...(operation ? { operation } : {}),
        });
        products.employment.calls += result.calls;
        products.employment.requestIds.push(...result.requestIds);
        pull.employments = result.items;
      }),
    ]);
  });

  /** Individuals with `options.include: ['ssn']` when asked (readBatch sends no options). */
  const readIndividuals = async (ids: string[]): Promise<BatchItem[]> => {
    if (!options.includeSsn) {
      const result = await readBatch(lifecycle, environmentId, connectionId, 'individual', ids, {
        chunkSize: PERSON_CHUNK,
        ...(operation ? { operation } : {}),
      });
      products.individual.calls += result.calls;
      products.individual.requestIds.push(...result.requestIds);
      return result.items;
    }
    const items: BatchItem[] = [];
    for (let start = 0; start < ids.length; start += PERSON_CHUNK) {
      const chunk = ids.slice(start, start + PERSON_CHUNK);
      const data = await call<{ responses?: { individual_id?: string; code?: number; body?: unknown }[] }>(
        'individual',
        (c) =>
          c.hris.individuals.retrieveMany(
            { requests: chunk.map((individual_id) => ({ individual_id })), options: { include: ['ssn'] } },
            signal,
          ) as never,
      );
      for (const r of data?.responses ?? [])
        items.push({ id: r.individual_id ?? '', code: typeof r.code === 'number' ? r.code : null, body: r.body ?? null });
      operation?.advance({ records: data?.responses?.length ?? 0, pages: 1 });
    }
    return items;
  };

  const payroll = guarded('payment', ['pay_statement'], async () => {
    const page = await call<{ items?: JsonRecord[] }>('payment', (c) =>
      c.hris.payments.list({ start_date: options.startDate, end_date: options.endDate }, signal),
    );
    if (!page) {
      if (granted('pay_statement')) skip('pay_statement', 'Not read: payments are not ready (202).');
      return;
    }
    pull.payments = [...(page.items ?? [])];
    operation?.advance({ records: pull.payments.length, pages: 1, detail: `${pull.payments.length} payments` });
    const ids = pull.payments.map((p) => p['id']).filter((id): id is string => typeof id === 'string');
    await guarded('pay_statement', [], async () => {
      pull.payStatements = await readPayStatements(ids);
    });
  });

  /** Every page of every payment's statements, at most 10 payments per call (the spec's limit). */
  const readPayStatements = async (paymentIds: string[]): Promise<PayStatementsOfPayment[]> => {
    const byPayment = new Map<string, PayStatementsOfPayment>(
      paymentIds.map((id) => [id, { paymentId: id, code: null, statements: [], error: null }]),
    );
    let pending = paymentIds.map((payment_id) => ({ payment_id, offset: 0 }));
    while (pending.length > 0) {
      const next: { payment_id: string; offset: number }[] = [];
      for (let start = 0; start < pending.length; start += PAY_STATEMENT_PAYMENTS_PER_CALL) {
        const chunk = pending.slice(start, start + PAY_STATEMENT_PAYMENTS_PER_CALL);
        operation?.advance({ detail: `pay statements of payments ${start + 1}–${start + chunk.length} of ${pending.length}` });
        const data = await call<{ responses?: { payment_id?: string; code?: number; body?: unknown }[] }>(
          'pay_statement',
          (c) => c.hris.payStatements.retrieveMany({ requests: chunk.map((r) => ({ ...r, limit: PAY_STATEMENT_PAGE })) }, signal) as never,
        );
        let records = 0;
        for (const response of data?.responses ?? []) {
          const entry = byPayment.get(response.payment_id ?? '');
          if (!entry) continue;
          entry.code = typeof response.code === 'number' ? response.code : null;
          if (entry.code !== 200) {
            entry.error = response.body ?? null;
            continue;
          }
          const body = (response.body ?? {}) as { pay_statements?: JsonRecord[]; paging?: { count?: number; offset?: number } };
          const statements = body.pay_statements ?? [];
          entry.statements.push(...statements);
          records += statements.length;
          const reached = (body.paging?.offset ?? 0) + statements.length;
          if (statements.length > 0 && reached < (body.paging?.count ?? 0)) next.push({ payment_id: entry.paymentId, offset: reached });
        }
        operation?.advance({ records, pages: 1 });
      }
      pending = next;
    }
    return [...byPayment.values()];
  };

  await Promise.all([company, people, payroll]);
  operation?.checkCancelled();
  return pull;
}

/** Every request id of a pull, in product order. */
export function pullRequestIds(pull: ConnectionPull): string[] {
  return Object.values(pull.products).flatMap((p) => p.requestIds);
}

export function pullCalls(pull: ConnectionPull): number {
  return Object.values(pull.products).reduce((sum, p) => sum + p.calls, 0);
}
