/**
 * The write side of the checklist: when the user writes deductions, the report wants three
 * pieces of evidence — a write Finch completed, a job followed to its end (not just started),
 * and a pay statement reconciled without a difference. Nobody who only reads is asked for them:
 * with no deduction write in any environment the item is not applicable.
 */
import type { DrillId } from '@shared/domain/drills';
import type { EvidenceContext, Verdict } from './evidence-context';
import { evidence } from './evidence-context';

/** The Sandbox drills about write-side failures: the latest run of each is evidence here. */
const WRITE_DRILLS: readonly DrillId[] = ['enrollment-partial-failure', 'deduction-job-pending', 'benefit-type-unsupported'];

export function deductionWrites(ctx: EvidenceContext): Verdict {
  const source = ctx.deductions;
  const jobs = source ? ctx.environments.flatMap((env) => source.jobs(env.id).map((job) => ({ ...job, env: env.id }))) : [];
  if (!source || jobs.length === 0) {
    return {
      status: 'not_applicable',
      summary: 'No deduction write in any environment: this applies only if your application writes deductions.',
      evidence: [],
      next: null,
    };
  }
  const recs = ctx.environments
    .flatMap((env) => source.reconciliations(env.id).map((r) => ({ ...r, env: env.id })))
    .sort((a, b) => b.at - a.at);
  const ended = jobs
    .filter((j) => j.status === 'complete' || j.status === 'error')
    .sort((a, b) => (b.completedAt ?? 0) - (a.completedAt ?? 0));
  // Done for at least someone (a job whose every person was refused proves nothing was written).
  const completed = ended.filter(
    (j) => j.status === 'complete' && (j.items.length === 0 || j.items.some((i) => i.code !== null && i.code < 400)),
  );
  const lines = [];
  const write = completed[0];
  if (write)
    lines.push(evidence(ctx, `Write completed: ${write.title} (job ${write.jobId}).`, write.completedAt, write.writeRequestIds, write.env));
  const followed = ended.find((j) => j.checks > 0);
  if (followed)
    lines.push(
      evidence(
        ctx,
        `Job followed to its end (${followed.status}) in ${followed.checks} check(s): ${followed.title}.`,
        followed.completedAt,
        followed.checkRequestIds,
        followed.env,
      ),
    );
  const clean = recs.find((r) => r.counts.mismatch === 0 && r.counts.missing === 0 && r.counts.unexpected === 0 && r.counts.match > 0);
  const latest = recs[0];
  if (latest) {
    const c = latest.counts;
    lines.push(
      evidence(
        ctx,
        `Latest paycheck check (payment ${latest.paymentId}): ${c.match} matching, ${c.mismatch} differing, ${c.missing} missing, ${c.not_enrolled} never enrolled.`,
        latest.at,
        latest.requestIds.slice(0, 5),
        latest.env,
      ),
    );
  }
  const drills = WRITE_DRILLS.flatMap((id) => (ctx.drills ?? []).filter((d) => d.drill === id).slice(0, 1));
  for (const d of drills)
    lines.push(
      evidence(ctx, `Drill ${d.drill}: ${d.passed ? 'passed' : 'failed'}.`, d.finishedAt, d.requestIds.slice(0, 5), d.environmentId),
    );
  const failedDrill = drills.find((d) => !d.passed);
  if (failedDrill) {
    return {
      status: 'fail',
      summary: `The latest ${failedDrill.drill} drill failed: the app mishandles a write-side failure.`,
      evidence: lines,
      next: 'Sandbox → Drills: open the failed step, fix what it shows, then run the drill again.',
    };
  }
  if (latest && (latest.counts.mismatch > 0 || latest.counts.missing > 0 || latest.counts.unexpected > 0)) {
    return {
      status: 'fail',
      summary: 'The latest paycheck check found deductions that differ from the enrollments.',
      evidence: lines,
      next: 'Open Deductions, look at the differing rows, and fix the enrollment (or ask the provider) before going live.',
    };
  }
  if (write && followed && clean)
    return {
      status: 'pass',
      summary: 'A write completed, its job was followed to its end, and the next paycheck matched.',
      evidence: lines,
      next: null,
    };
  const missing = [
    !write && 'a write Finch completed',
    !followed && 'a job followed to its end',
    !clean && 'a paycheck reconciled without differences',
  ].filter(Boolean);
  return {
    status: 'not_yet',
    summary: `Deduction writes were made; still missing: ${missing.join(', ')}.`,
    evidence: lines,
    next: 'In Deductions: follow the job until it completes, then check the next pay run (Proof on the paycheck).',
  };
}
