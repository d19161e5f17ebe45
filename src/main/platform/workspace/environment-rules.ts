/**
 * The seed's environment rules (../shared/seeds/finch-environments.txt, FINCH.md), as pure
 * checks the Connect and sandbox flows run before acting. Each verdict says why.
 */
import type { EnvironmentKind } from '@shared/domain/environment';
import { WorkbenchError } from '../errors';

export interface ConnectionAttempt {
  providerId?: string | null;
  authMethod?: 'credential' | 'api_token' | 'oauth' | 'assisted' | null;
  sandboxMode?: 'finch' | 'provider' | null;
  /** Active Provider Sandbox connections this application already has. */
  activeProviderSandboxConnections?: number;
}

export interface Verdict {
  allowed: boolean;
  reason?: string;
  warnings: string[];
}

export const PROVIDER_SANDBOX_LIMIT = 5;
/** Providers Finch does not support in Development (Gusto; all assisted ones are caught by auth method). */
const DEVELOPMENT_BLOCKED_PROVIDERS = new Set(['gusto']);

export function checkConnectionAttempt(kind: EnvironmentKind, attempt: ConnectionAttempt): Verdict {
  const warnings: string[] = [];
  switch (kind) {
    case 'local-simulator':
    case 'sandbox': {
      if (!attempt.sandboxMode) {
        return {
          allowed: false,
          reason: 'Choose the sandbox: Finch Sandbox (mock data) or Provider Sandbox (a provider’s demo account).',
          warnings,
        };
      }
      if (attempt.sandboxMode === 'provider') {
        if (attempt.authMethod === 'assisted') {
          return {
            allowed: false,
            reason: 'Provider Sandboxes do not support assisted connections; use the Finch Sandbox to test an assisted flow.',
            warnings,
          };
        }
        // The limit counts connections that exist: at 5 of 5 a sixth is refused by Finch, so it
        // is refused here first, before a Connect session is made for nothing.
        const active = attempt.activeProviderSandboxConnections ?? 0;
        if (active >= PROVIDER_SANDBOX_LIMIT) {
          return {
            allowed: false,
            reason: `Finch allows at most ${PROVIDER_SANDBOX_LIMIT} active Provider Sandbox connections per application, and this one has ${active} of ${PROVIDER_SANDBOX_LIMIT}. Disconnect one under Connections first, or use the Finch Sandbox.`,
            warnings,
          };
        }
        if (active === PROVIDER_SANDBOX_LIMIT - 1) {
          warnings.push(
            `${active} of ${PROVIDER_SANDBOX_LIMIT} Provider Sandbox connections are active: this will be the last one Finch allows until you disconnect one.`,
          );
        }
      }
      return { allowed: true, warnings };
    }
    case 'development': {
      if (attempt.providerId && DEVELOPMENT_BLOCKED_PROVIDERS.has(attempt.providerId)) {
        return { allowed: false, reason: 'Gusto is not supported in Development. Test it in Sandbox, or connect in Production.', warnings };
      }
      if (attempt.authMethod === 'assisted') {
        return { allowed: false, reason: 'Assisted providers are not supported in Development. Test them in the Finch Sandbox.', warnings };
      }
      warnings.push('Connections made in Development cannot move: your customer will have to connect again in Production.');
      return { allowed: true, warnings };
    }
    case 'production':
      warnings.push('Production connections are billable until they are disconnected.');
      return { allowed: true, warnings };
  }
}

/** Acts that cost money or cannot be undone ask a Production user to type the environment's name. */
export function needsTypedConfirmation(kind: EnvironmentKind): boolean {
  return kind === 'production';
}

/**
 * Sandbox-only acts (creating connections without Connect, editing mock data, forcing
 * statuses, drills, bulk clean-up) are refused elsewhere with the reason spelled out: the same
 * calls against Development or Production credentials fail at Finch, or worse, touch real data.
 */
export function requireSandboxEnvironment(env: { name: string; kind: EnvironmentKind }, act: string): void {
  if (env.kind === 'sandbox' || env.kind === 'local-simulator') return;
  throw new WorkbenchError(
    'validation',
    `${act} only in a Sandbox environment; “${env.name}” is ${env.kind === 'production' ? 'Production' : 'Development'}. Switch to a Sandbox environment first.`,
  );
}

/**
 * A token whose `client_type` (from /introspect) is not the environment's kind — a sandbox
 * token inside a Production environment, say — is never stored or used: Finch ids never cross
 * environments, and such a mix-up is how test data ends up in front of a real customer.
 */
export function assertTokenBelongs(
  env: { name: string; kind: EnvironmentKind },
  clientType: string | null,
  requestId: string | null,
): void {
  const expected = env.kind === 'local-simulator' ? 'sandbox' : env.kind;
  if (clientType === null || clientType === expected) return;
  throw new WorkbenchError(
    'forbidden',
    `Finch says this is a ${clientType} token, but “${env.name}” is a ${env.kind === 'local-simulator' ? 'sandbox' : env.kind} environment. Its credentials belong elsewhere: it was not stored. Use it from a ${clientType} environment.`,
    requestId ? { requestId } : {},
  );
}
