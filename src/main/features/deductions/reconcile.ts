/**
 * The paycheck rules, on their own (no I/O): given a person's enrollment as Finch reports it and
 * the pay statement a payroll produced, what must the statement carry for this benefit, and does it?
 *
 * The rules (cents; basis points where 100 = 1%):
 * - gross = the statement's earnings added up;
 * - employee deduction: fixed = its amount per statement; percent = round(gross × bps / 10000);
 * - annual maximum: the deduction stops where the year's total for this benefit would pass it
 *   (earlier statements of the same calendar year count); `catch_up` raises the cap by 7,500 USD
 *   for someone 50 or older on 31 December of that year;
 * - company contribution: fixed; percent of gross; or tiered: the deferral rate d (the percent, or
 *   the deduction as a share of gross) matched tier by tier — each tier matches `match` bps of the
 *   part of d between the previous threshold and its own — then applied to gross;
 * - a bonus (off-cycle) run deducts only retirement plans with a percent deduction; nothing else;
 * - pre-tax: every type but the Roth plans, post-tax HSA and custom post-tax.
 * Amounts within a cent count as matching: providers round half-cents either way.
 */
import type { CompanyContribution, EmployeeDeduction, MatchTier } from '@shared/domain/deductions';
import { POST_TAX_TYPES, RETIREMENT_TYPES } from '@shared/domain/deductions';
import type { ReconcileRow, ReconcileStatus } from '@shared/domain/reconciliation';
import { RECONCILE_STATUSES } from '@shared/domain/reconciliation';

export const CATCH_UP_CENTS = 750_000;
const CATCH_UP_AGE = 50;
const ROUNDING_CENTS = 1;

export interface StatementLine {
  name?: string | null;
  type?: string | null;
  amount?: number | null;
  pre_tax?: boolean | null;
}

export interface PayStatementLike {
  individual_id?: string | null;
  type?: string | null;
  earnings?: StatementLine[] | null;
  employee_deductions?: StatementLine[] | null;
  employer_contributions?: StatementLine[] | null;
}

export interface Enrollment {
  employeeDeduction: EmployeeDeduction | null;
  companyContribution: CompanyContribution | null;
  annualMaximum: number | null;
  catchUp: boolean;
}

export interface BenefitRef {
  type: string | null;
  description: string | null;
}

export interface PersonCase {
  individualId: string;
  name: string | null;
  /** Null: not enrolled. */
  enrollment: Enrollment | null;
  /** Why they are not enrolled (a job's per-person error), shown as a note. */
  refusedBecause?: string | null;
  statement: PayStatementLike | null;
  /** This benefit's deductions on the person's earlier statements of the same calendar year. */
  yearToDate: number;
  /** Age on 31 December of the pay date's year; null when unknown (catch-up then does not apply). */
  ageAtYearEnd: number | null;
}

export interface Expected {
  deduction: number;
  contribution: number;
  preTax: boolean;
  capReached: boolean;
  /** Why nothing is expected (bonus run rules), for the notes. */
  skippedBecause: string | null;
}

const sum = (lines: readonly StatementLine[]) => lines.reduce((total, l) => total + (typeof l.amount === 'number' ? l.amount : 0), 0);

export function grossOf(statement: PayStatementLike): number {
  return sum(statement.earnings ?? []);
}

/** Matched share of gross, in basis points, for a deferral rate `deferralBps`. */
export function tieredMatchBps(tiers: readonly MatchTier[], deferralBps: number): number {
  let previous = 0;
  let matched = 0;
  for (const tier of [...tiers].sort((a, b) => a.threshold - b.threshold)) {
    const band = Math.max(0, Math.min(deferralBps, tier.threshold) - previous);
    matched += (band * tier.match) / 10_000;
    previous = Math.max(previous, tier.threshold);
  }
  return matched;
}

export function expectedFor(
  benefit: BenefitRef,
  enrollment: Enrollment,
  statement: PayStatementLike,
  yearToDate: number,
  ageAtYearEnd: number | null,
  bonusRun: boolean,
): Expected {
  const preTax = !POST_TAX_TYPES.includes(benefit.type as never);
  const deduction = enrollment.employeeDeduction;
  const retirement = RETIREMENT_TYPES.includes(benefit.type as never);
  if (bonusRun && !(retirement && deduction?.type === 'percent')) {
    return {
      deduction: 0,
      contribution: 0,
      preTax,
      capReached: false,
      skippedBecause: 'a bonus run deducts only retirement plans with a percent deduction',
    };
  }
  const gross = grossOf(statement);
  const raw = !deduction ? 0 : deduction.type === 'fixed' ? deduction.amount : Math.round((gross * deduction.amount) / 10_000);
  const catchUp = enrollment.catchUp && ageAtYearEnd !== null && ageAtYearEnd >= CATCH_UP_AGE ? CATCH_UP_CENTS : 0;
  const cap = enrollment.annualMaximum === null ? Number.POSITIVE_INFINITY : enrollment.annualMaximum + catchUp;
  const room = Math.max(0, cap - yearToDate);
  const taken = Math.min(raw, room);
  const capReached = enrollment.annualMaximum !== null && yearToDate + raw >= cap;

  const c = enrollment.companyContribution;
  let contribution = 0;
  if (c?.type === 'fixed') contribution = c.amount;
  else if (c?.type === 'percent') contribution = Math.round((gross * c.amount) / 10_000);
  else if (c?.type === 'tiered' && gross > 0) {
    // The rate the person actually defers: the percent itself unless the cap cut it.
    const deferral = deduction?.type === 'percent' && taken === raw ? deduction.amount : (taken * 10_000) / gross;
    contribution = Math.round((gross * tieredMatchBps(c.tiers, deferral)) / 10_000);
  }
  return { deduction: taken, contribution, preTax, capReached, skippedBecause: null };
}

/**
 * The statement's lines for this benefit. Providers print a benefit under its description, so a
 * benefit with one is matched by name only: a company often has two plans of one type (an old
 * 401(k) and the one just created), and matching by type would compare against the other plan.
 */
export function linesFor(benefit: BenefitRef, lines: readonly StatementLine[] | null | undefined): StatementLine[] {
  const all = lines ?? [];
  if (benefit.description) return all.filter((l) => l.name === benefit.description);
  return benefit.type ? all.filter((l) => l.type === benefit.type) : [];
}

const money = (cents: number) => `${(cents / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD' })}`;
const close = (a: number, b: number) => Math.abs(a - b) <= ROUNDING_CENTS;

export function reconcilePerson(benefit: BenefitRef, person: PersonCase, bonusRun: boolean): ReconcileRow {
  const row: ReconcileRow = {
    individualId: person.individualId,
    name: person.name,
    status: 'match',
    expectedDeduction: null,
    actualDeduction: null,
    expectedContribution: null,
    actualContribution: null,
    expectedPreTax: null,
    actualPreTax: null,
    capReached: false,
    notes: [],
  };
  const statement = person.statement;
  const deductionLines = statement ? linesFor(benefit, statement.employee_deductions) : [];
  const contributionLines = statement ? linesFor(benefit, statement.employer_contributions) : [];
  if (deductionLines.length > 0) {
    row.actualDeduction = sum(deductionLines);
    row.actualPreTax = deductionLines.every((l) => l.pre_tax === true)
      ? true
      : deductionLines.some((l) => l.pre_tax === true)
        ? null
        : false;
  }
  if (contributionLines.length > 0) row.actualContribution = sum(contributionLines);

  if (!person.enrollment) {
    if (person.refusedBecause) row.notes.push(`Never enrolled: ${person.refusedBecause}`);
    const deducted = (row.actualDeduction ?? 0) !== 0 || (row.actualContribution ?? 0) !== 0;
    row.status = deducted ? 'unexpected' : 'not_enrolled';
    if (deducted) row.notes.push('Not enrolled, yet this pay statement carries the benefit.');
    return row;
  }
  if (!statement) {
    row.status = 'no_statement';
    row.notes.push('Enrolled, but this payment has no pay statement for them.');
    return row;
  }
  const expected = expectedFor(benefit, person.enrollment, statement, person.yearToDate, person.ageAtYearEnd, bonusRun);
  row.expectedDeduction = expected.deduction;
  row.expectedContribution = expected.contribution;
  row.expectedPreTax = expected.preTax;
  row.capReached = expected.capReached;
  if (expected.skippedBecause) row.notes.push(`Nothing expected: ${expected.skippedBecause}.`);
  if (expected.capReached) row.notes.push('The annual maximum is reached: the deduction stops there.');

  if (deductionLines.length === 0 && expected.deduction > 0) {
    row.status = 'missing';
    row.notes.push(
      `No ${benefit.description ?? benefit.type ?? 'benefit'} deduction on the statement; expected ${money(expected.deduction)}.`,
    );
    return row;
  }
  const problems: string[] = [];
  const actualDeduction = row.actualDeduction ?? 0;
  if (!close(actualDeduction, expected.deduction))
    problems.push(`deduction ${money(actualDeduction)}, expected ${money(expected.deduction)}`);
  const actualContribution = row.actualContribution ?? 0;
  if (!close(actualContribution, expected.contribution))
    problems.push(`company contribution ${money(actualContribution)}, expected ${money(expected.contribution)}`);
  if (deductionLines.length > 0 && row.actualPreTax !== expected.preTax)
    problems.push(`marked ${row.actualPreTax ? 'pre-tax' : 'post-tax'}, expected ${expected.preTax ? 'pre-tax' : 'post-tax'}`);
  if (problems.length > 0) {
    row.status = 'mismatch';
    row.notes.push(`Differs: ${problems.join('; ')}.`);
  }
  return row;
}

export function countStatuses(rows: readonly ReconcileRow[]): Record<ReconcileStatus, number> {
  const counts = Object.fromEntries(RECONCILE_STATUSES.map((s) => [s, 0])) as Record<ReconcileStatus, number>;
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

/** Age on 31 December of `year`, from a YYYY-MM-DD date of birth. */
export function ageAtYearEnd(dob: string | null | undefined, year: number): number | null {
  const born = /^(\d{4})-\d{2}-\d{2}$/.exec(dob ?? '');
  return born ? year - Number(born[1]) : null;
}
