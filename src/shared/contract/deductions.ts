/** The Deductions lab: benefits, enrollments, the jobs every write starts, and the paycheck check. Part of THE IPC contract (./index.ts assembles it). */
import { z } from 'zod';
import {
  BenefitListSchema,
  BenefitSupportSchema,
  CreateBenefitInputSchema,
  EnrollInputSchema,
  EnrollmentListSchema,
  PeopleListSchema,
  RegisterBenefitInputSchema,
  UnenrollInputSchema,
  UpdateBenefitInputSchema,
} from '../domain/deductions';
import { CheckJobInputSchema, DeductionJobViewSchema, DeductionWriteResultSchema, JobsQuerySchema } from '../domain/deduction-jobs';
import { FinchIdSchema } from '../domain/explorer';
import { ReconcilablePaymentsSchema, ReconcileInputSchema, ReconciliationSchema } from '../domain/reconciliation';
import { channel, event } from '../ipc/contract-kit';
import { ConnectionOnly, NoInput } from './common';

export const deductionsChannels = {
  deductions: {
    support: channel({
      input: ConnectionOnly,
      output: BenefitSupportSchema,
      summary: 'What the connection’s provider supports for each benefit type (GET /providers, its authentication method)',
    }),
    benefits: channel({ input: ConnectionOnly, output: BenefitListSchema, summary: 'The company’s benefits (GET /employer/benefits)' }),
    people: channel({ input: ConnectionOnly, output: PeopleListSchema, summary: 'The directory, every page, to pick people to enroll' }),
    enrollments: channel({
      input: z.object({ connectionId: ConnectionOnly.shape.connectionId, benefitId: FinchIdSchema }).strict(),
      output: EnrollmentListSchema,
      summary: 'Who is enrolled in a benefit and with what amounts (GET /employer/benefits/{id}/individuals)',
    }),
    createBenefit: channel({
      input: CreateBenefitInputSchema,
      output: DeductionWriteResultSchema,
      summary: 'Create a company benefit (a job)',
    }),
    registerBenefit: channel({
      input: RegisterBenefitInputSchema,
      output: DeductionWriteResultSchema,
      summary: 'Register a benefit that already exists in the provider (a job)',
    }),
    updateBenefit: channel({
      input: UpdateBenefitInputSchema,
      output: DeductionWriteResultSchema,
      summary: 'Rename a company benefit (a job)',
    }),
    enroll: channel({
      input: EnrollInputSchema,
      output: DeductionWriteResultSchema,
      summary: 'Enroll people in a benefit with their amounts, in batches (one job per batch)',
    }),
    unenroll: channel({
      input: UnenrollInputSchema,
      output: DeductionWriteResultSchema,
      summary: 'Unenroll people from a benefit (a job)',
    }),
    jobs: channel({
      input: JobsQuerySchema,
      output: z.array(DeductionJobViewSchema),
      summary: 'The deduction jobs the app started, newest first',
    }),
    checkJob: channel({
      input: CheckJobInputSchema,
      output: DeductionJobViewSchema,
      summary: 'Ask Finch once for a job’s status (GET /jobs/manual/{id})',
    }),
    checkOpenJobs: channel({
      input: JobsQuerySchema,
      output: z.array(DeductionJobViewSchema),
      summary: 'Check every unfinished job again; answers the whole list',
    }),
    payments: channel({
      input: ConnectionOnly,
      output: ReconcilablePaymentsSchema,
      summary: 'Payrolls to check enrollments against (never one the app wrote through /sandbox/payment)',
    }),
    reconcile: channel({
      input: ReconcileInputSchema,
      output: ReconciliationSchema,
      summary: 'Compare enrolled amounts with a payroll’s pay statements (on the Local simulator, its next pay run)',
    }),
    reconciliations: channel({
      input: NoInput,
      output: z.array(ReconciliationSchema),
      summary: 'Reconciliations run in the active environment, newest first',
    }),
    jobChanged: event({ payload: DeductionJobViewSchema, summary: 'A deduction job was started or checked' }),
  },
} as const;
