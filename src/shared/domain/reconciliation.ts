/**
 * Proof on the paycheck: per enrolled person, what the enrollment says the next pay statement
 * must carry (deduction, company contribution, pre-tax flag, annual maximum reached) beside what
 * it actually carries. Never reconciled against a payment the app itself wrote through
 * /sandbox/payment: that would only echo the app's own input.
 */
import { z } from 'zod';
import { ConnectionIdSchema, FinchIdSchema } from './explorer';

export const RECONCILE_STATUSES = [
  /** Deduction and contribution as expected (within a cent of rounding). */
  'match',
  /** A line is there, with another amount, type or pre-tax flag. */
  'mismatch',
  /** Enrolled, but the statement has no line for the benefit. */
  'missing',
  /** Not enrolled (the job refused them, or never included them) — and correctly without a line. */
  'not_enrolled',
  /** Not enrolled, yet the statement deducts for the benefit. */
  'unexpected',
  /** Enrolled, but no pay statement for this person in the payment. */
  'no_statement',
] as const;
export type ReconcileStatus = (typeof RECONCILE_STATUSES)[number];

const Money = z.number().nullable();

export const ReconcileRowSchema = z.object({
  individualId: z.string(),
  name: z.string().nullable(),
  status: z.enum(RECONCILE_STATUSES),
  expectedDeduction: Money,
  actualDeduction: Money,
  expectedContribution: Money,
  actualContribution: Money,
  expectedPreTax: z.boolean().nullable(),
  actualPreTax: z.boolean().nullable(),
  /** The annual maximum (with catch-up) was reached on or before this statement. */
  capReached: z.boolean(),
  /** Each way the statement differs, in words; also why someone is not enrolled. */
  notes: z.array(z.string()),
});
export type ReconcileRow = z.infer<typeof ReconcileRowSchema>;

export const ReconciliationSchema = z.object({
  connectionId: z.string(),
  benefitId: z.string(),
  benefitDescription: z.string().nullable(),
  benefitType: z.string().nullable(),
  paymentId: z.string(),
  payDate: z.string().nullable(),
  /** regular_payroll or off_cycle_payroll */
  payType: z.string().nullable(),
  /** simulator_pay_run: the Local simulator ran it on request; pulled_payment: a payroll the provider ran. */
  source: z.enum(['simulator_pay_run', 'pulled_payment']),
  rows: z.array(ReconcileRowSchema),
  counts: z.record(z.enum(RECONCILE_STATUSES), z.number()),
  requestIds: z.array(z.string()),
  at: z.number(),
});
export type Reconciliation = z.infer<typeof ReconciliationSchema>;

export const ReconcileInputSchema = z
  .object({
    connectionId: ConnectionIdSchema,
    benefitId: FinchIdSchema,
    /** A payment to check; absent on the Local simulator = run its next pay run first. */
    paymentId: FinchIdSchema.optional(),
    /** The people the check covers: the enrolled ones plus those a job refused. Absent: everyone enrolled and every person of this benefit's jobs. */
    individualIds: z.array(FinchIdSchema).max(10_000).optional(),
  })
  .strict();
export type ReconcileInput = z.infer<typeof ReconcileInputSchema>;

/** A payroll the user may reconcile against (never one the app wrote itself). */
export const ReconcilablePaymentSchema = z.object({
  paymentId: z.string(),
  payDate: z.string().nullable(),
  payType: z.string().nullable(),
  people: z.number().nullable(),
});
export const ReconcilablePaymentsSchema = z.object({
  payments: z.array(ReconcilablePaymentSchema),
  /** Payments left out because the app wrote them through /sandbox/payment. */
  excludedAppWritten: z.number(),
  /** True on the Local simulator: the next pay run can be run on request. */
  canRunPayroll: z.boolean(),
  requestIds: z.array(z.string()),
});
export type ReconcilablePayments = z.infer<typeof ReconcilablePaymentsSchema>;
