/** Explanations of Finch outcomes, as the renderer shows them. */
import { z } from 'zod';

export const ExplanationSchema = z.object({
  /** The rule that matched, or null when the workbench has none (it then says so plainly). */
  ruleId: z.string().nullable(),
  title: z.string(),
  meaning: z.string(),
  nextStep: z.string(),
  requestIds: z.array(z.string()),
});
export type Explanation = z.infer<typeof ExplanationSchema>;

export const TraceItemSchema = z.object({
  time: z.number(),
  kind: z.enum(['session', 'message', 'exchange', 'stored', 'report']),
  summary: z.string(),
  requestId: z.string().nullable(),
});

export const ConnectTraceSchema = z.object({
  /** The first characters of the attempt's state: enough to tell attempts apart, useless to replay. */
  id: z.string(),
  startedAt: z.number(),
  customerName: z.string(),
  flow: z.enum(['embedded', 'redirect', 'reauth']),
  params: z.object({
    products: z.array(z.string()),
    sandbox: z.string().nullable(),
    redirectUri: z.string().nullable(),
    providerId: z.string().nullable(),
  }),
  outcome: z.enum(['open', 'connected', 'failed', 'closed']),
  items: z.array(TraceItemSchema),
  explanation: ExplanationSchema.nullable(),
});
export type ConnectTrace = z.infer<typeof ConnectTraceSchema>;

export const TraceMessageSchema = z
  .object({
    state: z.string().min(1).max(200),
    kind: z.enum(['success', 'error', 'closed', 'other']),
    origin: z.string().max(300),
    /** Already masked by the renderer: the code itself never needs to reach the trace. */
    detail: z.string().max(500).optional(),
  })
  .strict();

export const HealthCheckSchema = z.object({
  connectionId: z.string(),
  checkedAt: z.number(),
  tokenValid: z.boolean(),
  status: z.string(),
  lastSuccessfulSync: z.string().nullable(),
  products: z.array(z.object({ product: z.string(), status: z.string() })),
  rateLimits: z.array(z.object({ product: z.string(), used: z.number(), limit: z.number() })),
  requestId: z.string().nullable(),
  problems: z.array(ExplanationSchema),
});
export type HealthCheck = z.infer<typeof HealthCheckSchema>;
