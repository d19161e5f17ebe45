/** Scenario drills: scripted failures an integration must survive, each with a verdict. */
import { z } from 'zod';

export const DRILLS = [
  'reauth',
  'assisted-onboarding',
  'batch-partial-failure',
  'rate-limit-storm',
  'failing-sync-job',
  'provider-outage',
  'enrollment-partial-failure',
  'deduction-job-pending',
  'benefit-type-unsupported',
] as const;
export const DrillIdSchema = z.enum(DRILLS);
export type DrillId = z.infer<typeof DrillIdSchema>;

export const DrillStepSchema = z.object({
  name: z.string(),
  ok: z.boolean(),
  detail: z.string(),
  requestIds: z.array(z.string()),
});
export type DrillStep = z.infer<typeof DrillStepSchema>;

export const DrillResultSchema = z.object({
  id: z.number(),
  drill: DrillIdSchema,
  connectionId: z.string().nullable(),
  passed: z.boolean(),
  startedAt: z.number(),
  finishedAt: z.number(),
  steps: z.array(DrillStepSchema),
  requestIds: z.array(z.string()),
});
export type DrillResult = z.infer<typeof DrillResultSchema>;

export const DRILL_TITLES: Record<DrillId, string> = {
  reauth: 'Reauth: forced reauth → read gets 401 → reconnect → read works',
  'assisted-onboarding': 'Assisted onboarding: 202 pending until Finch finishes the setup',
  'batch-partial-failure': 'Batch partial failure: unknown ids answer per item, the rest succeed',
  'rate-limit-storm': 'Rate-limit storm: 25 reads at once past Finch’s 20/min; the limiter keeps every 429 away (takes about a minute)',
  'failing-sync-job': 'Failing sync job: data_sync_all ends in reauth_error, the app notices, then recovers',
  'provider-outage': 'Provider outage: 5xx, retried, then recovery (local simulator)',
  'enrollment-partial-failure':
    'Enrollment job partially fails: some people refused with per-person errors, the rest enrolled (local simulator)',
  'deduction-job-pending': 'Assisted deduction job stays pending: pending check after check, then completes (local simulator)',
  'benefit-type-unsupported': 'Provider does not support this benefit type: refused, explained, request id shown (local simulator)',
};
