/**
 * "Before you connect": the environment's rules for a Connect attempt, counting the Provider
 * Sandbox connections the application already has. One function for the pre-check channel and
 * for session creation, so the two cannot disagree.
 */
import type { ConnectionService } from './connection-service';
import type { ConnectionAttempt, Verdict } from './environment-rules';
import { checkConnectionAttempt } from './environment-rules';
import type { EnvironmentService } from './environment-service';

export type AttemptInput = Omit<ConnectionAttempt, 'activeProviderSandboxConnections'>;

export function checkAttempt(
  environments: Pick<EnvironmentService, 'get'>,
  connections: Pick<ConnectionService, 'countActive'>,
  environmentId: string,
  attempt: AttemptInput,
): Verdict {
  const env = environments.get(environmentId);
  const activeProviderSandboxConnections = attempt.sandboxMode === 'provider' ? connections.countActive(environmentId, 'provider') : 0;
  return checkConnectionAttempt(env.kind, { ...attempt, activeProviderSandboxConnections });
}
