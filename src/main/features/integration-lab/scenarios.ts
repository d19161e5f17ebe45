/**
 * Which scenario rule shapes a call. Rules are tried in order: every latency rule that fires adds
 * its delay, and the first other rule that fires decides the answer. A rule fires when the call
 * matches its filters (products, path prefix, connection), the scenario's clock is inside its
 * window, it has injections left (`count`), and a draw of the seeded random generator falls
 * under its probability: the same seed and the same traffic give the same answers.
 *
 * A reauthentication rule without a connection picks one: the first connection it fires on
 * becomes its target, and that connection alone gets 401 `reauthenticate_user` from then on
 * (as Finch does once a connection needs the employer to reconnect).
 */
import type { ScenarioRule } from '@shared/domain/integration-lab';
import type { ActiveScenario } from '@shared/contract/integration-lab';

/** What a rule can see of a call before it is answered. */
export interface CallFacts {
  method: string;
  path: string;
  product: string | null;
  connectionKey: string | null;
}

export interface Decision {
  /** Delay before answering (latency rules that fired). */
  latencyMs: number;
  latencyRuleIds: string[];
  /** The rule that decides the answer, or null: forward to Finch. */
  rule: ScenarioRule | null;
}

/** Batch reads whose items can be rewritten with per-item errors. */
export const BATCH_PATHS: ReadonlyMap<string, string> = new Map([
  ['/employer/individual', 'individual_id'],
  ['/employer/employment', 'individual_id'],
  ['/employer/pay-statement', 'payment_id'],
]);

export function isBatchCall(call: Pick<CallFacts, 'method' | 'path'>): boolean {
  return call.method === 'POST' && BATCH_PATHS.has(call.path.replace(/\/$/, ''));
}

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ScenarioSetting {
  rules: ScenarioRule[];
  presetId: string | null;
  name: string;
  seed?: number;
}

export class ScenarioEngine {
  private rules: ScenarioRule[] = [];
  private presetId: string | null = null;
  private name = 'No faults (pass-through)';
  private startedAt: number;
  private seed = 1;
  private random = seededRandom(1);
  private readonly fired = new Map<string, number>();
  /** Reauthentication rules without a connection: the connection each one picked. */
  private readonly targets = new Map<string, string>();

  constructor(private readonly now: () => number = Date.now) {
    this.startedAt = now();
  }

  set(setting: ScenarioSetting): ActiveScenario {
    this.rules = setting.rules.map((r) => ({ ...r }));
    this.presetId = setting.presetId;
    this.name = setting.name;
    this.seed = setting.seed ?? 1;
    this.random = seededRandom(this.seed);
    this.startedAt = this.now();
    this.fired.clear();
    this.targets.clear();
    return this.current();
  }

  current(): ActiveScenario {
    return {
      presetId: this.presetId,
      name: this.name,
      rules: this.rules.map((r) => ({ ...r })),
      startedAt: this.startedAt,
      seed: this.seed,
      fired: Object.fromEntries(this.rules.map((r) => [r.id, this.fired.get(r.id) ?? 0])),
    };
  }

  /** Decides a call's fate; the rules that fire are counted at once (see `release`). */
  decide(call: CallFacts): Decision {
    const decision: Decision = { latencyMs: 0, latencyRuleIds: [], rule: null };
    const elapsed = this.now() - this.startedAt;
    for (const rule of this.rules) {
      if (decision.rule) break;
      if (!this.matches(rule, call, elapsed)) continue;
      if (rule.probability < 1 && this.random() >= rule.probability) continue;
      this.fired.set(rule.id, (this.fired.get(rule.id) ?? 0) + 1);
      if (rule.inject === 'reauthenticate' && rule.connectionKey === undefined && call.connectionKey)
        this.targets.set(rule.id, this.targets.get(rule.id) ?? call.connectionKey);
      if (rule.inject === 'latency') {
        decision.latencyMs += rule.latencyMs ?? DEFAULT_LATENCY_MS;
        decision.latencyRuleIds.push(rule.id);
      } else decision.rule = rule;
    }
    return decision;
  }

  /**
   * A rule that rewrites Finch's answer (all-null) learns only from the answer whether it
   * applies (a 2xx JSON body); when it does not, its injection is given back.
   */
  release(ruleId: string): void {
    const n = this.fired.get(ruleId) ?? 0;
    if (n > 0) this.fired.set(ruleId, n - 1);
  }

  private matches(rule: ScenarioRule, call: CallFacts, elapsed: number): boolean {
    if (rule.products && rule.products.length > 0 && (call.product === null || !rule.products.includes(call.product))) return false;
    if (rule.pathPrefix !== undefined && !call.path.startsWith(rule.pathPrefix)) return false;
    if (rule.connectionKey !== undefined && rule.connectionKey !== call.connectionKey) return false;
    if (rule.fromMs !== undefined && elapsed < rule.fromMs) return false;
    if (rule.toMs !== undefined && elapsed > rule.toMs) return false;
    if (rule.count !== undefined && (this.fired.get(rule.id) ?? 0) >= rule.count) return false;
    if (rule.inject === 'reauthenticate') {
      if (!call.connectionKey) return false;
      const target = this.targets.get(rule.id);
      if (target !== undefined && target !== call.connectionKey) return false;
    }
    if (rule.inject === 'batch_item_errors' && !isBatchCall(call)) return false;
    return true;
  }
}

export const DEFAULT_LATENCY_MS = 1_500;
/** How long a `timeout` rule holds the request before hanging up without an answer. */
export const DEFAULT_TIMEOUT_HOLD_MS = 15_000;
export const DEFAULT_RETRY_AFTER_SECONDS = 5;
