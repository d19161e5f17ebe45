/**
 * The go-live readiness report: Finch's Successful Integration Checklist, item by item, with
 * the evidence this app holds (dates, request IDs, drill results) and what to do next.
 * Items the app cannot know are manual checks the user ticks.
 */
import { z } from 'zod';

export const READINESS_ITEM_IDS = [
  'connect-flow',
  'onboarding-placement',
  'customer-messaging',
  'onboarding-latency',
  'multiple-connections',
  'backend-exchange',
  'rate-limiter',
  'nullable-fields',
  'reauth-flow',
  'server-errors',
  'batch-errors',
  'multiple-systems',
  'secrets-encrypted',
  'company-id',
  'request-ids',
  'email-forwarding',
  'finch-sandbox',
  'provider-sandbox',
  'write-operations',
  'deduction-writes',
  'disconnect-test',
  'start-small',
  'launch-all',
  'support-ticket',
  'developer-dashboard',
] as const;
export const ReadinessItemIdSchema = z.enum(READINESS_ITEM_IDS);
export type ReadinessItemId = z.infer<typeof ReadinessItemIdSchema>;

/** not_applicable: the item is about something the user does not do (e.g. deduction writes). */
export const ReadinessStatusSchema = z.enum(['pass', 'fail', 'not_yet', 'not_applicable']);
export type ReadinessStatus = z.infer<typeof ReadinessStatusSchema>;

export const EvidenceSchema = z.object({
  text: z.string(),
  /** When it happened (ms since epoch), when known. */
  at: z.number().nullable(),
  requestIds: z.array(z.string()),
  /** The environment it was seen in, by name. */
  environment: z.string().nullable(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const ReadinessItemSchema = z.object({
  id: ReadinessItemIdSchema,
  title: z.string(),
  /** The checklist line(s) this item answers, as Finch wrote them. */
  checklist: z.array(z.string()),
  kind: z.enum(['auto', 'manual']),
  status: ReadinessStatusSchema,
  summary: z.string(),
  evidence: z.array(EvidenceSchema),
  /** What to do next (null when nothing is left to do). */
  next: z.string().nullable(),
  /** Manual items: when the user ticked it, and their note. */
  manual: z.object({ checkedAt: z.number().nullable(), note: z.string().nullable() }).nullable(),
});
export type ReadinessItem = z.infer<typeof ReadinessItemSchema>;

export const ReadinessReportSchema = z.object({
  generatedAt: z.number(),
  sections: z.array(z.object({ title: z.string(), items: z.array(ReadinessItemSchema) })),
  counts: z.object({ pass: z.number(), fail: z.number(), not_yet: z.number(), not_applicable: z.number() }),
  /** Export formats this runtime offers (PDF needs Electron's printToPDF). */
  formats: z.array(z.enum(['html', 'markdown', 'pdf'])),
});
export type ReadinessReport = z.infer<typeof ReadinessReportSchema>;

export const ManualCheckInputSchema = z
  .object({
    itemId: ReadinessItemIdSchema,
    checked: z.boolean(),
    note: z
      .string()
      .trim()
      .max(500)
      .regex(/^[^\u0000]*$/, 'must not contain NUL characters')
      .optional(),
  })
  .strict();
export type ManualCheckInput = z.infer<typeof ManualCheckInputSchema>;

export const STATUS_LABELS: Record<ReadinessStatus, string> = {
  pass: 'Pass',
  fail: 'Fail',
  not_yet: 'Not yet',
  not_applicable: 'Not applicable',
};
