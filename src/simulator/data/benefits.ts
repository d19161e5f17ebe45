/**
 * Company benefits (deductions and contributions) and each person's enrollment in them. An
 * enrollment is a pure function of (company, person), so pay statements, /employer/benefits
 * and the plans endpoints all agree without storing anything.
 */
import { Rng, Stream, mix, seededUuid } from '../random';
import type { CompanyProfile } from './company';
import type { EnrollmentTerms } from './deduction-rules';
import type { StatementEnrollment } from './pay-statements';
import type { BenefitTypeName } from './providers';
import type { RosterPerson } from './roster';

export type CoverageTier = 'employee_only' | 'employee_spouse' | 'employee_children' | 'family';

export interface CompanyBenefitSpec {
  id: string;
  type: BenefitTypeName;
  description: string;
  frequency: 'every_paycheck' | 'monthly';
  /** 401(k)-style match, as in the spec's BenefitCompanyMatchContribution. */
  match: { match: number; threshold: number } | null;
}

export interface EnrollmentSpec {
  benefit: CompanyBenefitSpec;
  /** Per-paycheck cents (fixed) or basis points of gross pay (percent). */
  employeeDeduction: { type: 'fixed' | 'percent'; amount: number };
  companyContribution: { type: 'fixed' | 'percent'; amount: number } | null;
  annualMaximum: number | null;
  catchUp: boolean;
  hsaContributionLimit: 'individual' | 'family' | null;
  tier: CoverageTier;
}

const OFFERED: ReadonlyArray<readonly [BenefitTypeName, string, number]> = [
  ['401k', '401(k) Retirement Plan', 1],
  ['401k_roth', 'Roth 401(k)', 0.4],
  ['s125_medical', 'Medical Insurance', 1],
  ['s125_dental', 'Dental Insurance', 0.9],
  ['s125_vision', 'Vision Insurance', 0.8],
  ['hsa_pre', 'Health Savings Account', 0.5],
  ['fsa_medical', 'Healthcare FSA', 0.5],
  ['commuter', 'Commuter Benefits', 0.3],
];

export function companyBenefits(profile: CompanyProfile): CompanyBenefitSpec[] {
  const rng = new Rng(mix(profile.seed, Stream.benefit));
  const out: CompanyBenefitSpec[] = [];
  OFFERED.forEach(([type, description, probability], index) => {
    if (!rng.chance(probability)) return;
    out.push({
      id: seededUuid(profile.seed, Stream.benefit, index),
      type,
      description,
      frequency: type === 'commuter' ? 'monthly' : 'every_paycheck',
      match: type === '401k' ? { match: 10_000, threshold: profile.matchBasisPoints } : null,
    });
  });
  return out;
}

/** Monthly premium in cents by tier: [employee share, employer share]. */
const PREMIUMS: Partial<Record<BenefitTypeName, Record<CoverageTier, readonly [number, number]>>> = {
  s125_medical: {
    employee_only: [9_500, 52_000],
    employee_spouse: [21_000, 98_000],
    employee_children: [18_500, 86_000],
    family: [34_000, 131_000],
  },
  s125_dental: {
    employee_only: [1_200, 3_000],
    employee_spouse: [2_400, 5_200],
    employee_children: [2_600, 5_500],
    family: [3_500, 7_800],
  },
  s125_vision: {
    employee_only: [400, 900],
    employee_spouse: [800, 1_600],
    employee_children: [850, 1_700],
    family: [1_200, 2_400],
  },
};

export function monthlyPremium(type: BenefitTypeName, tier: CoverageTier): readonly [number, number] | null {
  return PREMIUMS[type]?.[tier] ?? null;
}

const TIER_WEIGHTS: ReadonlyArray<readonly [CoverageTier, number]> = [
  ['employee_only', 50],
  ['employee_spouse', 18],
  ['employee_children', 12],
  ['family', 20],
];

type EnrollmentExtras = Partial<Pick<EnrollmentSpec, 'annualMaximum' | 'catchUp' | 'hsaContributionLimit'>>;

/**
 * Every enrollment has the same fields in the same order (one object shape for V8), built here
 * rather than spread from a base object: this runs for every person of a big company.
 */
function enrollment(
  benefit: CompanyBenefitSpec,
  tier: CoverageTier,
  employeeDeduction: EnrollmentSpec['employeeDeduction'],
  companyContribution: EnrollmentSpec['companyContribution'],
  extra: EnrollmentExtras = {},
): EnrollmentSpec {
  return {
    benefit,
    employeeDeduction,
    companyContribution,
    annualMaximum: extra.annualMaximum ?? null,
    catchUp: extra.catchUp ?? false,
    hsaContributionLimit: extra.hsaContributionLimit ?? null,
    tier,
  };
}

/** Which benefits this person is enrolled in and on what terms. Contractors get none. */
export function enrollmentsFor(person: RosterPerson, benefits: readonly CompanyBenefitSpec[], periodsPerYear: number): EnrollmentSpec[] {
  if (person.employmentType === 'contractor' || person.employmentSubtype === 'temp') return [];
  const rng = new Rng(mix(person.seed, Stream.enrollment));
  const tier: CoverageTier = rng.weighted(TIER_WEIGHTS);
  const out: EnrollmentSpec[] = [];
  const perCheck = (monthly: number): number => Math.round((monthly * 12) / periodsPerYear);
  for (const benefit of benefits) {
    switch (benefit.type) {
      case '401k':
        if (rng.chance(0.65)) {
          const percent = rng.int(3, 10) * 100;
          out.push(
            enrollment(
              benefit,
              tier,
              { type: 'percent', amount: percent },
              { type: 'percent', amount: Math.min(percent, benefit.match?.threshold ?? 0) },
              { annualMaximum: 2_300_000, catchUp: rng.chance(0.1) },
            ),
          );
        }
        break;
      case '401k_roth':
        if (rng.chance(0.15)) out.push(enrollment(benefit, tier, { type: 'percent', amount: rng.int(2, 6) * 100 }, null));
        break;
      case 's125_medical':
      case 's125_dental':
      case 's125_vision': {
        const chance = benefit.type === 's125_medical' ? 0.75 : benefit.type === 's125_dental' ? 0.6 : 0.45;
        const premium = monthlyPremium(benefit.type, tier);
        if (premium && rng.chance(chance)) {
          out.push(
            enrollment(benefit, tier, { type: 'fixed', amount: perCheck(premium[0]) }, { type: 'fixed', amount: perCheck(premium[1]) }),
          );
        }
        break;
      }
      case 'hsa_pre':
        if (rng.chance(0.2)) {
          const family = tier !== 'employee_only';
          out.push(
            enrollment(
              benefit,
              tier,
              { type: 'fixed', amount: perCheck(rng.int(5, 30) * 1_000) },
              { type: 'fixed', amount: perCheck(4_000) },
              { annualMaximum: family ? 855_000 : 430_000, hsaContributionLimit: family ? 'family' : 'individual' },
            ),
          );
        }
        break;
      case 'fsa_medical':
        if (rng.chance(0.1)) {
          out.push(
            enrollment(benefit, tier, { type: 'fixed', amount: perCheck(rng.int(8, 26) * 1_000) }, null, { annualMaximum: 320_000 }),
          );
        }
        break;
      case 'commuter':
        if (rng.chance(0.15)) out.push(enrollment(benefit, tier, { type: 'fixed', amount: perCheck(rng.int(6, 30) * 1_000) }, null));
        break;
      default:
        break;
    }
  }
  return out;
}

/** The spec's IndividualBenefit body for one seeded enrollment (a 401(k) reports the company match as tiers). */
export function enrollmentTerms(enrollment: EnrollmentSpec): EnrollmentTerms & { hsa_contribution_limit: 'individual' | 'family' | null } {
  const match = enrollment.benefit.match;
  return {
    employee_deduction: { ...enrollment.employeeDeduction },
    company_contribution:
      enrollment.benefit.type === '401k' && match
        ? { type: 'tiered', tiers: [{ match: match.match, threshold: match.threshold }] }
        : enrollment.companyContribution
          ? { ...enrollment.companyContribution }
          : null,
    annual_maximum: enrollment.annualMaximum,
    catch_up: enrollment.catchUp,
    hsa_contribution_limit: enrollment.hsaContributionLimit,
  };
}

export function enrollmentBody(enrollment: EnrollmentSpec): Record<string, unknown> {
  return { ...enrollmentTerms(enrollment) };
}

/** A seeded enrollment as pay statements use it: lines named after the benefit's description. */
export function statementEnrollment(enrollment: EnrollmentSpec): StatementEnrollment {
  const { benefit } = enrollment;
  return { benefitId: benefit.id, type: benefit.type, description: benefit.description, terms: enrollmentTerms(enrollment) };
}

export function benefitBody(benefit: CompanyBenefitSpec): Record<string, unknown> {
  return {
    benefit_id: benefit.id,
    type: benefit.type,
    description: benefit.description,
    frequency: benefit.frequency,
    company_contribution: benefit.match ? { type: 'match', tiers: [{ ...benefit.match }] } : null,
  };
}

/** GET /employer/benefits/meta and GET /providers benefits_support: what each type supports. */
export function benefitFeature(type: BenefitTypeName): Record<string, unknown> {
  const retirement = ['401k', '401k_roth', '403b', '457', 'simple_ira'].includes(type);
  return {
    description: `${type} deductions`,
    frequencies: type === 'commuter' ? ['monthly'] : ['every_paycheck', 'one_time'],
    employee_deduction: retirement ? ['fixed', 'percent'] : ['fixed'],
    company_contribution: retirement ? ['fixed', 'percent', 'tiered'] : ['fixed'],
    annual_maximum: true,
    catch_up: retirement,
    hsa_contribution_limit: type === 'hsa_pre' ? ['individual', 'family'] : null,
  };
}
