/**
 * A full pull of one connection held in memory: the streamed pull (connection-stream.ts) with a
 * sink that keeps every page. For small reads and for the diff of snapshots stored whole; long
 * pulls (snapshots, field coverage) stream to their own sinks instead.
 */
import type { CatalogProduct } from '@shared/domain/coverage';
import type { ConnectionLifecycle } from '../workspace/connection-lifecycle';
import type { BatchItem } from './batch-reader';
import type { JsonRecord, ProductPull, PullOptions, PullOutcome } from './connection-stream';
import { outcomeCalls, outcomeRequestIds, streamConnection } from './connection-stream';

export type { JsonRecord, ProductPull, PullOptions } from './connection-stream';

export interface PayStatementsOfPayment {
  paymentId: string;
  code: number | null;
  /** Every statement of the payment (all pages), or [] when the item failed. */
  statements: JsonRecord[];
  /** The per-item error body when code is not 200. */
  error: unknown;
  /** How many statements, when only the count was read (a snapshot diff does not need them). */
  count?: number;
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

/** Collects a streamed pull's pages into one object (statements grouped by payment, in payment order). */
export class PullCollector {
  company: JsonRecord | null = null;
  readonly directory: JsonRecord[] = [];
  readonly individuals: BatchItem[] = [];
  readonly employments: BatchItem[] = [];
  readonly payments: JsonRecord[] = [];
  private readonly statements = new Map<string, PayStatementsOfPayment>();

  readonly sink = {
    company: (record: JsonRecord) => void (this.company = record),
    directory: (people: JsonRecord[]) => void this.directory.push(...people),
    individuals: (items: BatchItem[]) => void this.individuals.push(...items),
    employments: (items: BatchItem[]) => void this.employments.push(...items),
    payments: (records: JsonRecord[]) => {
      this.payments.push(...records);
      for (const p of records)
        if (typeof p['id'] === 'string') this.statements.set(p['id'], { paymentId: p['id'], code: null, statements: [], error: null });
    },
    payStatements: (page: PayStatementsOfPayment) => {
      const entry = this.statements.get(page.paymentId);
      if (!entry) return;
      entry.code = page.code;
      if (page.code !== 200) entry.error = page.error;
      else entry.statements.push(...page.statements);
    },
  };

  pull(outcome: PullOutcome): ConnectionPull {
    return {
      startDate: outcome.startDate,
      endDate: outcome.endDate,
      company: this.company,
      directory: this.directory,
      individuals: this.individuals,
      employments: this.employments,
      payments: this.payments,
      payStatements: [...this.statements.values()],
      products: outcome.products,
    };
  }
}

export async function pullConnection(
  lifecycle: ConnectionLifecycle,
  environmentId: string,
  connectionId: string,
  options: PullOptions,
): Promise<ConnectionPull> {
  const collector = new PullCollector();
  const outcome = await streamConnection(lifecycle, environmentId, connectionId, options, collector.sink);
  return collector.pull(outcome);
}

/** Every request id of a pull, in product order. */
export function pullRequestIds(pull: Pick<ConnectionPull, 'products'>): string[] {
  return outcomeRequestIds(pull);
}

export function pullCalls(pull: Pick<ConnectionPull, 'products'>): number {
  return outcomeCalls(pull);
}
