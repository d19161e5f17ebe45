/**
 * The fleet: sandbox connections on the local simulator, all under one application
 * (client_id), because Finch's limits are per application and product: 60 connections of one
 * app share one budget of 20 (or 12) calls a minute per product. Setup is not measured.
 */
import Finch from '@tryfinch/finch-api';
import type { RunningSimulator } from '@simulator';
import type { FleetConnection, RefreshWindow } from './refresh';

export const FLEET_PRODUCTS_GRANTED = ['company', 'directory', 'individual', 'employment', 'payment', 'pay_statement'];

/**
 * Company sizes, cycled over the fleet. Sizes above one directory page (100) need extra
 * pages; sizes above 100 also have pay runs with more than one page of statements.
 * (The simulator, like Finch Sandbox, gives companies above 100 people one pay period.)
 */
export const SIZE_CYCLE = [20, 35, 60, 100, 150, 250] as const;

export async function createFleet(
  sim: RunningSimulator,
  app: { clientId: string; clientSecret: string },
  count: number,
  sizes: readonly number[] = SIZE_CYCLE,
): Promise<FleetConnection[]> {
  const basic = new Finch({
    baseURL: sim.baseUrl,
    clientID: app.clientId,
    clientSecret: app.clientSecret,
    accessToken: null,
    logLevel: 'off',
  });
  const fleet: FleetConnection[] = [];
  for (let i = 0; i < count; i++) {
    const employeeSize = sizes[i % sizes.length]!;
    const created = await basic.sandbox.connections.create({
      provider_id: 'gusto',
      products: FLEET_PRODUCTS_GRANTED,
      employee_size: employeeSize,
    });
    fleet.push({ connectionId: created.connection_id, accessToken: created.access_token, employeeSize });
  }
  return fleet;
}

/** The last `days` days up to the simulator's today (pay dates are YYYY-MM-DD). */
export function recentWindow(sim: RunningSimulator, days: number): RefreshWindow {
  const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
  const now = sim.clock.now();
  return { startDate: day(now - days * 86_400_000), endDate: day(now) };
}
