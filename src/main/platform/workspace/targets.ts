/**
 * Where and as whom an environment calls Finch. The Local simulator's application is built in
 * (its "secret" guards nothing: the simulator runs on this machine); every other environment
 * uses its own client_id and the secret from the vault, decrypted only for the call.
 */
import { FINCH_API_URL, FINCH_CONNECT_URL } from '@shared/domain/environment';
import { WorkbenchError } from '../errors';
import type { GatewayTarget } from '../finch/gateway';
import type { SecretVault } from '../secrets/secret-vault';
import { secretRefs } from '../secrets/secret-vault';
import type { EnvironmentRow } from './environment-store';

export const LOCAL_CLIENT_ID = 'workbench-local-simulator';
export const LOCAL_CLIENT_SECRET = 'local-simulator-not-a-secret';

export interface SimulatorAddress {
  baseUrl: string;
  connectUrl: string;
}

export interface EnvironmentEndpoints {
  apiBaseUrl: string;
  connectUrl: string;
  clientId: string;
}

export function endpointsOf(env: EnvironmentRow, simulator: SimulatorAddress | null): EnvironmentEndpoints {
  if (env.kind === 'local-simulator') {
    if (!simulator) throw new WorkbenchError('network', 'The local simulator is not running. Restart the app.');
    return { apiBaseUrl: simulator.baseUrl, connectUrl: simulator.connectUrl, clientId: LOCAL_CLIENT_ID };
  }
  if (!env.clientId) throw new WorkbenchError('validation', `“${env.name}” has no client_id yet. Add it under Environments.`);
  return { apiBaseUrl: env.apiBaseUrl ?? FINCH_API_URL, connectUrl: env.connectUrl ?? FINCH_CONNECT_URL, clientId: env.clientId };
}

/** A target for Basic-auth calls (connect sessions, sandbox connections, code exchange). */
export function applicationTarget(env: EnvironmentRow, simulator: SimulatorAddress | null, vault: SecretVault): GatewayTarget {
  const endpoints = endpointsOf(env, simulator);
  let clientSecret = LOCAL_CLIENT_SECRET;
  if (env.kind !== 'local-simulator') {
    if (!vault.has(secretRefs.clientSecret(env.id))) {
      throw new WorkbenchError('secrets_unavailable', `“${env.name}” has no client secret stored. Add it under Environments.`);
    }
    clientSecret = vault.reveal(secretRefs.clientSecret(env.id));
  }
  return { environmentId: env.id, baseURL: endpoints.apiBaseUrl, clientId: endpoints.clientId, clientSecret };
}
