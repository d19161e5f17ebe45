/**
 * Acts that change an employer's real data (pay-item rules, an entity disconnect) ask, in
 * Development and Production, for the customer's name typed: the same deliberate act as a
 * disconnect, checked in main whatever the renderer showed. Sandbox and the Local simulator
 * hold only test data, so they go ahead. (Production must also be armed: the handler map's
 * destructive-act guard refuses it before this runs.)
 */
import type { ConnectionView } from '@shared/domain/connection';
import type { EnvironmentKind } from '@shared/domain/environment';
import { WorkbenchError } from '../errors';

export function needsCustomerNameTyped(kind: EnvironmentKind): boolean {
  return kind === 'development' || kind === 'production';
}

/** Throws a field-level `validation` error unless `typed` is the connection's customer name (or id). */
export function requireCustomerNameTyped(
  env: { kind: EnvironmentKind },
  connection: Pick<ConnectionView, 'id' | 'customerName'>,
  typed: string | undefined,
  act: string,
  consequence: string,
): void {
  if (!needsCustomerNameTyped(env.kind)) return;
  const name = connection.customerName ?? connection.id;
  if (typed === name) return;
  throw new WorkbenchError('validation', `Type “${name}” to ${act}: ${consequence} (${env.kind}).`, {
    fields: [{ path: 'confirmName', message: 'does not match the customer name' }],
  });
}
