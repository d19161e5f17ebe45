/**
 * The latency floor of refreshing one company, given the latency Finch adds to each endpoint.
 *
 * The refresh (bench/fleet/refresh.ts) runs three chains at once; a call can only start
 * when the answer it depends on has arrived, so each chain costs the sum of its stages and
 * the refresh costs its slowest chain (the critical path):
 *   company:  GET /employer/company                                     L_company
 *   people:   directory page 1 (its paging gives the head count)       L_directory
 *             → every other page at once (if there are more)           + L_directory
 *             → individuals ∥ employments, one batch each (parallel)   + max(L_individual, L_employment)
 *   payroll:  payments in the date range                                L_payment
 *             → first page of every payment's statements, one batch    + L_pay_statement
 *             → every further page at once, one batch (if any)         + L_pay_statement
 * Calls inside a stage run in parallel, so a stage costs one latency, not one per call.
 * This holds only while no product needs more calls than its per-minute limit (otherwise
 * a call would also wait for a rate-limit window); run.ts checks that against the counts.
 */
import type { FleetProduct } from '../fleet/products';

export type Latencies = Record<FleetProduct, number>;

export interface CriticalPath {
  ms: number;
  chain: 'company' | 'people' | 'payroll';
  chains: { company: number; people: number; payroll: number };
}

/** `calls` are the refresh's calls per product; they say whether the second stages happened. */
export function criticalPath(latency: Latencies, calls: Record<FleetProduct, number>): CriticalPath {
  const chains = {
    company: latency.company,
    people: latency.directory * (calls.directory > 1 ? 2 : 1) + Math.max(latency.individual, latency.employment),
    payroll: latency.payment + latency.pay_statement * (calls.pay_statement > 1 ? 2 : 1),
  };
  const chain = (Object.keys(chains) as (keyof typeof chains)[]).reduce((a, b) => (chains[b] > chains[a] ? b : a));
  return { ms: chains[chain], chain, chains };
}
