/**
 * Pay statement arithmetic: earnings from salary or hours, pre-tax deductions from benefit
 * enrollments, employee and employer taxes, employer contributions, and net pay. Amounts are
 * integer cents and add up (gross − employee taxes − deductions = net), so payments' totals
 * are the sums of their statements. Deterministic per (person, payment).
 */
import { Rng, Stream, mix } from '../random';
import type { CompanyProfile } from './company';
import type { EnrollmentSpec } from './benefits';
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
  employee_deductions: Array<StatementLine & { pre_tax: boolean }>;
  employer_contributions: StatementLine[];
}

const usd = (amount: number): Money => ({ amount, currency: 'usd' });

const DEDUCTION_NAMES: Record<string, string> = {
  '401k': '401(k)',
  '401k_roth': 'Roth 401(k)',
  s125_medical: 'Medical',
  s125_dental: 'Dental',
  s125_vision: 'Vision',
  hsa_pre: 'HSA',
  fsa_medical: 'Healthcare FSA',
  commuter: 'Commuter',
};
const CONTRIBUTION_NAMES: Record<string, string> = {
  '401k': '401(k) Match',
  s125_medical: 'Medical (Employer)',
  s125_dental: 'Dental (Employer)',
  s125_vision: 'Vision (Employer)',
  hsa_pre: 'HSA (Employer)',
};

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
  enrollments: readonly EnrollmentSpec[],
): PayStatementRecord {
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
  let preTaxForIncome = 0;
  let section125 = 0;
  if (person.employmentType !== 'contractor') {
    for (const e of enrollments) {
      if (payment.kind === 'bonus' && e.benefit.type !== '401k') continue;
      const amount =
        e.employeeDeduction.type === 'percent' ? Math.round((gross * e.employeeDeduction.amount) / 10_000) : e.employeeDeduction.amount;
      const preTax = e.benefit.type !== '401k_roth' && e.benefit.type !== 'commuter';
      deductions.push({
        type: e.benefit.type,
        name: DEDUCTION_NAMES[e.benefit.type] ?? e.benefit.type,
        amount,
        currency: 'usd',
        pre_tax: preTax,
      });
      if (preTax) preTaxForIncome += amount;
      if (e.benefit.type.startsWith('s125') || e.benefit.type === 'hsa_pre' || e.benefit.type === 'fsa_medical') section125 += amount;
      const c = e.companyContribution;
      if (c) {
        const cAmount = c.type === 'percent' ? Math.round((gross * c.amount) / 10_000) : c.amount;
        contributions.push({
          type: e.benefit.type,
          name: CONTRIBUTION_NAMES[e.benefit.type] ?? `${e.benefit.type} (Employer)`,
          amount: cAmount,
          currency: 'usd',
        });
      }
    }
  }

  const taxes: PayStatementRecord['taxes'] = [];
  if (person.employmentType !== 'contractor') {
    const state = profile.offices[person.officeIndex]?.place.state ?? 'CA';
    const incomeWages = Math.max(0, gross - preTaxForIncome);
    const ficaWages = Math.max(0, gross - section125);
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
  return {
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
