/**
 * What the explorer's reads send and answer. Every answer carries the raw JSON Finch sent
 * (nulls kept, never normalised), the HTTP status, and every Finch-Request-ID it came from;
 * a 202 (sync in progress, pending) is reported as `accepted`, never as "no data".
 */
import { z } from 'zod';

export const ConnectionIdSchema = z.string().min(1).max(200);
/** Finch ids are UUIDs; anything path-like is refused before it reaches a URL. */
export const FinchIdSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(200)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'must be a Finch id (letters, digits, - and _)');
export const OperationIdSchema = z.string().min(1).max(200);

export const DaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'is not a real date',
  );

export const DateRangeSchema = z
  .object({ connectionId: ConnectionIdSchema, startDate: DaySchema, endDate: DaySchema })
  .strict()
  .refine((r) => r.startDate <= r.endDate, { message: 'must be on or after the start date', path: ['endDate'] });

/** Finch's 202 body: why there is no data yet. */
export const AcceptedSchema = z.object({
  code: z.string().nullable(),
  message: z.string().nullable(),
});
export type Accepted = z.infer<typeof AcceptedSchema>;

/** One read (or several pages of one read) of an endpoint. */
export const EndpointReadSchema = z.object({
  /** The raw JSON body (pages concatenated where the view reads every page). */
  data: z.unknown(),
  status: z.number(),
  /** The last call's request id (what `company` always answered). */
  requestId: z.string().nullable(),
  requestIds: z.array(z.string()),
  accepted: AcceptedSchema.nullable(),
});
export type EndpointRead = z.infer<typeof EndpointReadSchema>;

/** One item of a batch answer: its own code (200, 404, 202…) and its record or error body. */
export const BatchRowSchema = z.object({ id: z.string(), code: z.number().nullable(), body: z.unknown() });
export type BatchRow = z.infer<typeof BatchRowSchema>;

export const BatchReadSchema = z.object({
  rows: z.array(BatchRowSchema),
  requestIds: z.array(z.string()),
  accepted: AcceptedSchema.nullable(),
  /** Batch calls made. */
  calls: z.number(),
});
export type BatchRead = z.infer<typeof BatchReadSchema>;

export const PeopleInputSchema = z
  .object({
    connectionId: ConnectionIdSchema,
    kind: z.enum(['individual', 'employment']),
    /** Read these ids; without them, everyone in the directory (all pages) is read. */
    individualIds: z.array(FinchIdSchema).min(1).max(50_000).optional(),
    operationId: OperationIdSchema.optional(),
  })
  .strict();

export const PayStatementsInputSchema = z
  .object({
    connectionId: ConnectionIdSchema,
    paymentIds: z.array(FinchIdSchema).min(1, 'choose at least one payment').max(2_000),
    operationId: OperationIdSchema.optional(),
  })
  .strict();

export const PersonPayInputSchema = z
  .object({
    connectionId: ConnectionIdSchema,
    individualId: FinchIdSchema,
    startDate: DaySchema,
    endDate: DaySchema,
    operationId: OperationIdSchema.optional(),
  })
  .strict()
  .refine((r) => r.startDate <= r.endDate, { message: 'must be on or after the start date', path: ['endDate'] });

export const PersonPaySchema = z.object({
  /** The person's statements, each with the payment it belongs to. */
  statements: z.array(z.record(z.string(), z.unknown())),
  payments: z.number(),
  /** Payments whose statements did not come back (per-item 404/202…). */
  itemErrors: z.array(BatchRowSchema),
  requestIds: z.array(z.string()),
  accepted: AcceptedSchema.nullable(),
});
export type PersonPay = z.infer<typeof PersonPaySchema>;

export const PAY_ITEM_CATEGORIES = ['earnings', 'taxes', 'employee_deductions', 'employer_contributions'] as const;
export const PayItemsInputSchema = z
  .object({
    connectionId: ConnectionIdSchema,
    startDate: DaySchema.optional(),
    endDate: DaySchema.optional(),
    categories: z.array(z.enum(PAY_ITEM_CATEGORIES)).max(4).optional(),
    name: z.string().trim().max(200).optional(),
    type: z.string().trim().max(200).optional(),
  })
  .strict();

export const BenefitDetailSchema = z.object({
  benefit: EndpointReadSchema,
  /** GET /employer/benefits/{id}/enrolled: the ids enrolled. */
  enrolled: EndpointReadSchema,
  /** GET /employer/benefits/{id}/individuals: each enrolled person's benefit details, per item. */
  individuals: z.array(BatchRowSchema),
  requestIds: z.array(z.string()),
});

export const PendingContextSchema = z.object({
  /** From /introspect: the connection's status per authentication method. */
  connectionStatus: z.string().nullable(),
  statusMessage: z.string().nullable(),
  /** Automated jobs not finished yet (the ones to watch), newest first. */
  jobs: z.array(
    z.object({ jobId: z.string(), type: z.string().nullable(), status: z.string().nullable(), createdAt: z.string().nullable() }),
  ),
  requestIds: z.array(z.string()),
});
export type PendingContext = z.infer<typeof PendingContextSchema>;

export const SyncStartSchema = z.object({
  status: z.number(),
  jobId: z.string().nullable(),
  /** 202: a job was already queued; this is that job and no quota was spent. */
  alreadyQueued: z.boolean(),
  allowedRefreshes: z.number().nullable(),
  remainingRefreshes: z.number().nullable(),
  data: z.unknown(),
  requestIds: z.array(z.string()),
});
export type SyncStart = z.infer<typeof SyncStartSchema>;

export const FORWARD_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export const ForwardInputSchema = z
  .object({
    connectionId: ConnectionIdSchema,
    method: z.enum(FORWARD_METHODS),
    /** Finch: begins with / and holds only letters, digits, - and _ between slashes. */
    route: z
      .string()
      .trim()
      .max(500)
      .regex(/^\/[A-Za-z0-9_\-/]*$/, 'must start with / and contain only letters, digits, -, _ and /'),
    params: z.record(z.string().max(200), z.string().max(2_000)).optional(),
    headers: z.record(z.string().max(200), z.string().max(2_000)).optional(),
    data: z.string().max(1_000_000).nullable().optional(),
    /** Production: the user confirmed that this hits the employer's real system. */
    productionConfirmed: z.boolean().optional(),
  })
  .strict();
export type ForwardInput = z.infer<typeof ForwardInputSchema>;

export const ForwardSupportSchema = z.object({
  verdict: z.enum(['supported', 'unsupported', 'unknown']),
  reason: z.string(),
  providerId: z.string().nullable(),
  authenticationTypes: z.array(z.string()),
  environmentKind: z.string(),
  /** Production: the console must warn that a call reaches the employer's real system. */
  production: z.boolean(),
  requestIds: z.array(z.string()),
});
export type ForwardSupport = z.infer<typeof ForwardSupportSchema>;

export const ForwardResultSchema = z.object({
  /** Finch's own status for POST /forward. */
  status: z.number(),
  /** The provider's answer as Finch relayed it. */
  providerStatus: z.number().nullable(),
  providerHeaders: z.record(z.string(), z.unknown()).nullable(),
  providerBody: z.string().nullable(),
  request: z.unknown(),
  requestIds: z.array(z.string()),
});
export type ForwardResult = z.infer<typeof ForwardResultSchema>;
