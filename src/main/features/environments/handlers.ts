/**
 * The `environments` channels. A changed or deleted environment's SDK clients are forgotten,
 * since their credentials may have changed.
 */
import type { HandlerMap } from '@shared/contract';
import type { FinchGateway } from '@main/platform/finch/gateway';
import type { SecretVault } from '@main/platform/secrets/secret-vault';
import { checkAttempt } from '@main/platform/workspace/attempt-check';
import type { ConnectionService } from '@main/platform/workspace/connection-service';
import type { EnvironmentService } from '@main/platform/workspace/environment-service';
import type { SimulatorAddress } from '@main/platform/workspace/targets';
import { applicationTarget } from '@main/platform/workspace/targets';
import { checkCredentials } from './credential-check';

export interface EnvironmentHandlerDeps {
  environments: EnvironmentService;
  connections: ConnectionService;
  gateway: FinchGateway;
  vault: SecretVault;
  simulator: () => SimulatorAddress | null;
}

export function buildEnvironmentHandlers(d: EnvironmentHandlerDeps): HandlerMap['environments'] {
  return {
    getState: () => d.environments.state(),
    create: (input) => d.environments.create(input),
    update: (patch) => {
      const state = d.environments.update(patch);
      d.gateway.forget(patch.id);
      return state;
    },
    duplicate: ({ id, name }) => d.environments.duplicate(id, name),
    describeDeletion: ({ id }) => d.environments.describeDeletion(id),
    remove: ({ id, confirmName }) => {
      const state = d.environments.remove(id, confirmName);
      d.gateway.forget(id);
      return state;
    },
    setActive: ({ id }) => d.environments.setActive(id),
    importJson: ({ json }) => d.environments.importJson(json),
    checkConnection: ({ id, ...attempt }) => checkAttempt(d.environments, d.connections, id, attempt),
    checkCredentials: ({ id }) => checkCredentials(d.gateway, applicationTarget(d.environments.get(id), d.simulator(), d.vault)),
  };
}
