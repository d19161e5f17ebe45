/**
 * Benefit plans (medical, dental, vision, HSA, FSA, commuter, life), each person's plan
 * enrollments and their covered dependents, derived from the same benefit enrollments that
 * drive pay-statement deductions.
 */
import { Rng, Stream, mix, seededUuid } from '../random';
import type { CompanyBenefitSpec, EnrollmentSpec } from './benefits';
import type { CompanyProfile } from './company';
import { DAY_MS, isoDay, utcDate } from './dates';
import type { RosterPerson } from './roster';
import { DENTAL_CARRIERS, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, MEDICAL_CARRIERS, VISION_CARRIERS } from './vocabulary';

export type PlanType = 'medical' | 'dental' | 'vision' | 'hsa' | 'fsa' | 'commuter' | 'life_insurance';

export interface PlanSpec {
  id: string;
  name: string;
  type: PlanType;
  description: string;
  networkType: 'ppo' | 'hdhp' | 'hmo' | null;
  carrier: { id: string; name: string };
  startDate: string;
  endDate: string;
  coverageTiers: string[] | null;
  deductionCodes: string[];
  benefitType: string | null;
}

const TIERS = ['employee_only', 'employee_spouse', 'employee_children', 'family'];

export function companyPlans(profile: CompanyProfile, benefits: readonly CompanyBenefitSpec[], anchorMs: number): PlanSpec[] {
  const rng = new Rng(mix(profile.seed, Stream.plan));
  const year = new Date(anchorMs).getUTCFullYear();
  const start = isoDay(utcDate(year, 0, 1));
  const end = isoDay(utcDate(year, 11, 31));
  const has = (type: string): boolean => benefits.some((b) => b.type === type);
  const plans: PlanSpec[] = [];
  const add = (plan: Omit<PlanSpec, 'id' | 'startDate' | 'endDate'>): void => {
    plans.push({ ...plan, id: seededUuid(profile.seed, Stream.plan, plans.length), startDate: start, endDate: end });
  };
  const carrier = (name: string) => ({ id: `car_${name.toLowerCase().replace(/[^a-z]+/g, '_')}`, name });
  if (has('s125_medical')) {
    const medical = rng.pick(MEDICAL_CARRIERS);
    add({
      name: `${medical} PPO 1500`,
      type: 'medical',
      description: 'PPO plan with a $1,500 deductible',
      networkType: 'ppo',
      carrier: carrier(medical),
      coverageTiers: TIERS,
      deductionCodes: ['MED'],
      benefitType: 's125_medical',
    });
    add({
      name: has('hsa_pre') ? `${medical} HDHP 3200` : `${medical} HMO 500`,
      type: 'medical',
      description: has('hsa_pre') ? 'HSA-eligible high-deductible plan' : 'HMO plan with a $500 deductible',
      networkType: has('hsa_pre') ? 'hdhp' : 'hmo',
      carrier: carrier(medical),
      coverageTiers: TIERS,
      deductionCodes: ['MED'],
      benefitType: 's125_medical',
    });
  }
  if (has('s125_dental')) {
    const dental = rng.pick(DENTAL_CARRIERS);
    add({
      name: `${dental} Dental PPO`,
      type: 'dental',
      description: 'Preventive care covered at 100%',
      networkType: 'ppo',
      carrier: carrier(dental),
      coverageTiers: TIERS,
      deductionCodes: ['DEN'],
      benefitType: 's125_dental',
    });
  }
  if (has('s125_vision')) {
    const vision = rng.pick(VISION_CARRIERS);
    add({
      name: `${vision} Vision`,
      type: 'vision',
      description: 'Annual exam and $150 frame allowance',
      networkType: null,
      carrier: carrier(vision),
      coverageTiers: TIERS,
      deductionCodes: ['VIS'],
      benefitType: 's125_vision',
    });
  }
  if (has('hsa_pre'))
    add({
      name: 'Health Savings Account',
      type: 'hsa',
      description: 'Pre-tax HSA',
      networkType: null,
      carrier: carrier('HealthEquity'),
      coverageTiers: null,
      deductionCodes: ['HSA'],
      benefitType: 'hsa_pre',
    });
  if (has('fsa_medical'))
    add({
      name: 'Healthcare FSA',
      type: 'fsa',
      description: 'Use-it-or-lose-it healthcare FSA',
      networkType: null,
      carrier: carrier('WEX'),
      coverageTiers: null,
      deductionCodes: ['FSA'],
      benefitType: 'fsa_medical',
    });
  if (has('commuter'))
    add({
      name: 'Commuter Benefits',
      type: 'commuter',
      description: 'Transit and parking',
      networkType: null,
      carrier: carrier('WEX'),
      coverageTiers: null,
      deductionCodes: ['COM'],
      benefitType: 'commuter',
    });
  add({
    name: 'Basic Life and AD&D',
    type: 'life_insurance',
    description: 'Employer-paid 1x salary life insurance',
    networkType: null,
    carrier: carrier('MetLife'),
    coverageTiers: ['employee_only'],
    deductionCodes: [],
    benefitType: null,
  });
  return plans;
}

export function planBody(plan: PlanSpec): Record<string, unknown> {
  return {
    id: plan.id,
    name: plan.name,
    type: plan.type,
    description: plan.description,
    network_type: plan.networkType,
    carrier: { ...plan.carrier },
    start_date: plan.startDate,
    end_date: plan.endDate,
    coverage_tiers: plan.coverageTiers ? [...plan.coverageTiers] : null,
    deduction_codes: [...plan.deductionCodes],
  };
}

export interface DependentSpec {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  gender: 'female' | 'male';
  relationship: 'spouse' | 'child';
  ssn: string;
}

export function dependentsOf(person: RosterPerson, tier: string, anchorMs: number): DependentSpec[] {
  const rng = new Rng(mix(person.seed, Stream.dependent));
  const out: DependentSpec[] = [];
  const make = (relationship: 'spouse' | 'child', minAge: number, maxAge: number): void => {
    const gender = rng.chance(0.5) ? 'female' : 'male';
    out.push({
      id: seededUuid(person.seed, Stream.dependent, out.length),
      firstName: rng.pick(gender === 'female' ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES),
      lastName: person.lastName,
      dateOfBirth: isoDay(anchorMs - rng.int(minAge * 365, maxAge * 365) * DAY_MS),
      gender,
      relationship,
      ssn: `${rng.int(100, 899)}-${rng.int(10, 99)}-${rng.int(1000, 9999)}`,
    });
  };
  if (tier === 'employee_spouse' || tier === 'family') make('spouse', 23, 62);
  if (tier === 'employee_children' || tier === 'family') {
    const children = rng.int(1, 3);
    for (let i = 0; i < children; i++) make('child', 0, 24);
  }
  return out;
}

export interface PlanEnrollment {
  id: string;
  person: RosterPerson;
  plan: PlanSpec;
  tier: string;
  employeeAmount: number;
  employerAmount: number;
  dependentIds: string[];
}

/** Maps benefit enrollments to plan enrollments (medical → PPO or HDHP) plus employer life. */
export function planEnrollmentsOf(
  person: RosterPerson,
  enrollments: readonly EnrollmentSpec[],
  plans: readonly PlanSpec[],
  dependents: readonly DependentSpec[],
): PlanEnrollment[] {
  const out: PlanEnrollment[] = [];
  const hasHsa = enrollments.some((e) => e.benefit.type === 'hsa_pre');
  for (const e of enrollments) {
    const candidates = plans.filter((p) => p.benefitType === e.benefit.type);
    const plan =
      e.benefit.type === 's125_medical' ? (candidates.find((p) => (p.networkType === 'hdhp') === hasHsa) ?? candidates[0]) : candidates[0];
    if (!plan) continue;
    const covered = ['medical', 'dental', 'vision'].includes(plan.type);
    out.push({
      id: seededUuid(person.seed, Stream.enrollment, plans.indexOf(plan)),
      person,
      plan,
      tier: covered ? e.tier : 'employee_only',
      employeeAmount: e.employeeDeduction.type === 'fixed' ? e.employeeDeduction.amount : 0,
      employerAmount: e.companyContribution?.type === 'fixed' ? e.companyContribution.amount : 0,
      dependentIds: covered ? dependents.map((d) => d.id) : [],
    });
  }
  const life = plans.find((p) => p.type === 'life_insurance');
  if (life && person.employmentType === 'employee') {
    out.push({
      id: seededUuid(person.seed, Stream.enrollment, plans.indexOf(life)),
      person,
      plan: life,
      tier: 'employee_only',
      employeeAmount: 0,
      employerAmount: 1_250,
      dependentIds: [],
    });
  }
  return out;
}

export function planEnrollmentBody(e: PlanEnrollment): Record<string, unknown> {
  return {
    id: e.id,
    individual_id: e.person.id,
    plan_id: e.plan.id,
    coverage_tier: e.tier,
    coverage_start_date: e.plan.startDate > isoDay(e.person.startDay) ? e.plan.startDate : isoDay(e.person.startDay),
    coverage_end_date: null,
    contributions: {
      frequency: 'per_pay_period',
      employee_contribution: { amount: e.employeeAmount, currency: 'usd' },
      employer_contribution: { amount: e.employerAmount, currency: 'usd' },
    },
    dependent_ids: e.dependentIds.length > 0 ? [...e.dependentIds] : null,
    status: 'active',
  };
}

export function dependentBody(
  d: DependentSpec,
  person: RosterPerson,
  enrollments: readonly PlanEnrollment[],
  includeSsn: boolean,
): Record<string, unknown> {
  return {
    dependent_id: d.id,
    first_name: d.firstName,
    last_name: d.lastName,
    middle_name: null,
    ssn: includeSsn ? d.ssn : null,
    date_of_birth: d.dateOfBirth,
    gender: d.gender,
    coverage: [
      {
        individual_id: person.id,
        relationship_to_individual: d.relationship,
        enrollments: enrollments.filter((e) => e.dependentIds.includes(d.id)).map((e) => ({ id: e.id, type: e.plan.type })),
      },
    ],
  };
}
