/**
 * Every deduction write is a Finch job (`/jobs/manual/{job_id}`): the app keeps each one it
 * started, follows it to its end, and keeps the per-person outcome and every request id (of the
 * write and of each status check). Assisted providers can keep a job pending for days, so a job
 * stays in the list and is checked again on demand or on a schedule.
 */
import { z } from 'zod';
import { ConnectionIdSchema, FinchIdSchema } from './explorer';

export const DEDUCTION_JOB_KINDS = ['benefit_create', 'benefit_register', 'benefit_update', 'enroll', 'unenroll'] as const;
export type DeductionJobKind = (typeof DEDUCTION_JOB_KINDS)[number];

/** Finch's manual job statuses; `unknown` until the first check answers. */
export const DEDUCTION_JOB_STATUSES = ['unknown', 'pending', 'in_progress', 'complete', 'error'] as const;
export type DeductionJobStatus = (typeof DEDUCTION_JOB_STATUSES)[number];

/** One person's outcome in a finished job, from the job's body. */
export const JobItemSchema = z.object({
  individualId: z.string(),
  /** 200 when done for this person; 4xx with a reason otherwise. */
  code: z.number().nullable(),
  finchCode: z.string().nullable(),
  message: z.string().nullable(),
});
export type JobItem = z.infer<typeof JobItemSchema>;

export const DeductionJobViewSchema = z.object({
  jobId: z.string(),
  connectionId: z.string(),
  kind: z.enum(DEDUCTION_JOB_KINDS),
  benefitId: z.string().nullable(),
  /** In words: "Enroll 25 people in 401(k) Plan". */
  title: z.string(),
  status: z.enum(DEDUCTION_JOB_STATUSES),
  /** The people this write was about (enroll/unenroll), so a person missing from the body is visible too. */
  individualIds: z.array(z.string()),
  items: z.array(JobItemSchema),
  writeRequestIds: z.array(z.string()),
  checkRequestIds: z.array(z.string()),
  createdAt: z.number(),
  checkedAt: z.number().nullable(),
  completedAt: z.number().nullable(),
  checks: z.number(),
  /** Why the last check could not be made (network, reauth…); null when it answered. */
  lastError: z.string().nullable(),
});
export type DeductionJobView = z.infer<typeof DeductionJobViewSchema>;

/** A write's answer: what Finch returned, and the jobs it started (one per enroll batch). */
export const DeductionWriteResultSchema = z.object({
  benefitId: z.string().nullable(),
  jobs: z.array(DeductionJobViewSchema),
  requestIds: z.array(z.string()),
});
export type DeductionWriteResult = z.infer<typeof DeductionWriteResultSchema>;

export const JobsQuerySchema = z.object({ connectionId: ConnectionIdSchema.optional() }).strict();
export const CheckJobInputSchema = z.object({ jobId: FinchIdSchema }).strict();
