/**
 * How an enrollment becomes pay-statement lines: the employee deduction, the employer
 * contribution (fixed, percent or tiered match), the annual maximum with catch-up, the pre-tax
 * flag and which benefits an off-cycle (bonus) run deducts. Pure arithmetic on integer cents
 * and basis points; the workbench's reconciliation computes the same numbers independently, so
 * these rules are documented in ../README.md ("Deductions") and must not drift.
 */

/** Retirement plans: the only benefits with catch-up, and the only ones a bonus run deducts. */
export const RETIREMENT_TYPES: readonly string[] = ['401k', '401k_roth', '403b', '403b_roth', '457', '457_roth', 'simple', 'simple_ira'];

/**
 * Deductions taken after tax: Roth deferrals, post-tax HSA, custom post-tax deductions and 401(k)
 * loan repayments (repaid from net pay). Everything else is pre-tax, commuter included
 * (qualified transportation benefits are excluded from income, IRC §132(f)).
 */
export const POST_TAX_TYPES: readonly string[] = ['401k_roth', '403b_roth', '457_roth', 'custom_post_tax', 'hsa_post', '401k_loan'];

/** Deductions that also lower FICA wages (section 125 cafeteria plans, HSA/FSA, commuter). */
export const FICA_EXEMPT_TYPES: readonly string[] = [
  's125_medical',
  's125_dental',
  's125_vision',
  'hsa_pre',
  'fsa_medical',
  'fsa_dependent_care',
  'commuter',
];

/** Extra annual room for a person aged 50 or more on Dec 31 with catch_up: 7,500 USD. */
export const CATCH_UP_CENTS = 750_000;

export interface MatchTier {
  match: number;
  threshold: number;
}

export type EmployeeDeductionConfig = { type: 'fixed' | 'percent'; amount: number } | null;
export type CompanyContributionConfig = { type: 'fixed' | 'percent'; amount: number } | { type: 'tiered'; tiers: MatchTier[] } | null;

/** The parts of an IndividualBenefit (spec) that drive the arithmetic. */
export interface EnrollmentTerms {
  employee_deduction: EmployeeDeductionConfig;
  company_contribution: CompanyContributionConfig;
  annual_maximum: number | null;
  catch_up: boolean | null;
}

export function isPreTax(type: string | null): boolean {
  return type === null || !POST_TAX_TYPES.includes(type);
}

export function isRetirement(type: string | null): boolean {
  return type !== null && RETIREMENT_TYPES.includes(type);
}

/** The per-statement employee deduction before any annual maximum: cents, or round(gross × bps / 10000). */
export function employeeDeductionAmount(deduction: EmployeeDeductionConfig, gross: number): number {
  if (!deduction) return 0;
  return deduction.type === 'percent' ? Math.round((gross * deduction.amount) / 10_000) : deduction.amount;
}

/** The employee's deferral rate in basis points of gross: the percent, or fixed / gross × 10000 (unrounded). */
export function deferralRate(deduction: EmployeeDeductionConfig, gross: number): number {
  if (!deduction) return 0;
  if (deduction.type === 'percent') return deduction.amount;
  return gross > 0 ? (deduction.amount / gross) * 10_000 : 0;
}

/**
 * Tiered match, in basis points of gross. Tiers are sorted by threshold; each tier matches
 * `match` bps (10000 = 100%) of the deferral that falls between the previous tier's threshold
 * and its own:
 *
 *   matched = Σ_i match_i × max(0, min(d, threshold_i) − threshold_{i−1}) / 10000   (threshold_0 = 0)
 *   contribution (cents) = round(gross × matched / 10000)
 *
 * e.g. tiers [{ match: 10000, threshold: 300 }, { match: 5000, threshold: 500 }] and d = 600 bps:
 * 100% of the first 3% + 50% of the next 2% = 300 + 100 = 400 bps, i.e. 4% of gross.
 */
export function tieredMatchRate(tiers: readonly MatchTier[], deferral: number): number {
  const sorted = [...tiers].sort((a, b) => a.threshold - b.threshold);
  let previous = 0;
  let matched = 0;
  for (const tier of sorted) {
    const slice = Math.max(0, Math.min(deferral, tier.threshold) - previous);
    matched += (tier.match * slice) / 10_000;
    previous = Math.max(previous, tier.threshold);
  }
  return matched;
}

/**
 * The employer contribution for one statement (no annual maximum applies to it). A match follows
 * what the person actually defers: once the annual maximum cuts the deduction (`cappedDeduction`),
 * the match is on what was deducted, as payroll matches per paycheck (a year-end true-up is the
 * plan's business, not the paycheck's).
 */
export function companyContributionAmount(terms: EnrollmentTerms, gross: number, cappedDeduction: number | null = null): number {
  const contribution = terms.company_contribution;
  if (!contribution) return 0;
  if (contribution.type === 'tiered') {
    const deferral =
      cappedDeduction === null ? deferralRate(terms.employee_deduction, gross) : gross > 0 ? (cappedDeduction * 10_000) / gross : 0;
    return Math.round((gross * tieredMatchRate(contribution.tiers, deferral)) / 10_000);
  }
  return contribution.type === 'percent' ? Math.round((gross * contribution.amount) / 10_000) : contribution.amount;
}

/** Age in whole years on December 31 of `year`, from a YYYY-MM-DD date of birth (null if unknown). */
export function ageOnDecember31(dob: string | null, year: number): number | null {
  if (!dob || !/^\d{4}-\d{2}-\d{2}$/.test(dob)) return null;
  return year - Number(dob.slice(0, 4));
}

/** The yearly cap on this benefit's employee deduction (null = none): annual_maximum, plus catch-up at 50+. */
export function annualCap(terms: EnrollmentTerms, dob: string | null, year: number): number | null {
  if (terms.annual_maximum === null || terms.annual_maximum === undefined) return null;
  const age = ageOnDecember31(dob, year);
  return terms.annual_maximum + (terms.catch_up === true && age !== null && age >= 50 ? CATCH_UP_CENTS : 0);
}

/** Caps a deduction so the year-to-date total (earlier statements + this one) never exceeds the cap. */
export function capToAnnual(amount: number, ytdBefore: number, cap: number | null): number {
  if (cap === null) return amount;
  return Math.max(0, Math.min(amount, cap - ytdBefore));
}

/** Off-cycle (bonus) runs deduct only retirement benefits with a percent employee deduction. */
export function appliesToBonusRun(type: string | null, terms: EnrollmentTerms): boolean {
  return isRetirement(type) && terms.employee_deduction?.type === 'percent';
}
