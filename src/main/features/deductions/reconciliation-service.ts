/**
 * Proof on the paycheck: after an enrollment, the next payroll's pay statements are read and
 * each person's deduction and contribution compared with what their enrollment says (the rules
 * are in reconcile.ts). On the Local simulator the next regular pay run is run on request;
 * elsewhere the user picks a payroll the provider ran. A payment the app wrote itself through
 * /sandbox/payment is never offered: it would only echo the app's own input.
 */
import type { EmployeeDeduction, CompanyContribution } from '@shared/domain/deductions';
import type { ReconcilablePayments, ReconcileInput, Reconciliation } from '@shared/domain/reconciliation';
import type { Clock } from '@main/platform/clock';
import { WorkbenchError } from '@main/platform/errors';
import { rawBody } from '@main/platform/reads/finch-read';
import type { ConnectionLifecycle } from '@main/platform/workspace/connection-lifecycle';
import type { ConnectionService } from '@main/platform/workspace/connection-service';
import type { DeductionReads } from './deduction-reads';
import type { DeductionStore } from './deduction-store';
import type { Enrollment, PayStatementLike, PersonCase } from './reconcile';
import { ageAtYearEnd, countStatuses, linesFor, reconcilePerson } from './reconcile';

/** The Local simulator's admin side: runs a company's next pay run on request. */
export interface PayrollRunner {
  runPayroll(connectionId: string, type?: 'regular_payroll' | 'off_cycle_payroll'): { paymentId: string; payDate: string; type: string };
}

type Json = Record<string, unknown>;
interface PaymentRow {
  id: string;
  payDate: string | null;
  payType: string | null;
  people: number | null;
}
const PAYMENTS_PER_CALL = 10;
const INDIVIDUALS_PER_CALL = 100;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export class ReconciliationService {
  constructor(
    private readonly options: {
      lifecycle: ConnectionLifecycle;
      connections: ConnectionService;
      reads: DeductionReads;
      store: DeductionStore;
      clock: Clock;
      /** Non-null only for the Local simulator environment. */
      payrollRunner: (environmentId: string) => PayrollRunner | null;
    },
  ) {}

  /** Payrolls of the last 13 months, newest first, without the ones the app wrote itself. */
  async payments(environmentId: string, connectionId: string): Promise<ReconcilablePayments> {
    const now = this.options.clock.now();
    const { rows, requestIds } = await this.listPayments(environmentId, connectionId, day(now - 400 * 86_400_000), day(now + 86_400_000));
    const written = this.appWritten(environmentId, connectionId);
    const offered = rows.filter((p) => !written.has(p.id));
    return {
      payments: offered
        .sort((a, b) => (b.payDate ?? '').localeCompare(a.payDate ?? ''))
        .map((p) => ({ paymentId: p.id, payDate: p.payDate, payType: p.payType, people: p.people })),
      excludedAppWritten: rows.length - offered.length,
      canRunPayroll: this.options.payrollRunner(environmentId) !== null,
      requestIds,
    };
  }

  async reconcile(environmentId: string, input: ReconcileInput): Promise<Reconciliation> {
    const { connectionId, benefitId } = input;
    const requestIds: string[] = [];
    const benefits = await this.options.reads.benefits(environmentId, connectionId);
    requestIds.push(...benefits.requestIds);
    const benefit = benefits.benefits.find((b) => b.benefitId === benefitId);
    if (!benefit) throw new WorkbenchError('not_found', `The company has no benefit ${benefitId} (Finch’s benefit list does not show it).`);

    let paymentId = input.paymentId;
    let source: Reconciliation['source'] = 'pulled_payment';
    if (!paymentId) {
      const runner = this.options.payrollRunner(environmentId);
      if (!runner) throw new WorkbenchError('validation', 'Choose the payroll to check: only the Local simulator can run one on request.');
      try {
        paymentId = runner.runPayroll(connectionId).paymentId;
      } catch (error) {
        throw new WorkbenchError('conflict', `The Local simulator could not run the next pay run: ${(error as Error).message}`);
      }
      source = 'simulator_pay_run';
    } else if (this.appWritten(environmentId, connectionId).has(paymentId)) {
      throw new WorkbenchError(
        'validation',
        'This payment was written by the app through /sandbox/payment: checking it would only echo your own input.',
        {
          fields: [{ path: 'paymentId', message: 'was written by the app' }],
        },
      );
    }

    const now = this.options.clock.now();
    const listed = await this.listPayments(environmentId, connectionId, day(now - 400 * 86_400_000), day(now + 400 * 86_400_000));
    requestIds.push(...listed.requestIds);
    const payment = listed.rows.find((p) => p.id === paymentId);
    if (!payment) throw new WorkbenchError('not_found', `Finch lists no payment ${paymentId} for this connection.`);
    const year = payment.payDate?.slice(0, 4) ?? '';
    const enrolled = await this.options.reads.enrollments(environmentId, connectionId, benefitId);
    requestIds.push(...enrolled.requestIds);
    // The year's earlier statements matter only to an annual maximum: read them only then (a
    // weekly payroll has fifty of them, and pay statements share one rate-limit bucket).
    const capped = enrolled.people.some((p) => p.annualMaximum !== null);
    const earlier = capped
      ? listed.rows.filter((p) => p.payDate && p.payDate.startsWith(year) && payment.payDate && p.payDate < payment.payDate)
      : [];
    const statements = await this.statements(environmentId, connectionId, [payment.id, ...earlier.map((p) => p.id)], requestIds);
    const enrollments = new Map<string, Enrollment>(
      enrolled.people
        .filter((p) => p.code === null || p.code < 400)
        .map((p) => [
          p.individualId,
          {
            employeeDeduction: p.employeeDeduction as EmployeeDeduction | null,
            companyContribution: p.companyContribution as CompanyContribution | null,
            annualMaximum: p.annualMaximum,
            catchUp: p.catchUp === true,
          },
        ]),
    );
    const refused = this.refusals(environmentId, connectionId, benefitId);
    const ids = input.individualIds ?? [...new Set([...enrollments.keys(), ...refused.keys()])];
    const names = new Map(enrolled.people.map((p) => [p.individualId, p.name]));
    if (ids.some((id) => !names.get(id))) {
      const people = await this.options.reads.people(environmentId, connectionId);
      for (const p of people.people) if (!names.get(p.individualId)) names.set(p.individualId, p.name);
    }
    const catchUpIds = ids.filter((id) => enrollments.get(id)?.catchUp);
    const dobs = await this.birthDates(environmentId, connectionId, catchUpIds, requestIds);

    const target = statements.get(payment.id) ?? new Map<string, PayStatementLike>();
    const payType = [...target.values()].find((s) => typeof s.type === 'string')?.type ?? null;
    const rows = ids.map((individualId) => {
      let yearToDate = 0;
      for (const p of earlier) {
        const s = statements.get(p.id)?.get(individualId);
        if (s) yearToDate += linesFor(benefit, s.employee_deductions).reduce((t, l) => t + (l.amount ?? 0), 0);
      }
      const statement = target.get(individualId) ?? null;
      const person: PersonCase = {
        individualId,
        name: names.get(individualId) ?? null,
        enrollment: enrollments.get(individualId) ?? null,
        refusedBecause: enrollments.has(individualId) ? null : (refused.get(individualId) ?? null),
        statement,
        yearToDate,
        ageAtYearEnd: ageAtYearEnd(dobs.get(individualId), Number(year)),
      };
      return reconcilePerson(benefit, person, (statement?.type ?? payType) === 'off_cycle_payroll');
    });
    const result: Reconciliation = {
      connectionId,
      benefitId,
      benefitDescription: benefit.description,
      benefitType: benefit.type,
      paymentId: payment.id,
      payDate: payment.payDate,
      payType,
      source,
      rows,
      counts: countStatuses(rows),
      requestIds: [...new Set(requestIds)],
      at: now,
    };
    this.options.store.addReconciliation(environmentId, result);
    this.options.connections.recordEvent(
      environmentId,
      connectionId,
      null,
      'deductions_reconciled',
      { benefitId, paymentId: payment.id, counts: result.counts },
      [],
    );
    return result;
  }

  /** Payment ids the app itself wrote through /sandbox/payment (from the connection's timeline). */
  private appWritten(environmentId: string, connectionId: string): Set<string> {
    return new Set(
      this.options.connections
        .timeline(environmentId, connectionId)
        .filter((e) => e.type === 'sandbox_payment_written' && typeof e.detail['paymentId'] === 'string')
        .map((e) => String(e.detail['paymentId'])),
    );
  }

  /** The latest per-person error of this benefit's enroll jobs: why someone was never enrolled. */
  private refusals(environmentId: string, connectionId: string, benefitId: string): Map<string, string> {
    const reasons = new Map<string, string>();
    const jobs = this.options.store.jobs(environmentId, connectionId).filter((j) => j.kind === 'enroll' && j.benefitId === benefitId);
    for (const job of [...jobs].reverse()) {
      for (const item of job.items) {
        if (item.code !== null && item.code >= 400) reasons.set(item.individualId, item.message ?? item.finchCode ?? `code ${item.code}`);
        else reasons.delete(item.individualId);
      }
    }
    return reasons;
  }

  private async listPayments(environmentId: string, connectionId: string, start: string, end: string) {
    const result = await this.options.lifecycle.read(environmentId, connectionId, (client) =>
      client.hris.payments.list({ start_date: start, end_date: end }),
    );
    const body = rawBody(result.data);
    const rows: PaymentRow[] = (Array.isArray(body) ? (body as Json[]) : []).map((p) => ({
      id: String(p['id'] ?? ''),
      payDate: typeof p['pay_date'] === 'string' ? p['pay_date'] : null,
      // A payment has no type of its own in Finch; its pay statements say regular or off-cycle.
      payType: null,
      people: Array.isArray(p['individual_ids']) ? p['individual_ids'].length : null,
    }));
    return { rows, requestIds: result.requestId ? [result.requestId] : [] };
  }

  /** payment id → individual id → pay statement; 10 payments per call, as the spec allows. */
  private async statements(environmentId: string, connectionId: string, paymentIds: string[], requestIds: string[]) {
    const out = new Map<string, Map<string, PayStatementLike>>();
    for (let i = 0; i < paymentIds.length; i += PAYMENTS_PER_CALL) {
      const requests = paymentIds.slice(i, i + PAYMENTS_PER_CALL).map((payment_id) => ({ payment_id, limit: 5000 }));
      const result = await this.options.lifecycle.read(environmentId, connectionId, (client) =>
        client.hris.payStatements.retrieveMany({ requests }),
      );
      if (result.requestId) requestIds.push(result.requestId);
      const responses = ((rawBody(result.data) as { responses?: Json[] } | null)?.responses ?? []) as Json[];
      for (const r of responses) {
        const body = (r['body'] ?? {}) as { pay_statements?: PayStatementLike[] };
        const byPerson = new Map<string, PayStatementLike>();
        for (const s of body.pay_statements ?? []) if (s.individual_id) byPerson.set(s.individual_id, s);
        out.set(String(r['payment_id'] ?? ''), byPerson);
      }
    }
    return out;
  }

  /** Dates of birth, only for people whose catch-up depends on their age. */
  private async birthDates(environmentId: string, connectionId: string, ids: string[], requestIds: string[]) {
    const dobs = new Map<string, string>();
    for (let i = 0; i < ids.length; i += INDIVIDUALS_PER_CALL) {
      const requests = ids.slice(i, i + INDIVIDUALS_PER_CALL).map((individual_id) => ({ individual_id }));
      const result = await this.options.lifecycle.read(environmentId, connectionId, (client) =>
        client.hris.individuals.retrieveMany({ requests }),
      );
      if (result.requestId) requestIds.push(result.requestId);
      const responses = ((rawBody(result.data) as { responses?: Json[] } | null)?.responses ?? []) as Json[];
      for (const r of responses) {
        const dob = (r['body'] as { dob?: unknown } | null)?.dob;
        if (typeof dob === 'string') dobs.set(String(r['individual_id'] ?? ''), dob);
      }
    }
    return dobs;
  }
}
