/** Sandbox writes, statuses and jobs as the renderer sends and sees them. */
import { z } from 'zod';
import { SyncJobViewSchema } from './sandbox-jobs';

export const SANDBOX_WRITE_NAMES = ['company', 'directory', 'individual', 'employment', 'payment'] as const;
export const CONNECTION_STATUSES = ['pending', 'processing', 'connected', 'error_no_account_setup', 'error_permissions', 'reauth'] as const;
export const JOB_COMPLETIONS = ['complete', 'reauth_error', 'permissions_error', 'error'] as const;

const Id = z.string().min(1).max(200);

export const SandboxWriteInputSchema = z
  .object({
    connectionId: Id,
    write: z.enum(SANDBOX_WRITE_NAMES),
    /** For individual and employment edits. */
    individualId: Id.optional(),
    /** The request body; checked in main against Finch's schema for this write. */
    body: z.unknown(),
    /** Run a sync job afterwards and wait for it, so reads show the change (default true). */
    sync: z.boolean().optional(),
    operationId: Id.optional(),
  })
  .strict();
export type SandboxWriteInput = z.infer<typeof SandboxWriteInputSchema>;

export const SandboxWriteResultSchema = z.object({
  write: z.enum(SANDBOX_WRITE_NAMES),
  /** What Finch answered, e.g. the new people's ids or the payment id. */
  data: z.unknown(),
  requestId: z.string().nullable(),
  job: SyncJobViewSchema.nullable(),
  /** Set when the write landed but the sync that makes it visible did not complete. */
  warning: z.string().nullable(),
});
export type SandboxWriteResult = z.infer<typeof SandboxWriteResultSchema>;

export const JobConfigurationSchema = z.object({
  completionStatus: z.enum(JOB_COMPLETIONS),
  requestId: z.string().nullable(),
});
