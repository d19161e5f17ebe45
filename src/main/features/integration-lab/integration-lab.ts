/**
 * The Integration lab service: starts and stops the local Finch proxy, holds the scenario and
 * the recorder of the session's calls, and says where the proxy forwards. The upstream is fixed
 * when the proxy starts: the built-in simulator, or the environment active then (Production only
 * while armed; once started there, writes pass only while it stays armed).
 */
import type Database from 'better-sqlite3';
import type { ObservedCall, Scorecard } from '@shared/domain/integration-lab';
import type { ActiveScenario, ProxyStatus, ProxyUpstreamKind, ScenarioPreset } from '@shared/contract/integration-lab';
import type { ScenarioRule } from '@shared/domain/integration-lab';
import { WorkbenchError } from '@main/platform/errors';
import type { RequestLog } from '@main/platform/request-log/request-log';
import type { EnvironmentService } from '@main/platform/workspace/environment-service';
import { LOCAL_ENVIRONMENT_ID } from '@main/platform/workspace/environment-service';
import type { SimulatorAddress } from '@main/platform/workspace/targets';
import { endpointsOf } from '@main/platform/workspace/targets';
import type { Upstream } from './forward';
import type { ProxyFingerprints, RunningProxy } from './proxy-server';
import { startProxyServer } from './proxy-server';
import { LabRecorder } from './recorder';
import { ScenarioEngine } from './scenarios';
import { PRESETS, presetById } from './presets';
import { scorecard } from './scorecard';

export interface IntegrationLabOptions {
  db: Database.Database;
  requestLog: RequestLog;
  environments: EnvironmentService;
  fingerprints: ProxyFingerprints;
  simulator: () => SimulatorAddress | null;
  /** Whether a Production environment is armed now (features/safety decides). */
  armed: (environmentId: string) => boolean;
  onCall?: (call: ObservedCall) => void;
  log?: (line: string) => void;
  /** The better-sqlite3 addon the app's database was opened with (Electron's ABI): the recorder's writer opens its own. */
  sqliteNativeBinding?: string;
  /** Tests: a smaller body limit. */
  maxBodyBytes?: number;
}

export class IntegrationLab {
  readonly engine = new ScenarioEngine();
  readonly recorder: LabRecorder;
  private proxy: RunningProxy | null = null;
  private upstream: Upstream | null = null;

  constructor(private readonly options: IntegrationLabOptions) {
    this.recorder = new LabRecorder(options.db, options.requestLog, {
      ...(options.onCall ? { onCall: options.onCall } : {}),
      ...(options.sqliteNativeBinding ? { nativeBinding: options.sqliteNativeBinding } : {}),
      ...(options.log ? { log: options.log } : {}),
    });
    this.recorder.restoreLatest();
  }

  async start(input: { port?: number; upstream: ProxyUpstreamKind }): Promise<ProxyStatus> {
    const upstream = this.resolveUpstream(input.upstream);
    await this.stop();
    try {
      this.proxy = await startProxyServer({
        upstream,
        engine: this.engine,
        record: (attempt) => this.recorder.record(attempt),
        fingerprints: this.options.fingerprints,
        writesAllowed: () => this.options.armed(upstream.environmentId),
        ...(input.port !== undefined ? { port: input.port } : {}),
        ...(this.options.maxBodyBytes !== undefined ? { maxBodyBytes: this.options.maxBodyBytes } : {}),
        ...(this.options.log ? { log: this.options.log } : {}),
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE')
        throw new WorkbenchError(
          'conflict',
          `Port ${input.port} is already in use on 127.0.0.1. Pick another port, or leave it empty for a free one.`,
          {
            fields: [{ path: 'port', message: 'already in use' }],
          },
        );
      if (code === 'EACCES') throw new WorkbenchError('forbidden', `Port ${input.port} may not be opened by this user. Pick another port.`);
      throw error;
    }
    this.upstream = upstream;
    return this.status();
  }

  async stop(): Promise<ProxyStatus> {
    const proxy = this.proxy;
    this.proxy = null;
    await proxy?.close();
    return this.status();
  }

  status(): ProxyStatus {
    return {
      running: this.proxy !== null,
      url: this.proxy?.url ?? null,
      port: this.proxy?.port ?? null,
      upstream: this.proxy && this.upstream ? { ...this.upstream } : null,
      session: this.recorder.session,
      sessionStartedAt: this.recorder.sessionStartedAt,
      callsSeen: this.recorder.callsSeen,
    };
  }

  presets(): ScenarioPreset[] {
    return PRESETS.map((p) => ({ ...p, rules: p.rules.map((r) => ({ ...r })) }));
  }

  setScenario(input: { rules?: ScenarioRule[]; presetId?: string; seed?: number }): ActiveScenario {
    const seed = input.seed !== undefined ? { seed: input.seed } : {};
    if (input.presetId !== undefined) {
      const preset = presetById(input.presetId);
      if (!preset)
        throw new WorkbenchError('validation', `There is no built-in scenario “${input.presetId}”.`, {
          fields: [{ path: 'presetId', message: `must be one of ${PRESETS.map((p) => p.id).join(', ')}` }],
        });
      return this.engine.set({ rules: preset.rules, presetId: preset.id, name: preset.name, ...seed });
    }
    const rules = input.rules ?? [];
    return this.engine.set({ rules, presetId: null, name: rules.length ? 'Your rules' : 'No faults (pass-through)', ...seed });
  }

  scenario(): ActiveScenario {
    return this.engine.current();
  }

  calls(input: { sinceLogId?: number; limit?: number }): ObservedCall[] {
    return this.recorder.list(input.sinceLogId ?? 0, input.limit ?? 10_000);
  }

  /**
   * This session's scorecard: every call the proxy saw, graded against Finch's checklist. The
   * scenario's rules tell the scorecard which answers were made all-null on purpose.
   */
  scorecard(now: number): Scorecard {
    return scorecard(this.recorder.list(0, 50_000), now, { rules: this.engine.current().rules });
  }

  /** A new session: new calls, and the scenario's windows and counts start again. */
  reset(): ProxyStatus {
    this.recorder.reset();
    const { rules, presetId, name, seed } = this.engine.current();
    this.engine.set({ rules, presetId, name, seed });
    return this.status();
  }

  async close(): Promise<void> {
    await this.stop();
    await this.recorder.close();
  }

  private resolveUpstream(kind: ProxyUpstreamKind): Upstream {
    const { environments } = this.options;
    if (kind === 'local') {
      const simulator = this.options.simulator();
      if (!simulator)
        throw new WorkbenchError(
          'network',
          'The built-in Finch simulator is not running, so the proxy has nothing to forward to. Restart the app.',
        );
      const local = environments.get(LOCAL_ENVIRONMENT_ID);
      return { kind, baseUrl: simulator.baseUrl, environmentId: local.id, environmentName: local.name, production: false };
    }
    const env = environments.get(environments.activeId());
    const production = env.kind === 'production';
    if (production && !this.options.armed(env.id))
      throw new WorkbenchError(
        'forbidden',
        `“${env.name}” is Production and disarmed: the proxy forwards to Production only while it is armed. Arm it first (type its name).`,
      );
    const { apiBaseUrl } = endpointsOf(env, this.options.simulator());
    return { kind, baseUrl: apiBaseUrl, environmentId: env.id, environmentName: env.name, production };
  }
}
