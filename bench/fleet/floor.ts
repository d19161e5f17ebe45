/**
 * The physical floor: the shortest wall time (simulated) in which Finch's limits allow a
 * given number of calls per product, whatever the client does.
 *
 * Finch counts, per application and product, the requests in any rolling 60 s window and
 * refuses the (L+1)-th. Sort one product's N calls by the time they reach Finch:
 * t_1 ≤ t_2 ≤ … ≤ t_N. Calls i−L … i cannot all sit inside one window, so
 * t_i ≥ t_(i−L) + 60 s. Chaining that from the first call (t_1 ≥ 0, the start of the run):
 *     t_N ≥ floor((N − 1) / L) · 60 s = (ceil(N / L) − 1) · 60 s.
 * In words: the first L calls go out at once, and every further group of up to L calls
 * needs one more full window. The run is not finished before its last call has been sent,
 * and products are limited independently, so
 *     floor = max over products of (ceil(N_p / L_p) − 1) · 60 s.
 * Latency and the order imposed by dependencies (directory before individuals, payments
 * before pay statements) only add to this, which is why the goal allows 10 % above it.
 * N_p is the number of calls the work needs (counted from the run), retries excluded.
 */
import type { FleetProduct } from './products';
import { FLEET_PRODUCTS, limitOf, WINDOW_MS } from './products';

export interface FloorBreakdown {
  floorMs: number;
  /** The product whose budget sets the floor. */
  bindingProduct: FleetProduct;
  perProduct: Record<FleetProduct, { calls: number; limit: number; fullWindows: number; floorMs: number }>;
}

export function windowsNeeded(calls: number, limit: number): number {
  return calls <= 0 ? 0 : Math.ceil(calls / limit) - 1;
}

export function physicalFloor(calls: Record<FleetProduct, number>): FloorBreakdown {
  let binding: FleetProduct = FLEET_PRODUCTS[0];
  const perProduct = {} as FloorBreakdown['perProduct'];
  for (const product of FLEET_PRODUCTS) {
    const limit = limitOf(product);
    const fullWindows = windowsNeeded(calls[product], limit);
    perProduct[product] = { calls: calls[product], limit, fullWindows, floorMs: fullWindows * WINDOW_MS };
    if (perProduct[product].floorMs > perProduct[binding].floorMs) binding = product;
  }
  return { floorMs: perProduct[binding].floorMs, bindingProduct: binding, perProduct };
}
