/**
 * What the readiness evaluators read: the database queries plus the facts other services
 * hold (drill results, the vault's backend, the limiter's meter, field coverage runs).
 */
import type { Evidence, ReadinessStatus } from '@shared/domain/readiness';
import type { DrillResult } from '@shared/domain/drills';
import type { EnvironmentKind } from '@shared/domain/environment';
import type { EvidenceQueries } from './evidence-queries';
import type { DeductionJobView } from '@shared/domain/deduction-jobs';
import type { Reconciliation } from '@shared/domain/reconciliation';
import type { Scorecard } from '@shared/domain/integration-lab';

export interface CoverageRun {
  connectionId: string;
  at: number;
}

/** The write side: deduction jobs the app followed and the paychecks it reconciled. */
export interface DeductionEvidence {
  jobs: (environmentId: string) => DeductionJobView[];
  reconciliations: (environmentId: string) => Reconciliation[];
}

export interface EvidenceContext {
  q: EvidenceQueries;
  environments: { id: string; name: string; kind: EnvironmentKind }[];
  /** Every environment's drill results, newest first. */
  drills: (DrillResult & { environmentId: string })[];
  secretStorage: { available: boolean; backend: string; detail: string; mode: 'persistent' | 'session-only' };
  secretCounts: { clientSecrets: number; accessTokens: number };
  meter: { clientId: string; product: string; used: number; limit: number }[];
  /** Field coverage runs per environment; null until the coverage feature provides them. */
  coverageRuns: ((environmentId: string) => CoverageRun[]) | null;
  deductions: DeductionEvidence | null;
  /** The Integration lab's scorecard of the user's own backend, when it sent traffic through the proxy. */
  yourApp: Scorecard | null;
  /** Free text shown as evidence goes through the redactor first. */
  text: (input: string) => string;
}

export interface Verdict {
  status: ReadinessStatus;
  summary: string;
  evidence: Evidence[];
  next: string | null;
}

export function evidence(
  ctx: EvidenceContext,
  text: string,
  at: number | null,
  requestIds: (string | null)[] = [],
  environmentId: string | null = null,
): Evidence {
  return {
    text,
    at,
    requestIds: requestIds.filter((id): id is string => typeof id === 'string' && id.length > 0),
    environment: environmentId === null ? null : (ctx.environments.find((e) => e.id === environmentId)?.name ?? environmentId),
  };
}

export const parseList = (json: string): string[] => {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
};

export const parseObject = (json: string): Record<string, unknown> => {
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export const day = (ms: number): string => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/** Environments whose connections reach Finch itself (not the local simulator). */
export const isFinchKind = (kind: EnvironmentKind): boolean => kind !== 'local-simulator';
