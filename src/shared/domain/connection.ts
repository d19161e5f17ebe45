/** Connections and customers as the renderer sees them: never a token, only `hasToken`. */
import { z } from 'zod';

export const AUTH_TYPES = ['credential', 'api_token', 'oauth', 'assisted'] as const;
export const PRODUCTS = ['company', 'directory', 'individual', 'employment', 'payment', 'pay_statement', 'benefits', 'documents'] as const;

export const ConnectionViewSchema = z.object({
  id: z.string(),
  environmentId: z.string(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  companyId: z.string().nullable(),
  providerId: z.string().nullable(),
  products: z.array(z.string()),
  connectionType: z.string().nullable(),
  status: z.string(),
  hasToken: z.boolean(),
  createdAt: z.number(),
  disconnectedAt: z.number().nullable(),
  /** Set when a disconnected connection was archived out of the lists (kept, shown on request). */
  archivedAt: z.number().nullable(),
});

export const ConnectionEventSchema = z.object({
  id: z.number(),
  time: z.number(),
  type: z.string(),
  detail: z.record(z.string(), z.unknown()),
  requestIds: z.array(z.string()),
});
export type ConnectionView = z.infer<typeof ConnectionViewSchema>;

/** A legal entity (one EIN's payroll) of a connection, from GET /introspect `entities`. */
export const ConnectionEntitySchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  sourceId: z.string().nullable(),
  status: z.string().nullable(),
});
export type ConnectionEntity = z.infer<typeof ConnectionEntitySchema>;
export const ConnectionEntitiesSchema = z.object({ entities: z.array(ConnectionEntitySchema), requestIds: z.array(z.string()) });
export type ConnectionEntities = z.infer<typeof ConnectionEntitiesSchema>;

/** One connection on the review list of a bulk disconnect. */
export const BulkDisconnectTargetSchema = z.object({
  id: z.string(),
  providerId: z.string().nullable(),
  companyId: z.string().nullable(),
  customerName: z.string().nullable(),
  /** How many people the company has, as far as this computer knows; null when unknown. */
  people: z.number().int().nonnegative().nullable(),
});
export type BulkDisconnectTarget = z.infer<typeof BulkDisconnectTargetSchema>;

/**
 * How many people a new sandbox company may have. Finch publishes no maximum for
 * `employee_size`; the app keeps real Finch environments at 10,000, the most one directory page
 * or one batch call carries (Finch's documented per-call maximum), so a Finch Sandbox company
 * can always be read in one page. The Local simulator is ours and generates people lazily, so it
 * goes to 100,000: enterprise scale, to test big pulls offline.
 */
export const FINCH_SANDBOX_EMPLOYEE_LIMIT = 10_000;
export const LOCAL_SIMULATOR_EMPLOYEE_LIMIT = 100_000;

export function employeeSizeLimit(environmentKind: string): { max: number; why: string } {
  return environmentKind === 'local-simulator'
    ? { max: LOCAL_SIMULATOR_EMPLOYEE_LIMIT, why: 'the Local simulator generates people on demand, up to 100,000' }
    : {
        max: FINCH_SANDBOX_EMPLOYEE_LIMIT,
        why: 'Finch environments: at most 10,000 — the most one directory page or batch call carries',
      };
}

export const SandboxConnectionInputSchema = z
  .object({
    providerId: z
      .string()
      .trim()
      .min(1, 'is required')
      .max(100)
      .regex(/^[a-z0-9_]+$/, 'must be a Finch provider id such as gusto'),
    authenticationType: z.enum(AUTH_TYPES).optional(),
    // The environment decides the real limit (employeeSizeLimit); this is the largest of them.
    employeeSize: z.number().int().min(1, 'must be at least 1').max(LOCAL_SIMULATOR_EMPLOYEE_LIMIT, 'must be at most 100,000').optional(),
    products: z.array(z.enum(PRODUCTS)).min(1).optional(),
    customerName: z.string().trim().min(1).max(120).optional(),
  })
  .strict();
export type SandboxConnectionInput = z.infer<typeof SandboxConnectionInputSchema>;

/** A Finch answer with the request id it came from: every view can say where its data came from. */
export const FinchDataSchema = z.object({
  data: z.unknown(),
  requestId: z.string().nullable(),
  status: z.number(),
});
