/**
 * One person's enrollment request (an item of POST /employer/benefits/{id}/individuals),
 * checked the way Finch's batch writes check it: a problem with this person's configuration is
 * this person's error (400 malformed, 422 out of range or not for this benefit), never the
 * whole request's. What the request's shape must be is checked by the route.
 */
import { parseIsoDay } from './dates';
import { isRetirement } from './deduction-rules';
import type { MatchTier } from './deduction-rules';

type Json = Record<string, unknown>;

export interface EnrollmentProblem {
  code: 400 | 422;
  finchCode: string;
  message: string;
}

export interface AcceptedEnrollment {
  body: Json;
  effectiveDate: string | null;
}

export interface BenefitForEnrollment {
  type: string | null;
  /** The benefit's own company match, used when an enrollment asks for `tiered` without tiers. */
  matchTiers: MatchTier[] | null;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

class Refusal extends Error {
  constructor(
    readonly code: 400 | 422,
    readonly finchCode: string,
    message: string,
  ) {
    super(message);
  }
}

const malformed = (message: string): Refusal => new Refusal(400, 'invalid_request', message);
const unprocessable = (message: string): Refusal => new Refusal(422, 'unprocessable_parameters', message);

function integerField(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw malformed(`${where} must be an integer.`);
  return value;
}

function amountFor(type: string, value: unknown, where: string): number {
  if (value === undefined || value === null) throw malformed(`${where}.amount is required.`);
  const amount = integerField(value, `${where}.amount`);
  if (amount < 0) throw unprocessable(`${where}.amount must not be negative.`);
  if (type === 'percent' && amount > 10_000) throw unprocessable(`${where}.amount is in basis points: at most 10000 (100%).`);
  return amount;
}

function tiersOf(value: unknown, where: string): MatchTier[] {
  if (!Array.isArray(value) || value.length === 0) throw malformed(`${where}.tiers must be a non-empty array of { match, threshold }.`);
  return value.map((tier, i) => {
    if (!isObject(tier)) throw malformed(`${where}.tiers[${i}] must be an object { match, threshold }.`);
    const out = { match: 0, threshold: 0 };
    for (const key of ['match', 'threshold'] as const) {
      if (tier[key] === undefined) throw malformed(`${where}.tiers[${i}].${key} is required.`);
      const n = integerField(tier[key], `${where}.tiers[${i}].${key}`);
      if (n < 1 || n > 10_000) throw unprocessable(`${where}.tiers[${i}].${key} must be between 1 and 10000 basis points.`);
      out[key] = n;
    }
    return out;
  });
}

/** Types each benefit type allows (GET /employer/benefits/meta): retirement plans take percent and tiers. */
function allowedKinds(benefitType: string | null, which: 'employee_deduction' | 'company_contribution'): readonly string[] {
  if (benefitType === null || isRetirement(benefitType))
    return which === 'employee_deduction' ? ['fixed', 'percent'] : ['fixed', 'percent', 'tiered'];
  return ['fixed'];
}

function contribution(value: unknown, which: 'employee_deduction' | 'company_contribution', benefit: BenefitForEnrollment): Json | null {
  const where = `configuration.${which}`;
  if (value === undefined || value === null) return null;
  if (!isObject(value)) throw malformed(`${where} must be an object { type, amount }.`);
  const spec = which === 'employee_deduction' ? ['fixed', 'percent'] : ['fixed', 'percent', 'tiered'];
  const type = value['type'];
  if (type === undefined) throw malformed(`${where}.type is required.`);
  if (typeof type !== 'string' || !spec.includes(type)) throw malformed(`${where}.type must be one of ${spec.join(', ')}.`);
  if (!allowedKinds(benefit.type, which).includes(type)) {
    throw unprocessable(
      `${where}.type ${type} is not available for ${benefit.type ?? 'this'} benefits (only ${allowedKinds(benefit.type, which).join(', ')}).`,
    );
  }
  if (type === 'tiered') {
    if (value['tiers'] === undefined && benefit.matchTiers) return { type, tiers: benefit.matchTiers.map((t) => ({ ...t })) };
    return { type, tiers: tiersOf(value['tiers'], where) };
  }
  return { type, amount: amountFor(type, value['amount'], where) };
}

function checkEnrollment(configuration: unknown, benefit: BenefitForEnrollment): AcceptedEnrollment {
  if (configuration !== undefined && configuration !== null && !isObject(configuration))
    throw malformed('configuration must be an object.');
  const config = isObject(configuration) ? configuration : {};
  const employee = contribution(config['employee_deduction'], 'employee_deduction', benefit);
  const company = contribution(config['company_contribution'], 'company_contribution', benefit);
  let annualMaximum: number | null = null;
  if (config['annual_maximum'] !== undefined && config['annual_maximum'] !== null) {
    annualMaximum = integerField(config['annual_maximum'], 'configuration.annual_maximum');
    if (annualMaximum < 0) throw unprocessable('configuration.annual_maximum must not be negative.');
  }
  const catchUp = config['catch_up'];
  if (catchUp !== undefined && catchUp !== null && typeof catchUp !== 'boolean')
    throw malformed('configuration.catch_up must be a boolean.');
  if (catchUp === true && benefit.type !== null && !isRetirement(benefit.type))
    throw unprocessable(`configuration.catch_up applies to retirement benefits only, not ${benefit.type}.`);
  const limit = config['annual_contribution_limit'];
  if (limit !== undefined && limit !== null) {
    if (limit !== 'individual' && limit !== 'family')
      throw malformed('configuration.annual_contribution_limit must be individual or family.');
    if (benefit.type !== null && benefit.type !== 'hsa_pre' && benefit.type !== 'hsa_post')
      throw unprocessable(`configuration.annual_contribution_limit applies to HSA benefits only, not ${benefit.type}.`);
  }
  const effective = config['effective_date'];
  if (effective !== undefined && effective !== null && (typeof effective !== 'string' || parseIsoDay(effective) === null))
    throw malformed('configuration.effective_date must be a date (YYYY-MM-DD).');
  return {
    body: {
      employee_deduction: employee,
      company_contribution: company,
      annual_maximum: annualMaximum,
      catch_up: catchUp === true,
      hsa_contribution_limit: (limit as string | undefined) ?? null,
    },
    effectiveDate: (effective as string | undefined) ?? null,
  };
}

/** This person's enrollment as it will be stored, or why it is refused. */
export function parseEnrollment(configuration: unknown, benefit: BenefitForEnrollment): AcceptedEnrollment | EnrollmentProblem {
  try {
    return checkEnrollment(configuration, benefit);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return { code: error.code, finchCode: error.finchCode, message: error.message };
  }
}

export function isProblem(result: AcceptedEnrollment | EnrollmentProblem): result is EnrollmentProblem {
  return 'finchCode' in result;
}
