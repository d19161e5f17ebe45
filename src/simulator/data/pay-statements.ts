/**
 * Pay statement arithmetic: earnings from salary or hours, pre-tax deductions from benefit
 * enrollments, employee and employer taxes, employer contributions, and net pay. Amounts are
 * integer cents and add up (gross − employee taxes − deductions = net), so payments' totals
 * are the sums of their statements. Deterministic per (person, payment).
 */
import { Rng, Stream, mix } from '../random';
import type { CompanyProfile } from './company';
import type { EnrollmentTerms } from './deduction-rules';
import {
  FICA_EXEMPT_TYPES,
  annualCap,
  appliesToBonusRun,
  capToAnnual,
  companyContributionAmount,
  employeeDeductionAmount,
  isPreTax,
} from './deduction-rules';
import type { PaymentSpec } from './payroll';
import { PERIODS_PER_YEAR } from './payroll';
import type { RosterPerson } from './roster';
import { stateWithholdingRate } from './us-places';

export interface Money {
  amount: number;
  currency: 'usd';
}

export interface StatementLine {
  type: string;
  name: string;
  amount: number;
  currency: 'usd';
}

export interface PayStatementRecord {
  individual_id: string;
  type: 'regular_payroll' | 'off_cycle_payroll' | 'one_time_payment';
  payment_method: 'direct_deposit' | 'check' | 'other';
  total_hours: number | null;
  gross_pay: Money;
  net_pay: Money;
  earnings: Array<StatementLine & { hours: number | null }>;
  taxes: Array<StatementLine & { employer: boolean }>;
  employee_deductions: BenefitLine[];
  employer_contributions: Array<Omit<BenefitLine, 'pre_tax'>>;
}

/** A deduction or contribution line: named after the benefit's description, typed by its type. */
export interface BenefitLine {
  type: string | null;
  name: string;
  amount: number;
  currency: 'usd';
  pre_tax: boolean;
}

/** One benefit a person is enrolled in, as the pay run sees it. */
export interface StatementEnrollment {
  benefitId: string;
  type: string | null;
  /** The benefit's description when the statement is made: the lines' name. */
  description: string;
  terms: EnrollmentTerms;
}

export interface StatementContext {
  /** This benefit's employee deductions for the person on earlier statements of the same calendar year. */
  ytdBefore(benefitId: string): number;
  /** YYYY-MM-DD, for catch-up (50 or older on December 31); asked only when an enrollment has a cap. */
  dob(): string | null;
}

export interface ComputedStatement {
  record: PayStatementRecord;
  /** benefit id → employee deduction on this statement (what later statements' year-to-date adds up). */
  deductions: Map<string, number>;
}

const usd = (amount: number): Money => ({ amount, currency: 'usd' });

function federalRate(annualized: number): number {
  if (annualized < 5_000_000) return 0.07;
  if (annualized < 10_000_000) return 0.11;
  if (annualized < 20_000_000) return 0.16;
  return 0.22;
}

export function computeStatement(
  profile: CompanyProfile,
  person: RosterPerson,
  payment: PaymentSpec,
  enrollments: readonly StatementEnrollment[],
  context: StatementContext,
): ComputedStatement {
  const rng = new Rng(mix(person.seed, Stream.payStatement, payment.salt));
  const periods = PERIODS_PER_YEAR[payment.group.frequency];
  const weeks = 52 / periods;
  const earnings: PayStatementRecord['earnings'] = [];
  let hours: number | null = null;

  if (payment.kind === 'bonus') {
    const bonus = Math.round((person.rateCents * (0.03 + rng.float() * 0.07)) / 100) * 100;
    earnings.push({ type: 'bonus', name: 'Annual Bonus', amount: bonus, currency: 'usd', hours: null });
  } else if (person.employmentType === 'contractor') {
    hours = Math.round(person.weeklyHours * weeks * (0.8 + rng.float() * 0.4) * 4) / 4;
    earnings.push({ type: '1099', name: 'Contractor Payment', amount: Math.round(person.rateCents * hours), currency: 'usd', hours });
  } else if (person.payKind === 'salary') {
    const gross = Math.round(person.rateCents / periods);
    hours = Math.round(40 * weeks * 100) / 100;
    const ptoHours = rng.chance(0.15) ? rng.int(1, 3) * 8 : 0;
    const ptoAmount = Math.round((gross * ptoHours) / hours);
    earnings.push({ type: 'salary', name: 'Salary', amount: gross - ptoAmount, currency: 'usd', hours: hours - ptoHours });
    if (ptoHours > 0) earnings.push({ type: 'pto', name: 'Paid Time Off', amount: ptoAmount, currency: 'usd', hours: ptoHours });
    if (person.department.name === 'Sales' && rng.chance(0.4)) {
      earnings.push({ type: 'commission', name: 'Commission', amount: rng.int(200, 2500) * 100, currency: 'usd', hours: null });
    }
  } else {
    const regular = Math.max(0, Math.round((person.weeklyHours + rng.int(-4, 2)) * weeks * 4) / 4);
    earnings.push({ type: 'wage', name: 'Regular Hours', amount: Math.round(person.rateCents * regular), currency: 'usd', hours: regular });
    hours = regular;
    if (person.employmentSubtype === 'full_time' && rng.chance(0.35)) {
      const overtime = rng.int(1, 10);
      earnings.push({
        type: 'overtime',
        name: 'Overtime',
        amount: Math.round(person.rateCents * 1.5 * overtime),
        currency: 'usd',
        hours: overtime,
      });
      hours += overtime;
    }
  }
  const gross = earnings.reduce((sum, e) => sum + e.amount, 0);

  const deductions: PayStatementRecord['employee_deductions'] = [];
  const contributions: PayStatementRecord['employer_contributions'] = [];
  const byBenefit = new Map<string, number>();
  let preTaxForIncome = 0;
  let ficaExempt = 0;
  if (person.employmentType !== 'contractor') {
    const year = new Date(payment.payDate).getUTCFullYear();
    for (const e of enrollments) {
      if (payment.kind === 'bonus' && !appliesToBonusRun(e.type, e.terms)) continue;
      const cap = annualCap(e.terms, e.terms.catch_up === true ? context.dob() : null, year);
      const uncapped = employeeDeductionAmount(e.terms.employee_deduction, gross);
      const amount = capToAnnual(uncapped, context.ytdBefore(e.benefitId), cap);
      const preTax = isPreTax(e.type);
      // Zero lines (an annual maximum reached, a 0 amount) are left off, as payroll systems print them.
      if (amount > 0) {
        deductions.push({ type: e.type, name: e.description, amount, currency: 'usd', pre_tax: preTax });
        byBenefit.set(e.benefitId, amount);
        if (preTax) preTaxForIncome += amount;
        if (e.type !== null && FICA_EXEMPT_TYPES.includes(e.type)) ficaExempt += amount;
      }
      const employer = companyContributionAmount(e.terms, gross, amount === uncapped ? null : amount);
      if (employer > 0) contributions.push({ type: e.type, name: e.description, amount: employer, currency: 'usd' });
    }
  }

  const taxes: PayStatementRecord['taxes'] = [];
  if (person.employmentType !== 'contractor') {
    const state = profile.offices[person.officeIndex]?.place.state ?? 'CA';
    const incomeWages = Math.max(0, gross - preTaxForIncome);
    const ficaWages = Math.max(0, gross - ficaExempt);
    const month = new Date(payment.payDate).getUTCMonth();
    const tax = (type: string, name: string, amount: number, employer: boolean): void => {
      if (amount > 0) taxes.push({ type, name, amount, currency: 'usd', employer });
    };
    tax('federal', 'Federal Income Tax', Math.round(incomeWages * federalRate(gross * periods)), false);
    tax('fica', 'Social Security', Math.round(ficaWages * 0.062), false);
    tax('fica', 'Medicare', Math.round(ficaWages * 0.0145), false);
    tax('state', `${state} State Income Tax`, Math.round(incomeWages * stateWithholdingRate(state)), false);
    tax('fica', 'Social Security', Math.round(ficaWages * 0.062), true);
    tax('fica', 'Medicare', Math.round(ficaWages * 0.0145), true);
    // Unemployment taxes stop once the yearly wage base is reached: approximated by quarter.
    if (month <= 2) tax('federal', 'FUTA', Math.round(gross * 0.006), true);
    if (month <= 5) tax('state', `${state} SUI`, Math.round(gross * 0.027), true);
  }

  const employeeTaxes = taxes.filter((t) => !t.employer).reduce((s, t) => s + t.amount, 0);
  const deducted = deductions.reduce((s, d) => s + d.amount, 0);
  const record: PayStatementRecord = {
    individual_id: person.id,
    type: payment.kind === 'bonus' ? 'off_cycle_payroll' : 'regular_payroll',
    payment_method: rng.chance(0.04) ? 'check' : 'direct_deposit',
    total_hours: hours,
    gross_pay: usd(gross),
    net_pay: usd(gross - employeeTaxes - deducted),
    earnings,
    taxes,
    employee_deductions: deductions,
    employer_contributions: contributions,
  };
  return { record, deductions: byBenefit };
}

export interface PaymentTotals {
  gross: number;
  net: number;
  employeeTaxes: number;
  employerTaxes: number;
  employerContributions: number;
  employeeDeductions: number;
}

export function totalsOf(statements: readonly PayStatementRecord[]): PaymentTotals {
  const totals: PaymentTotals = { gross: 0, net: 0, employeeTaxes: 0, employerTaxes: 0, employerContributions: 0, employeeDeductions: 0 };
  for (const s of statements) {
    totals.gross += s.gross_pay.amount;
    totals.net += s.net_pay.amount;
    for (const t of s.taxes) {
      if (t.employer) totals.employerTaxes += t.amount;
      else totals.employeeTaxes += t.amount;
    }
    for (const d of s.employee_deductions) totals.employeeDeductions += d.amount;
    for (const c of s.employer_contributions) totals.employerContributions += c.amount;
  }
  return totals;
}
