/**
 * The Integration lab's proxy as the tests drive it: a workbench core with its embedded
 * simulator (rate limits off, so only scenario 429s appear), the proxy started on it, a sandbox
 * connection and an SDK client pointed at the proxy, the way a user's backend is.
 */
import Finch from '@tryfinch/finch-api';
import type { WorkbenchCore } from '@main/core';
import type { CoreAdapters } from '@main/core';
import { secretRefs } from '@main/platform/secrets/secret-vault';
import type { ScenarioRule } from '@shared/domain/integration-lab';
import { startTestCore } from '../support/test-core';

export interface ProxyRig {
  core: WorkbenchCore;
  proxyUrl: string;
  /** A sandbox connection's token, made by the workbench (not through the proxy). */
  token: string;
  client(token?: string, options?: { maxRetries?: number; timeout?: number }): Finch;
  direct(token?: string): Finch;
  close(): Promise<void>;
}

export async function startProxyRig(name: string, overrides: Partial<CoreAdapters> = {}): Promise<ProxyRig> {
  const core = await startTestCore(name, overrides);
  core.simulator!.admin.setRateLimitsEnabled(false);
  const status = await core.integrationLab.start({ upstream: 'local' });
  const connection = await core.connections.createSandbox('local', { providerId: 'gusto', employeeSize: 6 });
  const token = core.vault.reveal(secretRefs.accessToken('local', connection.id));
  return {
    core,
    proxyUrl: status.url!,
    token,
    client: (t = token, options = {}) =>
      new Finch({
        accessToken: t,
        baseURL: status.url!,
        maxRetries: options.maxRetries ?? 0,
        timeout: options.timeout ?? 10_000,
        logLevel: 'off',
      }),
    direct: (t = token) => new Finch({ accessToken: t, baseURL: core.simulator!.baseUrl, maxRetries: 0, logLevel: 'off' }),
    close: () => core.close(),
  };
}

/** One rule, as the IPC would accept it (probability defaults to 1). */
export function rule(fields: Partial<ScenarioRule> & Pick<ScenarioRule, 'id' | 'inject'>): ScenarioRule {
  return { probability: 1, ...fields } as ScenarioRule;
}

export async function errorOf(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error('expected the call to fail');
}
