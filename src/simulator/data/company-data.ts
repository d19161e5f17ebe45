/**
 * Generated data for one company, built lazily and cached piece by piece: the roster on the
 * first directory read, pay statements per payment on first use, plans on first plans read.
 * Immutable once built; sandbox edits are layered on top by CompanyView.
 */
import type { CompanyRecord } from '../model/types';
import type { CompanyBenefitSpec, EnrollmentSpec } from './benefits';
import { companyBenefits, enrollmentBody, enrollmentsFor, statementEnrollment } from './benefits';
import type { CompanyProfile } from './company';
import { generateCompany } from './company';
import type { W4Spec } from './documents';
import { w4Of } from './documents';
import type { PayStatementRecord, PaymentTotals, StatementEnrollment } from './pay-statements';
import { computeStatement, totalsOf } from './pay-statements';
import type { PaymentSpec } from './payroll';
import { PERIODS_PER_YEAR, paidPeople, schedulePayments } from './payroll';
import type { DependentSpec, PlanEnrollment, PlanSpec } from './plans';
import { companyPlans, dependentsOf, planEnrollmentsOf } from './plans';
import { individualRecord } from './person-records';
import type { PayGroupSpec, RosterPerson } from './roster';
import { buildRoster, payGroupsOf } from './roster';

export interface PlanData {
  enrollments: PlanEnrollment[];
  enrollmentsById: Map<string, PlanEnrollment>;
  dependents: Array<{ dependent: DependentSpec; person: RosterPerson; enrollments: PlanEnrollment[] }>;
  dependentsById: Map<string, { dependent: DependentSpec; person: RosterPerson; enrollments: PlanEnrollment[] }>;
}

/** person id → benefit id → employee deductions so far in a calendar year (cents). */
export type YearToDate = ReadonlyMap<string, ReadonlyMap<string, number>>;

export const EMPTY_YTD: YearToDate = new Map();

/**
 * The year-to-date ledger after one payment: a copy of the ledger before it (made once, so
 * earlier ledgers stay as they were) to which each statement's deductions are added. Copying
 * the whole ledger per statement made a pay run quadratic in the head count (100,000 people:
 * minutes); one copy per payment keeps it linear.
 */
export class YearToDateAfter {
  private readonly next: Map<string, ReadonlyMap<string, number>>;

  constructor(before: YearToDate) {
    this.next = new Map(before);
  }

  add(personId: string, deductions: ReadonlyMap<string, number>): void {
    if (deductions.size === 0) return;
    const person = new Map(this.next.get(personId));
    for (const [benefitId, amount] of deductions) person.set(benefitId, (person.get(benefitId) ?? 0) + amount);
    this.next.set(personId, person);
  }

  get ledger(): YearToDate {
    return this.next;
  }
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
  /** payment id → year-to-date deductions including that payment (same calendar year). */
  private readonly ytdAfterCache = new Map<string, YearToDate>();
  private readonly dobCache = new Map<string, string | null>();
  private chronologicalCache: PaymentSpec[] | null = null;
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

  /** The seeded enrollments of a person in pay-statement form. */
  statementEnrollments(person: RosterPerson): StatementEnrollment[] {
    return this.enrollments(person).map(statementEnrollment);
  }

  /** Date of birth as /employer/individual reports it (for catch-up eligibility). */
  dob(person: RosterPerson): string | null {
    if (!this.dobCache.has(person.id)) {
      const dob = individualRecord(this.profile, person, this.anchorMs, false)['dob'];
      this.dobCache.set(person.id, typeof dob === 'string' ? dob : null);
    }
    return this.dobCache.get(person.id) ?? null;
  }

  statements(payment: PaymentSpec): PayStatementRecord[] {
    let list = this.statementsCache.get(payment.id);
    if (!list) {
      // Annual maximums need the year so far: statements are made in pay-date order within a year.
      const before = this.ytdBefore(payment);
      const after = new YearToDateAfter(before);
      list = paidPeople(payment, this.roster).map((person) => {
        const { record, deductions } = computeStatement(this.profile, person, payment, this.statementEnrollments(person), {
          ytdBefore: (benefitId) => before.get(person.id)?.get(benefitId) ?? 0,
          dob: () => this.dob(person),
        });
        after.add(person.id, deductions);
        return record;
      });
      this.statementsCache.set(payment.id, list);
      this.ytdAfterCache.set(payment.id, after.ledger);
    }
    return list;
  }

  /** Payments of the generated history in the order they were paid (ties: regular before bonus). */
  private chronological(): PaymentSpec[] {
    this.chronologicalCache ??= [...this.payments].sort(
      (a, b) => a.payDate - b.payDate || (a.kind === b.kind ? 0 : a.kind === 'regular' ? -1 : 1) || a.group.key.localeCompare(b.group.key),
    );
    return this.chronologicalCache;
  }

  private ytdBefore(payment: PaymentSpec): YearToDate {
    const ordered = this.chronological();
    const index = ordered.indexOf(payment);
    const previous = index > 0 ? ordered[index - 1] : undefined;
    if (!previous || new Date(previous.payDate).getUTCFullYear() !== new Date(payment.payDate).getUTCFullYear()) return EMPTY_YTD;
    return this.ytdAfter(previous);
  }

  private ytdAfter(payment: PaymentSpec): YearToDate {
    if (!this.ytdAfterCache.has(payment.id)) this.statements(payment);
    return this.ytdAfterCache.get(payment.id) ?? EMPTY_YTD;
  }

  /** Year-to-date deductions of the generated history for `year` (what a later pay run starts from). */
  historyYearToDate(year: number): YearToDate {
    const last = this.chronological()
      .filter((p) => new Date(p.payDate).getUTCFullYear() === year)
      .pop();
    return last ? this.ytdAfter(last) : EMPTY_YTD;
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
