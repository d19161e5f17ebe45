/** Progress of a long pull, as the renderer's progress bar shows it (see src/main/platform/operations/operations.ts). */
import { z } from 'zod';

export const OperationProgressSchema = z.object({
  operationId: z.string(),
  label: z.string(),
  records: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  rateLimitWaits: z.number().int().nonnegative(),
  rateLimitWaitMs: z.number().int().nonnegative(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  detail: z.string().nullable(),
});
export type OperationProgressView = z.infer<typeof OperationProgressSchema>;
