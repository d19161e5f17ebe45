/** A watched sync job, as main reports it. */
import { z } from 'zod';

export const JOB_TERMINAL = ['complete', 'error', 'reauth_error', 'permissions_error'] as const;
export type JobTerminal = (typeof JOB_TERMINAL)[number];

export function isTerminal(status: string): status is JobTerminal {
  return (JOB_TERMINAL as readonly string[]).includes(status);
}

export const SyncJobViewSchema = z.object({
  jobId: z.string(),
  status: z.string(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  /** Every status seen while watching, in order (pending → in_progress → complete). */
  seen: z.array(z.string()),
  requestIds: z.array(z.string()),
});
export type SyncJobView = z.infer<typeof SyncJobViewSchema>;
