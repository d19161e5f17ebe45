/**
 * What a pull came to, product by product (status, message, request ids, calls), started
 * before the pull so a cancelled one still says how far it got.
 */
import type { CatalogProduct, PullStatus } from '@shared/domain/coverage';
import { COVERAGE_PRODUCTS } from '@shared/domain/coverage';

export interface ProductPull {
  status: PullStatus;
  message: string | null;
  requestIds: string[];
  calls: number;
}

export interface PullOutcome {
  startDate: string;
  endDate: string;
  products: Record<CatalogProduct, ProductPull>;
}

/**
 * The statuses, request ids and calls of a pull, before it starts. Pass your own to
 * `streamConnection` to know how far a pull got when it is cancelled.
 */
export function newOutcome(options: { startDate: string; endDate: string; granted: readonly string[] }): PullOutcome {
  const products = {} as Record<CatalogProduct, ProductPull>;
  for (const p of COVERAGE_PRODUCTS) {
    products[p] = options.granted.includes(p)
      ? { status: 'ok', message: null, requestIds: [], calls: 0 }
      : { status: 'not_granted', message: 'Not granted to this connection.', requestIds: [], calls: 0 };
  }
  return { startDate: options.startDate, endDate: options.endDate, products };
}

/** Every request id of a pull, in product order. */
export function outcomeRequestIds(outcome: Pick<PullOutcome, 'products'>): string[] {
  return Object.values(outcome.products).flatMap((p) => p.requestIds);
}

export function outcomeCalls(outcome: Pick<PullOutcome, 'products'>): number {
  return Object.values(outcome.products).reduce((sum, p) => sum + p.calls, 0);
}
