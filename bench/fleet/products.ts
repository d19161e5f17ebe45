/**
 * The Finch products a fleet refresh reads, under the simulator's names, and the limits the
 * physical floor is computed from. The floor takes its limits from the server side (the
 * simulator's table of Finch's published numbers), not from the app's own table, so a wrong
 * number in the app's limiter cannot make its own floor look good.
 */
import { FINCH_RATE_LIMITS } from '@simulator';

export const FLEET_PRODUCTS = ['company', 'directory', 'individual', 'employment', 'payment', 'pay_statement'] as const;
export type FleetProduct = (typeof FLEET_PRODUCTS)[number];

export const WINDOW_MS = 60_000;

export function limitOf(product: FleetProduct): number {
  return FINCH_RATE_LIMITS[product];
}

export function emptyTally(): Record<FleetProduct, number> {
  return { company: 0, directory: 0, individual: 0, employment: 0, payment: 0, pay_statement: 0 };
}
