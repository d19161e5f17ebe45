/**
 * The Deductions lab's inputs and answers: company benefits (create, update, register), per-person
 * enrollment configurations, and what the provider supports. Amounts follow Finch: cents for
 * `fixed`, basis points (100 = 1%) for `percent` and for match tiers.
 *
 * The schemas check only what Finch's spec requires (integers, known enums, 1–3 tiers in 1..10000):
 * an amount the provider would refuse (150% of pay) is sent, so the lab shows the provider's answer
 * on that person's row instead of hiding it behind the app's own opinion.
 */
import { z } from 'zod';
import { ConnectionIdSchema, DaySchema, FinchIdSchema } from './explorer';

export const BENEFIT_TYPES = [
  '401k',
  '401k_roth',
  '401k_loan',
  '403b',
  '403b_roth',
  '457',
  '457_roth',
  'simple',
  'simple_ira',
  's125_medical',
  's125_dental',
  's125_vision',
  'hsa_pre',
  'hsa_post',
  'fsa_medical',
  'fsa_dependent_care',
  'commuter',
  'custom_pre_tax',
  'custom_post_tax',
] as const;
export const BenefitTypeSchema = z.enum(BENEFIT_TYPES);
export type BenefitType = z.infer<typeof BenefitTypeSchema>;

/** Retirement plans: the only ones with catch-up, and the only ones a bonus run deducts. */
export const RETIREMENT_TYPES: readonly BenefitType[] = [
  '401k',
  '401k_roth',
  '401k_loan',
  '403b',
  '403b_roth',
  '457',
  '457_roth',
  'simple',
  'simple_ira',
];
export const HSA_TYPES: readonly BenefitType[] = ['hsa_pre', 'hsa_post'];
/** Deducted after tax: Roth plans, post-tax HSA, custom post-tax, 401(k) loan repayments. Every other type is pre-tax. */
export const POST_TAX_TYPES: readonly BenefitType[] = ['401k_roth', '403b_roth', '457_roth', 'hsa_post', 'custom_post_tax', '401k_loan'];

export const FREQUENCIES = ['every_paycheck', 'monthly', 'one_time'] as const;
export const FrequencySchema = z.enum(FREQUENCIES);

const Bps = z
  .number()
  .int('must be a whole number of basis points')
  .min(1, 'must be at least 1 (0.01%)')
  .max(10_000, 'must be at most 10000 (100%)');
export const MatchTierSchema = z.object({ match: Bps, threshold: Bps }).strict();
export type MatchTier = z.infer<typeof MatchTierSchema>;
export const CompanyMatchSchema = z
  .object({ type: z.literal('match'), tiers: z.array(MatchTierSchema).min(1, 'needs at least one tier').max(3, 'has at most 3 tiers') })
  .strict();

const Description = z.string().trim().min(1, 'is required').max(200, 'is at most 200 characters');
/** Typed by the user in a Development environment: the customer's name, as for a disconnect. */
const ConfirmName = z.string().max(300).optional();

export const CreateBenefitInputSchema = z
  .object({
    connectionId: ConnectionIdSchema,
    type: BenefitTypeSchema.nullable().optional(),
    description: Description,
    frequency: FrequencySchema.nullable().optional(),
    companyContribution: CompanyMatchSchema.nullable().optional(),
    confirmName: ConfirmName,
  })
  .strict();
export type CreateBenefitInput = z.infer<typeof CreateBenefitInputSchema>;

export const RegisterBenefitInputSchema = z
  .object({
    connectionId: ConnectionIdSchema,
    type: BenefitTypeSchema.nullable().optional(),
    description: Description,
    frequency: FrequencySchema.nullable().optional(),
    confirmName: ConfirmName,
  })
  .strict();
export type RegisterBenefitInput = z.infer<typeof RegisterBenefitInputSchema>;

export const UpdateBenefitInputSchema = z
  .object({ connectionId: ConnectionIdSchema, benefitId: FinchIdSchema, description: Description, confirmName: ConfirmName })
  .strict();
export type UpdateBenefitInput = z.infer<typeof UpdateBenefitInputSchema>;

const Amount = z.number().int('must be a whole number (cents, or basis points for percent)');
export const EmployeeDeductionSchema = z.object({ type: z.enum(['fixed', 'percent']), amount: Amount }).strict();
export const CompanyContributionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('fixed'), amount: Amount }).strict(),
  z.object({ type: z.literal('percent'), amount: Amount }).strict(),
  z
    .object({ type: z.literal('tiered'), tiers: z.array(MatchTierSchema).min(1, 'needs at least one tier').max(3, 'has at most 3 tiers') })
    .strict(),
]);
export type EmployeeDeduction = z.infer<typeof EmployeeDeductionSchema>;
export type CompanyContribution = z.infer<typeof CompanyContributionSchema>;

export const EnrollmentConfigurationSchema = z
  .object({
    employeeDeduction: EmployeeDeductionSchema.nullable().optional(),
    companyContribution: CompanyContributionSchema.nullable().optional(),
    /** Cents a year; null: no maximum. */
    annualMaximum: z.number().int('must be a whole number of cents').min(0, 'cannot be negative').nullable().optional(),
    catchUp: z.boolean().optional(),
    annualContributionLimit: z.enum(['individual', 'family']).optional(),
    effectiveDate: DaySchema.optional(),
  })
  .strict();
export type EnrollmentConfiguration = z.infer<typeof EnrollmentConfigurationSchema>;

/** One enroll call holds at most this many people; more are sent as several jobs. */
export const ENROLL_BATCH = 100;
export const MAX_ENROLL_PEOPLE = 10_000;

export const EnrollInputSchema = z
  .object({
    connectionId: ConnectionIdSchema,
    benefitId: FinchIdSchema,
    people: z
      .array(z.object({ individualId: FinchIdSchema, configuration: EnrollmentConfigurationSchema }).strict())
      .min(1, 'choose at least one person')
      .max(MAX_ENROLL_PEOPLE, `at most ${MAX_ENROLL_PEOPLE.toLocaleString('en-US')} people at once`),
    confirmName: ConfirmName,
  })
  .strict()
  .refine((input) => new Set(input.people.map((p) => p.individualId)).size === input.people.length, {
    message: 'lists a person twice',
    path: ['people'],
  });
export type EnrollInput = z.infer<typeof EnrollInputSchema>;

export const UnenrollInputSchema = z
  .object({
    connectionId: ConnectionIdSchema,
    benefitId: FinchIdSchema,
    individualIds: z.array(FinchIdSchema).min(1, 'choose at least one person').max(MAX_ENROLL_PEOPLE),
    confirmName: ConfirmName,
  })
  .strict();
export type UnenrollInput = z.infer<typeof UnenrollInputSchema>;

/** What the provider says it supports for one benefit type (GET /providers, benefits_support). */
export const BenefitTypeSupportSchema = z.object({
  type: z.string(),
  /** The provider lists the type with features; false: listed as null or not at all. */
  supported: z.boolean(),
  description: z.string().nullable(),
  frequencies: z.array(z.string()),
  employeeDeduction: z.array(z.string()),
  companyContribution: z.array(z.string()),
  annualMaximum: z.boolean().nullable(),
  catchUp: z.boolean().nullable(),
  hsaContributionLimit: z.array(z.string()),
  /** e.g. company_benefits: create, read…; individual_benefits: create, read… */
  operations: z.record(z.string(), z.array(z.string())),
});
export type BenefitTypeSupport = z.infer<typeof BenefitTypeSupportSchema>;

export const BenefitSupportSchema = z.object({
  providerId: z.string(),
  providerName: z.string(),
  /** The connection's authentication method, whose support applies. */
  authenticationMethod: z.string().nullable(),
  types: z.array(BenefitTypeSupportSchema),
  /** False when the provider does not offer the deduction product at all. */
  deductionProduct: z.boolean(),
  requestIds: z.array(z.string()),
});
export type BenefitSupport = z.infer<typeof BenefitSupportSchema>;

export const CompanyBenefitViewSchema = z.object({
  benefitId: z.string(),
  type: z.string().nullable(),
  description: z.string().nullable(),
  frequency: z.string().nullable(),
  companyContribution: z.unknown(),
});
export type CompanyBenefitView = z.infer<typeof CompanyBenefitViewSchema>;

export const BenefitListSchema = z.object({
  benefits: z.array(CompanyBenefitViewSchema),
  requestIds: z.array(z.string()),
  pending: z.boolean(),
});
export type BenefitList = z.infer<typeof BenefitListSchema>;

/** One enrolled person as Finch reports them (GET …/individuals), with their name from the directory. */
export const EnrolledPersonSchema = z.object({
  individualId: z.string(),
  name: z.string().nullable(),
  code: z.number().nullable(),
  employeeDeduction: EmployeeDeductionSchema.nullable(),
  companyContribution: z.unknown(),
  annualMaximum: z.number().nullable(),
  catchUp: z.boolean().nullable(),
  hsaContributionLimit: z.string().nullable(),
  error: z.string().nullable(),
});
export type EnrolledPerson = z.infer<typeof EnrolledPersonSchema>;

export const EnrollmentListSchema = z.object({
  benefitId: z.string(),
  people: z.array(EnrolledPersonSchema),
  requestIds: z.array(z.string()),
});
export type EnrollmentList = z.infer<typeof EnrollmentListSchema>;

/** Someone of the directory, as the enrollment picker lists them. */
export const PickablePersonSchema = z.object({
  individualId: z.string(),
  name: z.string(),
  department: z.string().nullable(),
  active: z.boolean().nullable(),
});
export const PeopleListSchema = z.object({ people: z.array(PickablePersonSchema), requestIds: z.array(z.string()) });
export type PickablePerson = z.infer<typeof PickablePersonSchema>;
