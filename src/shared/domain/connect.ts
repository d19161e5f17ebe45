/** Connect attempts as they cross IPC: the renderer hosts Connect, main does everything else. */
import { z } from 'zod';
import { AUTH_TYPES } from './connection';

export const CONNECT_PRODUCTS = [
  'company',
  'directory',
  'individual',
  'employment',
  'payment',
  'pay_statement',
  'benefits',
  'documents',
  'ssn',
] as const;

export const ConnectSessionInputSchema = z
  .object({
    /** An existing customer's id, or none to create a new customer. */
    customerId: z.string().trim().min(1).max(200).optional(),
    customerName: z.string().trim().min(1, 'is required').max(200),
    customerEmail: z.string().trim().email('must be an email address').max(200).optional(),
    products: z.array(z.enum(CONNECT_PRODUCTS)).min(1, 'choose at least one product'),
    sandboxMode: z.enum(['finch', 'provider']).optional(),
    providerId: z
      .string()
      .trim()
      .regex(/^[a-z0-9_]+$/)
      .max(100)
      .optional(),
    authMethod: z.enum(AUTH_TYPES).optional(),
    manual: z.boolean().optional(),
  })
  .strict();
export type ConnectSessionInput = z.infer<typeof ConnectSessionInputSchema>;

export const ConnectSessionSchema = z.object({
  sessionId: z.string(),
  /** Opaque value Connect hands back with the code; main checks it. */
  state: z.string(),
  /** The Connect origin to give react-connect's `apiConfig.connectUrl`. */
  connectUrl: z.string(),
  warnings: z.array(z.string()),
  requestId: z.string().nullable(),
});
export type ConnectSession = z.infer<typeof ConnectSessionSchema>;

export const ConnectCompletionSchema = z.object({ code: z.string().min(1).max(2000), state: z.string().min(1).max(200) }).strict();

export const ConnectReportSchema = z
  .object({
    state: z.string().min(1).max(200),
    kind: z.enum(['error', 'closed']),
    message: z.string().max(2000).optional(),
    errorType: z.string().max(100).optional(),
  })
  .strict();
