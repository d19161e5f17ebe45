/**
 * POST /sandbox/payment input: a pay period and pay statements for existing people. Missing
 * totals are derived (gross = sum of earnings, net = gross − employee taxes − deductions).
 */
import { randomUUID } from 'node:crypto';
import type { SandboxPaymentData } from '../data/company-view';
import { isoDay } from '../data/dates';
import type { PayStatementRecord } from '../data/pay-statements';
import { errors } from '../http/finch-errors';
import type { JsonObject } from './input';
import { isObject, optionalDay } from './input';

const EARNING_TYPES = [
  'bonus',
  'commission',
  'double_overtime',
  'other',
  'overtime',
  'pto',
  'reimbursement',
  'salary',
  'severance',
  'sick',
  'tips',
  'wage',
  '1099',
];
const TAX_TYPES = ['federal', 'fica', 'local', 'state'];
/** The spec's BenefitType enum (pay-statement lines and company benefits). */
export const BENEFIT_TYPES: readonly string[] = [
  '457',
  '401k',
  '401k_roth',
  '401k_loan',
  '403b',
  '403b_roth',
  '457_roth',
  'commuter',
  'custom_post_tax',
  'custom_pre_tax',
  'fsa_dependent_care',
  'fsa_medical',
  'hsa_post',
  'hsa_pre',
  's125_dental',
  's125_medical',
  's125_vision',
  'simple',
  'simple_ira',
];

function lines(value: unknown, where: string): JsonObject[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every(isObject)) throw errors.invalidRequest(`${where} must be an array of objects.`);
  return value;
}

function amountOf(line: JsonObject, where: string): number {
  const amount = line['amount'] ?? 0;
  if (typeof amount !== 'number' || !Number.isInteger(amount))
    throw errors.invalidRequest(`${where}.amount must be an integer number of cents.`);
  return amount;
}

function typeOf(line: JsonObject, allowed: readonly string[], where: string): string {
  const type = line['type'];
  if (typeof type !== 'string' || !allowed.includes(type))
    throw errors.invalidRequest(`${where}.type must be one of ${allowed.join(', ')}.`);
  return type;
}

function nameOf(line: JsonObject, fallback: string): string {
  return typeof line['name'] === 'string' && line['name'].length > 0 ? line['name'] : fallback;
}

function statement(input: unknown, index: number, personExists: (id: string) => boolean): PayStatementRecord {
  const where = `pay_statements[${index}]`;
  if (!isObject(input)) throw errors.invalidRequest(`${where} must be an object.`);
  const id = input['individual_id'];
  if (typeof id !== 'string' || !personExists(id))
    throw errors.invalidRequest(`${where}.individual_id must be an individual of this company.`);
  const earnings = lines(input['earnings'], `${where}.earnings`).map((l, i) => {
    const hours = l['hours'];
    return {
      type: typeOf(l, EARNING_TYPES, `${where}.earnings[${i}]`),
      name: nameOf(l, 'Earnings'),
      amount: amountOf(l, `${where}.earnings[${i}]`),
      currency: 'usd' as const,
      hours: typeof hours === 'number' ? hours : null,
    };
  });
  const taxes = lines(input['taxes'], `${where}.taxes`).map((l, i) => ({
    type: typeOf(l, TAX_TYPES, `${where}.taxes[${i}]`),
    name: nameOf(l, 'Tax'),
    amount: amountOf(l, `${where}.taxes[${i}]`),
    currency: 'usd' as const,
    employer: l['employer'] === true,
  }));
  const deductions = lines(input['employee_deductions'], `${where}.employee_deductions`).map((l, i) => ({
    type: typeOf(l, BENEFIT_TYPES, `${where}.employee_deductions[${i}]`),
    name: nameOf(l, 'Deduction'),
    amount: amountOf(l, `${where}.employee_deductions[${i}]`),
    currency: 'usd' as const,
    pre_tax: l['pre_tax'] !== false,
  }));
  const contributions = lines(input['employer_contributions'], `${where}.employer_contributions`).map((l, i) => ({
    type: typeOf(l, BENEFIT_TYPES, `${where}.employer_contributions[${i}]`),
    name: nameOf(l, 'Contribution'),
    amount: amountOf(l, `${where}.employer_contributions[${i}]`),
    currency: 'usd' as const,
  }));
  const gross = input['gross_pay'] ?? earnings.reduce((s, e) => s + e.amount, 0);
  if (typeof gross !== 'number' || !Number.isInteger(gross) || gross <= 0)
    throw errors.invalidRequest(`${where}.gross_pay must be a positive integer (cents).`);
  const employeeTaxes = taxes.filter((t) => !t.employer).reduce((s, t) => s + t.amount, 0);
  const net = input['net_pay'] ?? gross - employeeTaxes - deductions.reduce((s, d) => s + d.amount, 0);
  if (typeof net !== 'number' || !Number.isInteger(net)) throw errors.invalidRequest(`${where}.net_pay must be an integer (cents).`);
  const type = input['type'] ?? 'regular_payroll';
  if (!['off_cycle_payroll', 'one_time_payment', 'regular_payroll'].includes(String(type)))
    throw errors.invalidRequest(`${where}.type is not a pay statement type.`);
  const method = input['payment_method'] ?? 'direct_deposit';
  if (!['check', 'direct_deposit', 'other'].includes(String(method)))
    throw errors.invalidRequest(`${where}.payment_method is not a payment method.`);
  const hours = input['total_hours'];
  if (hours !== undefined && hours !== null && (typeof hours !== 'number' || hours <= 0))
    throw errors.invalidRequest(`${where}.total_hours must be a positive number.`);
  return {
    individual_id: id,
    type: type as PayStatementRecord['type'],
    payment_method: method as PayStatementRecord['payment_method'],
    total_hours: typeof hours === 'number' ? hours : null,
    gross_pay: { amount: gross, currency: 'usd' },
    net_pay: { amount: net, currency: 'usd' },
    earnings,
    taxes,
    employee_deductions: deductions,
    employer_contributions: contributions,
  };
}

export function parseSandboxPayment(body: JsonObject, personExists: (id: string) => boolean, now: number): SandboxPaymentData {
  const today = isoDay(now);
  const start = optionalDay(body['start_date'], 'start_date') ?? today;
  const end = optionalDay(body['end_date'], 'end_date') ?? today;
  if (start > end) throw errors.invalidRequest('"start_date" must not be after "end_date".');
  const statements = body['pay_statements'] ?? [];
  if (!Array.isArray(statements)) throw errors.invalidRequest('"pay_statements" must be an array.');
  if (statements.length > 10_000) throw errors.unprocessable('At most 10,000 pay statements per payment.', 'batch_limit_exceeded');
  return {
    id: randomUUID(),
    startDate: start,
    endDate: end,
    payDate: end,
    statements: statements.map((s, i) => statement(s, i, personExists)),
  };
}
