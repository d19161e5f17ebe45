/**
 * Pay runs made on demand (POST /_simulator/pay-runs): the company's next payroll after its
 * latest payment, paid to everyone employed then, with deductions from the enrollments in
 * force on the pay date: the seeded ones, overlaid by enroll/unenroll writes whose job had
 * completed before the run and whose effective date is on or before the pay date.
 *
 * A run is stored as a small record (an edit); its statements are computed from the edits
 * that came before it, so they never change once the run is made.
 */
import type { EditRecord } from '../model/types';
import type { CompanyData, YearToDate } from './company-data';
import { YearToDateAfter } from './company-data';
import { addDays, isoDay, parseIsoDay } from './dates';
import type { EnrollmentTerms } from './deduction-rules';
import type { PayStatementRecord, StatementEnrollment } from './pay-statements';
import { computeStatement } from './pay-statements';
import type { PaymentSpec } from './payroll';
import { nextPeriod } from './payroll';
import type { RosterPerson } from './roster';

export type PayRunType = 'regular_payroll' | 'off_cycle_payroll';
export const PAY_RUN_TYPES: readonly PayRunType[] = ['regular_payroll', 'off_cycle_payroll'];

export interface PayRunData {
  id: string;
  type: PayRunType;
  payDate: string;
  periodStart: string;
  periodEnd: string;
}

export interface PayRunRecord extends PayRunData {
  /** The run's edit sequence number: only edits before it shape its statements. */
  seq: number;
}

type Row = Record<string, unknown>;

export interface PayRunInputs {
  data: CompanyData;
  /** Company benefits (generated and created) as they were just before edit `seq`. */
  benefitsAt(seq: number): Map<string, Row>;
  /** Enroll and unenroll edits, in sequence order. */
  enrollEdits: readonly EditRecord[];
  dob(personId: string): string | null;
}

const dayMs = (day: string): number => parseIsoDay(day) ?? 0;

/** The next run's dates: the earliest next pay date among the employee pay groups after `latestPayDay`. */
export function schedulePayRun(data: CompanyData, latestPayDay: string, type: PayRunType, id: string): PayRunData {
  const members = new Set(data.roster.map((p) => p.payGroup));
  const groups = data.payGroups.filter((g) => members.has(g.key) && g.key !== 'contractors');
  const candidates = (groups.length > 0 ? groups : data.payGroups).map((g) => nextPeriod(g.frequency, dayMs(latestPayDay)));
  const next = candidates.reduce((best, p) => (p.pay < best.pay ? p : best));
  return { id, type, payDate: isoDay(next.pay), periodStart: isoDay(next.start), periodEnd: isoDay(next.end) };
}

/** Who a run pays: everyone employed during its period (off-cycle: active employees only). */
export function payRunPeople(data: CompanyData, run: PayRunData): RosterPerson[] {
  const start = dayMs(run.periodStart);
  const end = dayMs(run.periodEnd);
  return data.roster.filter(
    (p) =>
      p.startDay <= end &&
      (p.endDay === null || p.endDay >= start) &&
      (run.type === 'regular_payroll' || (p.isActive && p.employmentType === 'employee')),
  );
}

function termsOf(body: unknown): EnrollmentTerms {
  const b = (body ?? {}) as Row;
  return {
    employee_deduction: (b['employee_deduction'] as EnrollmentTerms['employee_deduction']) ?? null,
    company_contribution: (b['company_contribution'] as EnrollmentTerms['company_contribution']) ?? null,
    annual_maximum: typeof b['annual_maximum'] === 'number' ? b['annual_maximum'] : null,
    catch_up: b['catch_up'] === true,
  };
}

function describe(benefit: Row | undefined, fallback: string): string {
  const description = benefit?.['description'];
  return typeof description === 'string' && description !== '' ? description : fallback;
}

/** A person's enrollments in force on the run's pay date, as the run's statements use them. */
function enrollmentsFor(
  inputs: PayRunInputs,
  person: RosterPerson,
  run: PayRunRecord,
  benefits: Map<string, Row>,
  edits: readonly EditRecord[],
): StatementEnrollment[] {
  const byBenefit = new Map<string, StatementEnrollment>();
  for (const e of inputs.data.statementEnrollments(person)) {
    byBenefit.set(e.benefitId, { ...e, description: describe(benefits.get(e.benefitId), e.description) });
  }
  for (const edit of edits) {
    const data = edit.data as Row;
    const effective = typeof data['effective_date'] === 'string' ? data['effective_date'] : null;
    if (edit.seq > run.seq || edit.targetId === null || (effective !== null && effective > run.payDate)) continue;
    const benefit = benefits.get(edit.targetId);
    if (edit.kind === 'unenroll') byBenefit.delete(edit.targetId);
    else if (benefit) {
      const type = (benefit['type'] as string | null) ?? null;
      byBenefit.set(edit.targetId, {
        benefitId: edit.targetId,
        type,
        description: describe(benefit, type ?? 'Deduction'),
        terms: termsOf(data['body']),
      });
    }
  }
  return [...byBenefit.values()];
}

/** Enroll/unenroll edits per person (an unenroll edit is listed under each of its people). */
function editsByPerson(edits: readonly EditRecord[]): Map<string, EditRecord[]> {
  const out = new Map<string, EditRecord[]>();
  const add = (id: unknown, edit: EditRecord): void => {
    if (typeof id !== 'string') return;
    const list = out.get(id);
    if (list) list.push(edit);
    else out.set(id, [edit]);
  };
  for (const edit of edits) {
    const data = edit.data as Row;
    if (edit.kind === 'enroll') add(data['individual_id'], edit);
    else for (const id of (data['individual_ids'] as unknown[] | undefined) ?? []) add(id, edit);
  }
  return out;
}

/** The statements of one run and the year-to-date ledger after it. */
export function runStatements(
  inputs: PayRunInputs,
  run: PayRunRecord,
  ytdBefore: YearToDate,
): { statements: PayStatementRecord[]; ytdAfter: YearToDate } {
  const benefits = inputs.benefitsAt(run.seq);
  const edits = editsByPerson(inputs.enrollEdits);
  const payDay = dayMs(run.payDate);
  const after = new YearToDateAfter(ytdBefore);
  const statements = payRunPeople(inputs.data, run).map((person) => {
    const group = inputs.data.payGroups.find((g) => g.key === person.payGroup) ?? inputs.data.payGroups[0];
    if (!group) throw new Error('company has no pay groups');
    const payment: PaymentSpec = {
      id: run.id,
      group,
      kind: run.type === 'off_cycle_payroll' ? 'bonus' : 'regular',
      periodStart: dayMs(run.periodStart),
      periodEnd: dayMs(run.periodEnd),
      payDate: payDay,
      debitDate: addDays(payDay, -2),
      salt: 50_000 + run.seq,
    };
    const { record, deductions } = computeStatement(
      inputs.data.profile,
      person,
      payment,
      enrollmentsFor(inputs, person, run, benefits, edits.get(person.id) ?? []),
      { ytdBefore: (benefitId) => ytdBefore.get(person.id)?.get(benefitId) ?? 0, dob: () => inputs.dob(person.id) },
    );
    after.add(person.id, deductions);
    return record;
  });
  return { statements, ytdAfter: after.ledger };
}

/** Statements of every run in order, each starting from the year so far (history, then earlier runs). */
export function allRunStatements(inputs: PayRunInputs, runs: readonly PayRunRecord[]): Map<string, PayStatementRecord[]> {
  const out = new Map<string, PayStatementRecord[]>();
  let carried: { year: number; ytd: YearToDate } | null = null;
  for (const run of [...runs].sort((a, b) => a.seq - b.seq)) {
    const year = Number(run.payDate.slice(0, 4));
    const start: YearToDate = carried?.year === year ? carried.ytd : inputs.data.historyYearToDate(year);
    const { statements, ytdAfter } = runStatements(inputs, run, start);
    out.set(run.id, statements);
    carried = { year, ytd: ytdAfter };
  }
  return out;
}
