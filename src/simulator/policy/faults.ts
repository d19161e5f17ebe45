/**
 * Faults injected on request through the admin API: latency, 5xx, timeouts, dropped
 * connections, malformed JSON, 202 and 429, for the next N requests on a path (exact, or a
 * prefix ending in `*`) and/or for one connection. Rules are runtime-only (not persisted).
 *
 * Deduction faults act on what a request does rather than on the HTTP exchange, so they are
 * not matched by path: the benefit routes and the job book ask for them (takeBehaviour) when
 * they create a job or a benefit.
 */
import { randomUUID } from 'node:crypto';

export const HTTP_FAULT_KINDS = ['latency', 'error', 'timeout', 'drop', 'malformed_json', 'accepted', 'rate_limit', 'reauth'] as const;
/**
 * - `enrollment_partial_failure`: the next enroll job(s) give `individual_ids` (or, without
 *   them, the first `fail_count` valid people, default 1) a per-person 422 (`finch_code`, default
 *   `enrollment_rejected`, and `message`) while the rest enroll;
 * - `manual_job_pending`: the next `count` manual (deduction) jobs stay `pending` until the rule
 *   is removed; the rule stays listed, holding them, after its count is used up;
 * - `benefit_type_unsupported`: the next benefit create/register answers 422
 *   `benefit_type_not_supported` whatever the type.
 */
export const DEDUCTION_FAULT_KINDS = ['enrollment_partial_failure', 'manual_job_pending', 'benefit_type_unsupported'] as const;
export const FAULT_KINDS = [...HTTP_FAULT_KINDS, ...DEDUCTION_FAULT_KINDS] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export type DeductionFaultKind = (typeof DEDUCTION_FAULT_KINDS)[number];

const isDeductionKind = (kind: FaultKind): kind is DeductionFaultKind => (DEDUCTION_FAULT_KINDS as readonly string[]).includes(kind);

export interface FaultRule {
  id: string;
  kind: FaultKind;
  path: string | null;
  method: string | null;
  connectionId: string | null;
  /** Requests left to affect; null = until removed. */
  remaining: number | null;
  latencyMs: number;
  status: number;
  retryAfterSeconds: number;
  finchCode: string | null;
  /** enrollment_partial_failure: these people fail (else the first `failCount` valid ones). */
  individualIds: string[] | null;
  failCount: number;
  /** enrollment_partial_failure: the per-person error message. */
  message: string | null;
  createdAt: string;
}

export class FaultInputError extends Error {}

function optionalString(input: Record<string, unknown>, key: string): string | null {
  const value = input[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length === 0) throw new FaultInputError(`"${key}" must be a non-empty string`);
  return value;
}

function optionalInt(input: Record<string, unknown>, key: string, min: number, max: number, fallback: number): number {
  const value = input[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new FaultInputError(`"${key}" must be an integer in [${min}, ${max}]`);
  }
  return value;
}

const DEFAULT_STATUS: Partial<Record<FaultKind, number>> = { error: 500, accepted: 202, rate_limit: 429, reauth: 401 };

export class FaultInjector {
  private rules: FaultRule[] = [];

  add(raw: unknown): FaultRule {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new FaultInputError('body must be a JSON object');
    const input = raw as Record<string, unknown>;
    const kind = input['kind'];
    if (typeof kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(kind)) {
      throw new FaultInputError(`"kind" must be one of ${FAULT_KINDS.join(', ')}`);
    }
    const path = optionalString(input, 'path');
    const connectionId = optionalString(input, 'connection_id');
    const deduction = isDeductionKind(kind as FaultKind);
    // Deduction faults apply to any connection unless limited to one; HTTP faults need a target.
    if (path === null && connectionId === null && !deduction) throw new FaultInputError('give "path" and/or "connection_id"');
    if (path !== null && deduction)
      throw new FaultInputError(`"path" does not apply to ${kind} faults (they act on the job, not the request)`);
    const individualIds = input['individual_ids'];
    if (
      individualIds !== undefined &&
      individualIds !== null &&
      (!Array.isArray(individualIds) || individualIds.length === 0 || !individualIds.every((id) => typeof id === 'string' && id !== ''))
    ) {
      throw new FaultInputError('"individual_ids" must be a non-empty array of individual ids');
    }
    if (path !== null && !path.startsWith('/')) throw new FaultInputError('"path" must start with "/"');
    if (path !== null && path.startsWith('/_simulator')) throw new FaultInputError('the admin API cannot be faulted');
    const count = input['count'];
    if (count !== undefined && count !== null && (typeof count !== 'number' || !Number.isInteger(count) || count < 1)) {
      throw new FaultInputError('"count" must be a positive integer, or null for "until removed"');
    }
    const status = optionalInt(input, 'status', 200, 599, DEFAULT_STATUS[kind as FaultKind] ?? 500);
    if (kind === 'error' && status < 400) throw new FaultInputError('"status" of an error fault must be 4xx or 5xx');
    const rule: FaultRule = {
      id: randomUUID(),
      kind: kind as FaultKind,
      path,
      method: optionalString(input, 'method')?.toUpperCase() ?? null,
      connectionId,
      remaining: count === null ? null : typeof count === 'number' ? count : 1,
      latencyMs: optionalInt(input, 'latency_ms', 0, 600_000, kind === 'timeout' ? 120_000 : 1_000),
      status,
      retryAfterSeconds: optionalInt(input, 'retry_after_seconds', 0, 86_400, 1),
      finchCode: optionalString(input, 'finch_code'),
      individualIds: Array.isArray(individualIds) ? [...(individualIds as string[])] : null,
      failCount: optionalInt(input, 'fail_count', 1, 10_000, 1),
      message: optionalString(input, 'message'),
      createdAt: new Date().toISOString(),
    };
    this.rules.push(rule);
    return rule;
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length < before;
  }

  clear(): void {
    this.rules = [];
  }

  /**
   * Takes the first rule matching this request and uses up one of its requests. Called once
   * before authentication (rules without a connection) and once after (connection rules).
   */
  take(method: string, path: string, connectionId: string | null, stage: 'path' | 'connection'): FaultRule | null {
    if (this.rules.length === 0) return null;
    for (const rule of this.rules) {
      if (isDeductionKind(rule.kind)) continue;
      if (stage === 'path' ? rule.connectionId !== null : rule.connectionId === null || rule.connectionId !== connectionId) continue;
      if (rule.method && rule.method !== method) continue;
      if (rule.path && !(rule.path.endsWith('*') ? path.startsWith(rule.path.slice(0, -1)) : path === rule.path)) continue;
      if (rule.remaining !== null) {
        rule.remaining -= 1;
        if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
      }
      return { ...rule };
    }
    return null;
  }

  /**
   * Takes the first deduction rule of this kind for this connection (or for any connection) and
   * uses up one of its jobs. A `manual_job_pending` rule stays listed after its count is used
   * up: the jobs it took stay pending until it is removed (isActive).
   */
  takeBehaviour(kind: DeductionFaultKind, connectionId: string): FaultRule | null {
    for (const rule of this.rules) {
      if (rule.kind !== kind || (rule.connectionId !== null && rule.connectionId !== connectionId)) continue;
      if (rule.remaining !== null && rule.remaining <= 0) continue;
      if (rule.remaining !== null) {
        rule.remaining -= 1;
        if (rule.remaining <= 0 && kind !== 'manual_job_pending') this.rules = this.rules.filter((r) => r !== rule);
      }
      return { ...rule };
    }
    return null;
  }

  /** Is this rule still in force (not removed)? */
  isActive(id: string): boolean {
    return this.rules.some((r) => r.id === id);
  }
}
