/**
 * The one list of billable or destructive acts, enforced where every call passes: the handler
 * map the IPC guard serves. A disarmed Production environment refuses these whatever the UI
 * shows, so a stale button or a script in the console cannot slip one through.
 */
import type { HandlerMap } from '@shared/contract';
import type { ProductionArming } from './production-arming';

type Describe = (input: Record<string, unknown>) => string | null;

/** `feature:verb` → what the act is, in words (null: this input is not destructive). */
export const DESTRUCTIVE_ACTS: Readonly<Record<string, Describe>> = {
  'connections:disconnect': () => 'disconnecting a connection (it cannot be reconnected)',
  // Bulk acts are armed acts too, whatever they touch: many rows of Production changed at once.
  'connections:disconnectAllSandbox': (input) => `disconnecting ${countOf(input['connectionIds'])} connections at once`,
  'connections:archiveDisconnected': () => 'archiving every disconnected connection at once',
  'connect:start': () => 'starting Finch Connect for a new, billable connection',
  'connect:startRedirect': () => 'starting Finch Connect for a new, billable connection',
  'explorer:startSync': () => 'forcing a data_sync_all job (it spends the hourly refresh)',
  // Deduction writes change what the employer's payroll deducts from real paychecks.
  'deductions:createBenefit': () => 'creating a company benefit in the provider',
  'deductions:registerBenefit': () => 'registering a benefit in the provider',
  'deductions:updateBenefit': () => 'changing a company benefit in the provider',
  'deductions:enroll': (input) => `enrolling ${countOf(input['people'])} people in a benefit`,
  'deductions:unenroll': (input) => `unenrolling ${countOf(input['individualIds'])} people from a benefit`,
  // A rule reclassifies the employer's pay items for every reader of the connection.
  'explorer:createPayItemRule': () => 'creating a pay-statement item rule',
  'explorer:updatePayItemRule': () => 'changing a pay-statement item rule',
  'explorer:deletePayItemRule': () => 'deleting a pay-statement item rule',
  // Part of the employer leaves Finch: that entity's data stops, with no reconnect.
  'connections:disconnectEntity': (input) => `disconnecting ${countOf(input['entityIds'])} entity(ies) of a connection`,
  // A forwarded GET only reads; anything else writes to the employer's real system.
  'explorer:forward': (input) => (input['method'] === 'GET' ? null : `forwarding a ${String(input['method'])} to the provider`),
};

export function guardDestructiveActs(
  handlers: HandlerMap,
  arming: ProductionArming,
  activeEnvironmentId: () => string,
  acts: Readonly<Record<string, Describe>> = DESTRUCTIVE_ACTS,
): HandlerMap {
  const guarded: Record<string, Record<string, (input: never) => unknown>> = {};
  for (const [feature, verbs] of Object.entries(handlers as unknown as Record<string, Record<string, (input: never) => unknown>>)) {
    guarded[feature] = {};
    for (const [verb, handler] of Object.entries(verbs)) {
      const describe = acts[`${feature}:${verb}`];
      guarded[feature]![verb] = describe
        ? (input: never) => {
            const act = describe(input as Record<string, unknown>);
            if (act) arming.authorize(activeEnvironmentId(), act, { channel: `${feature}:${verb}`, ...connectionOf(input) });
            return handler(input);
          }
        : handler;
    }
  }
  return guarded as unknown as HandlerMap;
}

function countOf(ids: unknown): number {
  return Array.isArray(ids) ? ids.length : 0;
}

function connectionOf(input: unknown): { connectionId?: string } {
  const id = (input as { connectionId?: unknown } | null)?.connectionId;
  return typeof id === 'string' ? { connectionId: id } : {};
}
