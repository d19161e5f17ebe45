/**
 * A company as one connection sees it: generated data plus the sandbox edits that connection
 * has synced (and live benefit edits). People or payments created by sandbox calls that are
 * not yet synced are "pending": batch reads answer them with a per-item 202.
 */
import type { EditRecord } from '../model/types';
import { benefitBody } from './benefits';
import type { CompanyData } from './company-data';
import { companyResponse } from './company';
import { addDays, isoDay } from './dates';
import type { PayRunData, PayRunRecord } from './pay-runs';
import { allRunStatements } from './pay-runs';
import type { PayStatementRecord } from './pay-statements';
import { totalsOf } from './pay-statements';
import { directoryEntry, employmentRecord, individualRecord } from './person-records';

export const INDIVIDUAL_FIELDS = [
  'first_name',
  'middle_name',
  'last_name',
  'preferred_name',
  'emails',
  'phone_numbers',
  'gender',
  'ethnicity',
  'marital_status',
  'dob',
  'ssn',
  'encrypted_ssn',
  'residence',
] as const;
export const EMPLOYMENT_FIELDS = [
  'first_name',
  'middle_name',
  'last_name',
  'title',
  'manager',
  'department',
  'employment',
  'start_date',
  'end_date',
  'latest_rehire_date',
  'is_active',
  'employment_status',
  'flsa_status',
  'class_code',
  'location',
  'income',
  'income_history',
  'custom_fields',
  'union_code',
  'union_local',
  'highly_compensated_employee',
  'key_employee',
  'source_id',
] as const;
const DIRECTORY_FIELDS = ['first_name', 'middle_name', 'last_name', 'manager', 'department', 'is_active'] as const;

type Row = Record<string, unknown>;

export interface AddedPersonData {
  id: string;
  record: Row;
}

export interface SandboxPaymentData {
  id: string;
  startDate: string;
  endDate: string;
  payDate: string;
  statements: PayStatementRecord[];
}

export interface DirectoryRow {
  row: Row;
  /** Index of the legal entity (company.entities) the person is employed by. */
  entity: number;
}

export interface PaymentEntry {
  id: string;
  payDate: string;
  body(): Row;
  statements(): PayStatementRecord[];
}

function pickFields(record: Row, fields: readonly string[], id: string): Row {
  const out: Row = { id };
  for (const field of fields) out[field] = field in record ? record[field] : null;
  return out;
}

export class CompanyView {
  private companyPatch: Row = {};
  private readonly individualPatches = new Map<string, Row>();
  private readonly employmentPatches = new Map<string, Row>();
  private readonly added: AddedPersonData[] = [];
  private readonly addedById = new Map<string, AddedPersonData>();
  private readonly sandboxPayments: SandboxPaymentData[] = [];
  private readonly pendingIds = new Set<string>();
  private readonly createdBenefits: Array<{ seq: number; row: Row }> = [];
  private readonly descriptionEdits: Array<{ seq: number; benefitId: string; description: string }> = [];
  private readonly enrollEdits: EditRecord[] = [];
  private readonly payRuns: PayRunRecord[] = [];
  private payRunCache: Map<string, PayStatementRecord[]> | null = null;
  private directoryCache: DirectoryRow[] | null = null;
  private paymentsCache: PaymentEntry[] | null = null;

  constructor(
    readonly data: CompanyData,
    visible: readonly EditRecord[],
    pending: readonly EditRecord[],
  ) {
    for (const edit of visible) this.apply(edit);
    for (const edit of pending) {
      if (edit.kind === 'add_person') this.pendingIds.add((edit.data as AddedPersonData).id);
      if (edit.kind === 'payment') this.pendingIds.add((edit.data as SandboxPaymentData).id);
    }
  }

  private apply(edit: EditRecord): void {
    const data = edit.data as Row;
    switch (edit.kind) {
      case 'company':
        this.companyPatch = { ...this.companyPatch, ...data };
        break;
      case 'individual':
        if (edit.targetId) this.individualPatches.set(edit.targetId, { ...this.individualPatches.get(edit.targetId), ...data });
        break;
      case 'employment':
        if (edit.targetId) this.employmentPatches.set(edit.targetId, { ...this.employmentPatches.get(edit.targetId), ...data });
        break;
      case 'add_person': {
        const person = edit.data as AddedPersonData;
        this.added.push(person);
        this.addedById.set(person.id, person);
        break;
      }
      case 'payment':
        this.sandboxPayments.push(edit.data as SandboxPaymentData);
        break;
      case 'benefit_create':
        this.createdBenefits.push({ seq: edit.seq, row: data });
        break;
      case 'benefit_update':
        if (edit.targetId && typeof data['description'] === 'string')
          this.descriptionEdits.push({ seq: edit.seq, benefitId: edit.targetId, description: data['description'] });
        break;
      case 'enroll':
      case 'unenroll':
        this.enrollEdits.push(edit);
        break;
      case 'pay_run':
        this.payRuns.push({ ...(edit.data as PayRunData), seq: edit.seq });
        break;
    }
  }

  company(): Row {
    return { ...companyResponse(this.data.profile), ...this.companyPatch, id: this.data.profile.id };
  }

  hasPerson(id: string): boolean {
    return this.data.person(id) !== undefined || this.addedById.has(id);
  }

  isPending(id: string): boolean {
    return this.pendingIds.has(id);
  }

  /** Directory rows in a stable order: generated people, then people added in the sandbox. */
  directory(): DirectoryRow[] {
    if (!this.directoryCache) {
      const rows: DirectoryRow[] = [];
      for (const person of this.data.roster) {
        const row = directoryEntry(person);
        const patch = { ...this.individualPatches.get(person.id), ...this.employmentPatches.get(person.id) };
        for (const field of DIRECTORY_FIELDS) if (field in patch) row[field] = patch[field];
        rows.push({ row, entity: person.entityIndex });
      }
      for (const person of this.added) {
        const row = pickFields(
          { ...person.record, ...this.individualPatches.get(person.id), ...this.employmentPatches.get(person.id) },
          DIRECTORY_FIELDS,
          person.id,
        );
        rows.push({ row, entity: 0 });
      }
      this.directoryCache = rows;
    }
    return this.directoryCache;
  }

  individual(id: string, includeSsn: boolean): Row | undefined {
    const person = this.data.person(id);
    const patch = this.individualPatches.get(id);
    if (person) {
      const base = individualRecord(this.data.profile, person, this.data.anchorMs, includeSsn);
      return patch ? { ...base, ...patch, id } : base;
    }
    const added = this.addedById.get(id);
    if (!added) return undefined;
    const row = pickFields({ ...added.record, ...patch }, INDIVIDUAL_FIELDS, id);
    if (!includeSsn) row['ssn'] = null;
    return row;
  }

  employment(id: string): Row | undefined {
    const person = this.data.person(id);
    const patch = this.employmentPatches.get(id);
    if (person) {
      const base = employmentRecord(this.data.profile, person, this.data.anchorMs);
      return patch ? { ...base, ...patch, id } : base;
    }
    const added = this.addedById.get(id);
    return added ? pickFields({ ...added.record, ...patch }, EMPLOYMENT_FIELDS, id) : undefined;
  }

  payments(): PaymentEntry[] {
    if (!this.paymentsCache) {
      const data = this.data;
      const entries: PaymentEntry[] = data.payments.map((spec) => ({
        id: spec.id,
        payDate: isoDay(spec.payDate),
        statements: () => data.statements(spec),
        body: () => {
          const statements = data.statements(spec);
          const totals = data.totals(spec);
          return {
            id: spec.id,
            pay_period: { start_date: isoDay(spec.periodStart), end_date: isoDay(spec.periodEnd) },
            pay_date: isoDay(spec.payDate),
            debit_date: isoDay(spec.debitDate),
            company_debit: { amount: totals.gross + totals.employerTaxes, currency: 'usd' },
            gross_pay: { amount: totals.gross, currency: 'usd' },
            net_pay: { amount: totals.net, currency: 'usd' },
            employer_taxes: { amount: totals.employerTaxes, currency: 'usd' },
            employee_taxes: { amount: totals.employeeTaxes, currency: 'usd' },
            individual_ids: statements.map((s) => s.individual_id),
            pay_group_ids: [spec.group.id],
            pay_frequencies: [spec.group.frequency],
          };
        },
      }));
      for (const p of this.sandboxPayments) {
        entries.push({
          id: p.id,
          payDate: p.payDate,
          statements: () => p.statements,
          body: () => {
            const totals = totalsOf(p.statements);
            return {
              id: p.id,
              pay_period: { start_date: p.startDate, end_date: p.endDate },
              pay_date: p.payDate,
              debit_date: isoDay(addDays(Date.parse(`${p.payDate}T00:00:00Z`), -2)),
              company_debit: { amount: totals.gross + totals.employerTaxes, currency: 'usd' },
              gross_pay: { amount: totals.gross, currency: 'usd' },
              net_pay: { amount: totals.net, currency: 'usd' },
              employer_taxes: { amount: totals.employerTaxes, currency: 'usd' },
              employee_taxes: { amount: totals.employeeTaxes, currency: 'usd' },
              individual_ids: p.statements.map((s) => s.individual_id),
              pay_group_ids: null,
              pay_frequencies: null,
            };
          },
        });
      }
      for (const run of this.payRuns) {
        const statements = (): PayStatementRecord[] => this.payRunStatements().get(run.id) ?? [];
        entries.push({
          id: run.id,
          payDate: run.payDate,
          statements,
          body: () => {
            const list = statements();
            const totals = totalsOf(list);
            const paid = new Set(list.map((s) => this.data.person(s.individual_id)?.payGroup));
            const groups = this.data.payGroups.filter((g) => paid.has(g.key));
            return {
              id: run.id,
              pay_period: { start_date: run.periodStart, end_date: run.periodEnd },
              pay_date: run.payDate,
              debit_date: isoDay(addDays(Date.parse(`${run.payDate}T00:00:00Z`), -2)),
              company_debit: { amount: totals.gross + totals.employerTaxes, currency: 'usd' },
              gross_pay: { amount: totals.gross, currency: 'usd' },
              net_pay: { amount: totals.net, currency: 'usd' },
              employer_taxes: { amount: totals.employerTaxes, currency: 'usd' },
              employee_taxes: { amount: totals.employeeTaxes, currency: 'usd' },
              individual_ids: list.map((s) => s.individual_id),
              pay_group_ids: groups.map((g) => g.id),
              pay_frequencies: [...new Set(groups.map((g) => g.frequency))],
            };
          },
        });
      }
      entries.sort((a, b) => (a.payDate < b.payDate ? 1 : a.payDate > b.payDate ? -1 : 0));
      this.paymentsCache = entries;
    }
    return this.paymentsCache;
  }

  payment(id: string): PaymentEntry | undefined {
    return this.payments().find((p) => p.id === id);
  }

  benefits(): Row[] {
    return this.benefitsBefore(Number.POSITIVE_INFINITY);
  }

  /** Benefits (with their descriptions) as they were before edit `seq`: what a pay run saw. */
  private benefitsBefore(seq: number): Row[] {
    const rows = [...this.data.benefits.map(benefitBody), ...this.createdBenefits.filter((b) => b.seq < seq).map((b) => ({ ...b.row }))];
    const byId = new Map(rows.map((row) => [String(row['benefit_id']), row]));
    for (const edit of this.descriptionEdits) {
      const row = byId.get(edit.benefitId);
      if (row && edit.seq < seq) row['description'] = edit.description;
    }
    return rows;
  }

  /** The latest pay date of the payroll history and pay runs (sandbox payments are not payroll runs). */
  latestPayrollDay(): string {
    const days = [...this.data.payments.map((p) => isoDay(p.payDate)), ...this.payRuns.map((r) => r.payDate)];
    return days.reduce((latest, day) => (day > latest ? day : latest), isoDay(this.data.anchorMs));
  }

  private payRunStatements(): Map<string, PayStatementRecord[]> {
    this.payRunCache ??= allRunStatements(
      {
        data: this.data,
        benefitsAt: (seq) => new Map(this.benefitsBefore(seq).map((row) => [String(row['benefit_id']), row])),
        enrollEdits: this.enrollEdits,
        dob: (id) => {
          const dob = this.individual(id, false)?.['dob'];
          return typeof dob === 'string' ? dob : null;
        },
      },
      this.payRuns,
    );
    return this.payRunCache;
  }

  benefit(id: string): Row | undefined {
    return this.benefits().find((b) => b['benefit_id'] === id);
  }

  /** individual_id → IndividualBenefits body for a benefit, with enroll/unenroll edits applied. */
  enrolled(benefitId: string): Map<string, Row> {
    const base = this.data.benefits.some((b) => b.id === benefitId) ? this.data.enrolledIn(benefitId) : new Map<string, Row>();
    const result = new Map(base);
    for (const edit of this.enrollEdits) {
      if (edit.targetId !== benefitId) continue;
      const data = edit.data as Row;
      if (edit.kind === 'enroll') result.set(String(data['individual_id']), data['body'] as Row);
      else for (const id of (data['individual_ids'] as string[] | undefined) ?? []) result.delete(id);
    }
    return result;
  }
}
