/**
 * The next pay run on demand (admin POST /_simulator/pay-runs, and `admin.runPayroll` when
 * embedded): what lets the workbench prove an enrollment on a real paycheck without waiting two
 * weeks. The run is dated on the company's next regular pay date after its latest payroll
 * (never before today); the clock moves forward to that day when it is in the future, so the
 * payment is in the past and due deduction jobs settle first.
 */
import { randomUUID } from 'node:crypto';
import { DAY_MS, isoDay, parseIsoDay } from '../data/dates';
import type { PayRunType } from '../data/pay-runs';
import { PAY_RUN_TYPES, schedulePayRun } from '../data/pay-runs';
import type { SimulatorCore } from '../simulator-core';

export interface PayRunResult {
  paymentId: string;
  payDate: string;
  type: PayRunType;
  individualIds: string[];
}

export class PayRunError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

export function isPayRunType(value: unknown): value is PayRunType {
  return (PAY_RUN_TYPES as readonly unknown[]).includes(value);
}

export function runPayroll(core: SimulatorCore, connectionId: unknown, type: unknown = 'regular_payroll'): PayRunResult {
  if (typeof connectionId !== 'string' || connectionId === '') throw new PayRunError(400, '"connection_id" is required.');
  if (!isPayRunType(type)) throw new PayRunError(400, `"type" must be one of ${PAY_RUN_TYPES.join(', ')}.`);
  const connection = core.store.connections.get(connectionId);
  if (!connection) throw new PayRunError(404, `No connection ${connectionId} in this simulator.`);
  if (connection.disconnectedAt !== null) throw new PayRunError(409, `Connection ${connectionId} was disconnected.`);
  const company = core.store.state.connections.filter((c) => c.companyId === connection.companyId);
  const settle = (): void => company.forEach((c) => core.refresh(c));
  settle();

  const view = core.datasets.viewFor(connection);
  const yesterday = isoDay(core.clock.now() - DAY_MS);
  const latest = view.latestPayrollDay();
  const run = schedulePayRun(view.data, latest > yesterday ? latest : yesterday, type, randomUUID());
  const payDayStart = parseIsoDay(run.payDate) ?? core.clock.now();
  if (core.clock.now() < payDayStart) {
    core.clock.set(payDayStart);
    settle();
  }
  core.store.addEdit({ companyId: connection.companyId, kind: 'pay_run', targetId: run.id, live: true, at: core.clock.now(), data: run });
  const payment = core.datasets.viewFor(connection).payment(run.id);
  return { paymentId: run.id, payDate: run.payDate, type, individualIds: (payment?.statements() ?? []).map((s) => s.individual_id) };
}
