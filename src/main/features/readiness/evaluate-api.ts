/**
 * API resilience items: the rate limiter and 429s, nullable fields (coverage), and the drills
 * for reauthentication, 5xx and batch errors.
 */
import type { DrillId } from '@shared/domain/drills';
import type { EvidenceContext, Verdict } from './evidence-context';
import { evidence, plural } from './evidence-context';
import { column } from './evidence-queries';

/** How many of the newest 429 answers are followed to the end of their call. */
const RATE_LIMITED_SAMPLE = 500;

export function rateLimiter(ctx: EvidenceContext): Verdict {
  const total = ctx.q.totalAttempts();
  const limits = evidence(
    ctx,
    'The gateway queues every call behind Finch’s published limits per application and product (company, directory, individual, employment: 20/min; payment, pay-groups, pay-statement: 12/min) and honours Retry-After.',
    null,
  );
  if (total === 0)
    return {
      status: 'not_yet',
      summary: 'The limiter is active, but no call has been made yet.',
      evidence: [limits],
      next: 'Read some data (Explorer) so the limiter and the log have something to show.',
    };
  const meter = ctx.meter.filter((m) => m.used > 0);
  const lines = [limits];
  if (meter.length > 0)
    lines.push(evidence(ctx, `Use in the last minute: ${meter.map((m) => `${m.product} ${m.used}/${m.limit}`).join(', ')}`, null));
  const match = column('outcome', 'rate_limited');
  const count = ctx.q.countMatching(match);
  const calls = new Map<string, ReturnType<EvidenceContext['q']['matching']>[number]>();
  for (const attempt of ctx.q.matching(match, RATE_LIMITED_SAMPLE)) if (!calls.has(attempt.callId)) calls.set(attempt.callId, attempt);
  const unabsorbed = [...calls.keys()].map((id) => ctx.q.lastAttemptOf(id)).filter((last) => last?.outcome === 'rate_limited');
  if (unabsorbed.length > 0) {
    const last = unabsorbed[0]!;
    return {
      status: 'fail',
      summary: `${plural(unabsorbed.length, 'call')} ended on a 429 after the retries.`,
      evidence: [
        ...lines,
        evidence(
          ctx,
          `Last: ${last.path.split('?')[0]} → 429 ${last.finchCode ?? ''} on attempt ${last.attempt}`,
          last.time,
          unabsorbed.slice(0, 5).map((a) => a!.requestId),
          last.environmentId,
        ),
      ],
      next: 'Lower the request rate (batch individual/employment reads, up to 10,000 ids a call), or wait out finch_api_ip_rl; upstream_rate_limit_exceeded is the provider’s own limit.',
    };
  }
  if (count > 0) {
    const newest = [...calls.values()][0]!;
    lines.push(
      evidence(
        ctx,
        `${plural(count, '429 answer')} seen, each retried until the call succeeded (last one dated here)`,
        newest.time,
        [newest.requestId],
        newest.environmentId,
      ),
    );
  }
  return {
    status: 'pass',
    summary: count > 0 ? `${plural(count, '429')} absorbed; no call gave up.` : `${plural(total, 'attempt')} logged without a single 429.`,
    evidence: lines,
    next: null,
  };
}

export function nullableFields(ctx: EvidenceContext): Verdict {
  if (!ctx.coverageRuns) {
    return {
      status: 'not_yet',
      summary: 'Field coverage is not available in this build yet.',
      evidence: [],
      next: 'Once field coverage is available (Explorer), run it on a connection of each provider you support; this item then shows what came back null.',
    };
  }
  const runs = ctx.environments
    .flatMap((env) => ctx.coverageRuns!(env.id).map((run) => ({ ...run, env: env.id })))
    .sort((a, b) => b.at - a.at);
  if (runs.length === 0) {
    return {
      status: 'not_yet',
      summary: 'No field coverage run yet.',
      evidence: [],
      next: 'Run field coverage (Explorer) on a connection of each provider you support.',
    };
  }
  return {
    status: 'pass',
    summary: `${plural(runs.length, 'coverage run')} recorded which fields come back null.`,
    evidence: runs.slice(0, 5).map((r) => evidence(ctx, `Coverage of connection ${r.connectionId}`, r.at, [], r.env)),
    next: null,
  };
}

function drillItem(ctx: EvidenceContext, drill: DrillId, name: string, how: string): Verdict {
  const results = ctx.drills.filter((d) => d.drill === drill);
  const latest = results[0];
  if (!latest) return { status: 'not_yet', summary: `The ${name} drill has not run yet.`, evidence: [], next: how };
  const passes = results.filter((r) => r.passed).length;
  const steps = latest.steps.map((s) => `${s.ok ? '✓' : '✗'} ${s.name}`).join('; ');
  const failed = latest.steps.find((s) => !s.ok);
  const lines = [
    evidence(
      ctx,
      `Latest run${latest.connectionId ? ` on ${latest.connectionId}` : ''}: ${latest.passed ? 'passed' : 'failed'}. ${steps}`,
      latest.finishedAt,
      latest.requestIds,
      latest.environmentId,
    ),
  ];
  if (failed) {
    lines.push(
      evidence(ctx, `Failed step: ${failed.name}: ${ctx.text(failed.detail)}`, latest.finishedAt, failed.requestIds, latest.environmentId),
    );
    // A step that threw records no request id: the log still knows what failed during the run.
    const attempts = ctx.q.failedBetween(latest.environmentId, latest.startedAt, latest.finishedAt);
    if (attempts.length > 0) {
      const summary = attempts.map((a) => `${a.status ?? 'no response'}${a.finchCode ? ` ${a.finchCode}` : ''}`).join(' → ');
      lines.push(
        evidence(
          ctx,
          `Failed attempts during the run: ${summary} (${attempts[0]!.path.split('?')[0]})`,
          attempts[0]!.time,
          attempts.map((a) => a.requestId),
          latest.environmentId,
        ),
      );
    }
  }
  if (results.length > 1) lines.push(evidence(ctx, `${plural(results.length, 'run')} in all, ${passes} passed`, null));
  return latest.passed
    ? { status: 'pass', summary: `The ${name} drill passed.`, evidence: lines, next: null }
    : {
        status: 'fail',
        summary: `The latest ${name} drill failed.`,
        evidence: lines,
        next: `Fix what the failed step shows, then run the drill again. ${how}`,
      };
}

export const reauthFlow = (ctx: EvidenceContext): Verdict =>
  drillItem(ctx, 'reauth', 'reauthentication', 'Sandbox → Drills → “Reauth” on a sandbox connection.');
export const serverErrors = (ctx: EvidenceContext): Verdict =>
  drillItem(ctx, 'provider-outage', 'provider outage (5xx)', 'Sandbox → Drills → “Provider outage” on a Local simulator connection.');

export function batchErrors(ctx: EvidenceContext): Verdict {
  const verdict = drillItem(
    ctx,
    'batch-partial-failure',
    'batch partial failure',
    'Sandbox → Drills → “Batch partial failure” on a sandbox connection.',
  );
  const match = column('outcome', 'batch_partial_failure');
  const count = ctx.q.countMatching(match);
  const newest = ctx.q.matching(match, 1)[0];
  if (newest) {
    verdict.evidence.push(
      evidence(
        ctx,
        `${plural(count, 'batch answer')} with per-item errors logged as partial failures (the other items kept their data)`,
        newest.time,
        [newest.requestId],
        newest.environmentId,
      ),
    );
  }
  return verdict;
}
