/**
 * Generated data for one company, built lazily and cached piece by piece: the roster on the
 * first directory read, pay statements per payment on first use, plans on first plans read.
 * Immutable once built; sandbox edits are layered on top by CompanyView.
 */
import type { CompanyRecord } from '../model/types';
import type { CompanyBenefitSpec, EnrollmentSpec } from './benefits';
import { companyBenefits, enrollmentBody, enrollmentsFor } from './benefits';
import type { CompanyProfile } from './company';
import { generateCompany } from './company';
import type { W4Spec } from './documents';
import { w4Of } from './documents';
import type { PayStatementRecord, PaymentTotals } from './pay-statements';
import { computeStatement, totalsOf } from './pay-statements';
import type { PaymentSpec } from './payroll';
import { PERIODS_PER_YEAR, paidPeople, schedulePayments } from './payroll';
import type { DependentSpec, PlanEnrollment, PlanSpec } from './plans';
import { companyPlans, dependentsOf, planEnrollmentsOf } from './plans';
import type { PayGroupSpec, RosterPerson } from './roster';
import { buildRoster, payGroupsOf } from './roster';

export interface PlanData {
  enrollments: PlanEnrollment[];
  enrollmentsById: Map<string, PlanEnrollment>;
  dependents: Array<{ dependent: DependentSpec; person: RosterPerson; enrollments: PlanEnrollment[] }>;
  dependentsById: Map<string, { dependent: DependentSpec; person: RosterPerson; enrollments: PlanEnrollment[] }>;
}

export class CompanyData {
  readonly profile: CompanyProfile;
  readonly anchorMs: number;
  private rosterCache: RosterPerson[] | null = null;
  private byId: Map<string, RosterPerson> | null = null;
  private paymentsCache: PaymentSpec[] | null = null;
  private paymentById: Map<string, PaymentSpec> | null = null;
  private readonly statementsCache = new Map<string, PayStatementRecord[]>();
  private readonly totalsCache = new Map<string, PaymentTotals>();
  private readonly enrollmentCache = new Map<string, EnrollmentSpec[]>();
  private readonly enrolledCache = new Map<string, Map<string, Record<string, unknown>>>();
  private benefitsCache: CompanyBenefitSpec[] | null = null;
  private plansCache: PlanSpec[] | null = null;
  private planDataCache: PlanData | null = null;
  private w4Cache: W4Spec[] | null = null;
  readonly payGroups: PayGroupSpec[];

  constructor(
    readonly record: CompanyRecord,
    globalSeed: number,
  ) {
    this.profile = generateCompany(globalSeed, record.ordinal, record.id, record.employeeSize);
    this.anchorMs = record.createdAt;
    this.payGroups = payGroupsOf(this.profile);
  }

  get roster(): RosterPerson[] {
    if (!this.rosterCache) this.rosterCache = buildRoster(this.profile, this.record.employeeSize, this.anchorMs);
    return this.rosterCache;
  }

  person(id: string): RosterPerson | undefined {
    if (!this.byId) this.byId = new Map(this.roster.map((p) => [p.id, p]));
    return this.byId.get(id);
  }

  get payments(): PaymentSpec[] {
    if (!this.paymentsCache) {
      // Groups nobody belongs to run no payroll.
      const used = new Set(this.roster.map((p) => p.payGroup));
      const groups = this.payGroups.filter((g) => used.has(g.key));
      this.paymentsCache = schedulePayments(this.profile, groups, this.record.employeeSize, this.anchorMs);
      this.paymentById = new Map(this.paymentsCache.map((p) => [p.id, p]));
    }
    return this.paymentsCache;
  }

  payment(id: string): PaymentSpec | undefined {
    void this.payments;
    return this.paymentById?.get(id);
  }

  periodsPerYear(person: RosterPerson): number {
    const group = this.payGroups.find((g) => g.key === person.payGroup);
    return group ? PERIODS_PER_YEAR[group.frequency] : 26;
  }

  get benefits(): CompanyBenefitSpec[] {
    if (!this.benefitsCache) this.benefitsCache = companyBenefits(this.profile);
    return this.benefitsCache;
  }

  enrollments(person: RosterPerson): EnrollmentSpec[] {
    let list = this.enrollmentCache.get(person.id);
    if (!list) {
      list = person.isActive ? enrollmentsFor(person, this.benefits, this.periodsPerYear(person)) : [];
      this.enrollmentCache.set(person.id, list);
    }
    return list;
  }

  /** individual_id → IndividualBenefits body, for one company benefit. */
  enrolledIn(benefitId: string): Map<string, Record<string, unknown>> {
    let map = this.enrolledCache.get(benefitId);
    if (!map) {
      map = new Map();
      for (const person of this.roster) {
        const e = this.enrollments(person).find((x) => x.benefit.id === benefitId);
        if (e) map.set(person.id, enrollmentBody(e));
      }
      this.enrolledCache.set(benefitId, map);
    }
    return map;
  }

  statements(payment: PaymentSpec): PayStatementRecord[] {
    let list = this.statementsCache.get(payment.id);
    if (!list) {
      list = paidPeople(payment, this.roster).map((person) => computeStatement(this.profile, person, payment, this.enrollments(person)));
      this.statementsCache.set(payment.id, list);
    }
    return list;
  }

  totals(payment: PaymentSpec): PaymentTotals {
    let totals = this.totalsCache.get(payment.id);
    if (!totals) {
      totals = totalsOf(this.statements(payment));
      this.totalsCache.set(payment.id, totals);
    }
    return totals;
  }

  get plans(): PlanSpec[] {
    if (!this.plansCache) this.plansCache = companyPlans(this.profile, this.benefits, this.anchorMs);
    return this.plansCache;
  }

  get planData(): PlanData {
    if (!this.planDataCache) {
      const data: PlanData = { enrollments: [], enrollmentsById: new Map(), dependents: [], dependentsById: new Map() };
      for (const person of this.roster) {
        const enrollments = this.enrollments(person);
        if (enrollments.length === 0 && person.employmentType !== 'employee') continue;
        if (!person.isActive) continue;
        const tier = enrollments.find((e) => e.benefit.type === 's125_medical')?.tier ?? 'employee_only';
        const dependents = enrollments.some((e) => e.benefit.type.startsWith('s125')) ? dependentsOf(person, tier, this.anchorMs) : [];
        const planEnrollments = planEnrollmentsOf(person, enrollments, this.plans, dependents);
        for (const e of planEnrollments) {
          data.enrollments.push(e);
          data.enrollmentsById.set(e.id, e);
        }
        for (const dependent of dependents) {
          const entry = { dependent, person, enrollments: planEnrollments };
          data.dependents.push(entry);
          data.dependentsById.set(dependent.id, entry);
        }
      }
      this.planDataCache = data;
    }
    return this.planDataCache;
  }

  get w4s(): W4Spec[] {
    if (!this.w4Cache) {
      this.w4Cache = [];
      for (const person of this.roster) {
        const w4 = w4Of(person);
        if (w4) this.w4Cache.push(w4);
      }
    }
    return this.w4Cache;
  }
}
