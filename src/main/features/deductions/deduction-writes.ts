/**
 * The write half of Finch: create, update and register company benefits; enroll and unenroll
 * people. Every write is a destructive act on the employer's payroll: outside Sandbox it needs
 * the customer's name typed (Production must also be armed: the IPC guard refuses it disarmed),
 * and every write is recorded on the connection's timeline. Each answer's job is handed to the
 * follower, which tracks it to its end.
 */
import type Finch from '@tryfinch/finch-api';
import type {
  CreateBenefitInput,
  EnrollInput,
  EnrollmentConfiguration,
  RegisterBenefitInput,
  UnenrollInput,
  UpdateBenefitInput,
} from '@shared/domain/deductions';
import { ENROLL_BATCH } from '@shared/domain/deductions';
import type { DeductionJobKind, DeductionWriteResult } from '@shared/domain/deduction-jobs';
import { WorkbenchError } from '@main/platform/errors';
import type { WithResponse } from '@main/platform/finch/gateway';
import type { ConnectionLifecycle } from '@main/platform/workspace/connection-lifecycle';
import type { ConnectionService } from '@main/platform/workspace/connection-service';
import type { EnvironmentService } from '@main/platform/workspace/environment-service';
import type { JobFollower } from './job-follower';

type EnrollBody = NonNullable<Parameters<Finch['hris']['benefits']['individuals']['enrollMany']>[1]>['individuals'];

/** The app's camelCase configuration as Finch's request body. */
export function toFinchConfiguration(c: EnrollmentConfiguration): NonNullable<NonNullable<EnrollBody>[number]['configuration']> {
  return {
    ...(c.employeeDeduction ? { employee_deduction: c.employeeDeduction } : {}),
    ...(c.companyContribution ? { company_contribution: c.companyContribution } : {}),
    ...(c.annualMaximum !== undefined ? { annual_maximum: c.annualMaximum } : {}),
    ...(c.catchUp !== undefined ? { catch_up: c.catchUp } : {}),
    ...(c.annualContributionLimit ? { annual_contribution_limit: c.annualContributionLimit } : {}),
    ...(c.effectiveDate ? { effective_date: c.effectiveDate } : {}),
  };
}

const people = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'person' : 'people'}`;

export class DeductionWrites {
  constructor(
    private readonly options: {
      environments: EnvironmentService;
      connections: ConnectionService;
      lifecycle: ConnectionLifecycle;
      follower: JobFollower;
    },
  ) {}

  async createBenefit(environmentId: string, input: CreateBenefitInput): Promise<DeductionWriteResult> {
    this.confirm(environmentId, input.connectionId, input.confirmName, 'create a company benefit');
    const result = await this.call(environmentId, input.connectionId, 'benefit_create', (client) =>
      client.hris.benefits.create({
        ...(input.type !== undefined ? { type: input.type } : {}),
        description: input.description,
        ...(input.frequency !== undefined ? { frequency: input.frequency } : {}),
        ...(input.companyContribution !== undefined ? { company_contribution: input.companyContribution } : {}),
      }),
    );
    return this.started(
      environmentId,
      input.connectionId,
      'benefit_create',
      result,
      `Create “${input.description}” (${input.type ?? 'no type'})`,
      [],
    );
  }

  async registerBenefit(environmentId: string, input: RegisterBenefitInput): Promise<DeductionWriteResult> {
    this.confirm(environmentId, input.connectionId, input.confirmName, 'register an existing benefit');
    const result = await this.call(environmentId, input.connectionId, 'benefit_register', (client) =>
      client.hris.benefits.register({
        ...(input.type !== undefined ? { type: input.type } : {}),
        description: input.description,
        ...(input.frequency !== undefined ? { frequency: input.frequency } : {}),
      }),
    );
    return this.started(environmentId, input.connectionId, 'benefit_register', result, `Register “${input.description}”`, []);
  }

  async updateBenefit(environmentId: string, input: UpdateBenefitInput): Promise<DeductionWriteResult> {
    this.confirm(environmentId, input.connectionId, input.confirmName, 'update a company benefit');
    const result = await this.call(environmentId, input.connectionId, 'benefit_update', (client) =>
      client.hris.benefits.update(input.benefitId, { description: input.description }),
    );
    return this.started(
      environmentId,
      input.connectionId,
      'benefit_update',
      { ...result, data: { benefit_id: input.benefitId, ...(result.data as object) } },
      `Rename the benefit to “${input.description}”`,
      [],
    );
  }

  /** Enrolls in batches of ENROLL_BATCH: one Finch job per batch, all followed. */
  async enroll(environmentId: string, input: EnrollInput): Promise<DeductionWriteResult> {
    this.confirm(environmentId, input.connectionId, input.confirmName, `enroll ${people(input.people.length)}`);
    const out: DeductionWriteResult = { benefitId: input.benefitId, jobs: [], requestIds: [] };
    for (let start = 0; start < input.people.length; start += ENROLL_BATCH) {
      const batch = input.people.slice(start, start + ENROLL_BATCH);
      const result = await this.call(environmentId, input.connectionId, 'enroll', (client) =>
        client.hris.benefits.individuals.enrollMany(input.benefitId, {
          individuals: batch.map((p) => ({ individual_id: p.individualId, configuration: toFinchConfiguration(p.configuration) })),
        }),
      );
      const batches = Math.ceil(input.people.length / ENROLL_BATCH);
      const title = `Enroll ${people(batch.length)}${batches > 1 ? ` (batch ${start / ENROLL_BATCH + 1} of ${batches})` : ''}`;
      const part = this.started(
        environmentId,
        input.connectionId,
        'enroll',
        { ...result, data: { benefit_id: input.benefitId, ...(result.data as object) } },
        title,
        batch.map((p) => p.individualId),
      );
      out.jobs.push(...part.jobs);
      out.requestIds.push(...part.requestIds);
    }
    return out;
  }

  async unenroll(environmentId: string, input: UnenrollInput): Promise<DeductionWriteResult> {
    this.confirm(environmentId, input.connectionId, input.confirmName, `unenroll ${people(input.individualIds.length)}`);
    const result = await this.call(environmentId, input.connectionId, 'unenroll', (client) =>
      client.hris.benefits.individuals.unenrollMany(input.benefitId, { individual_ids: input.individualIds }),
    );
    return this.started(
      environmentId,
      input.connectionId,
      'unenroll',
      { ...result, data: { benefit_id: input.benefitId, ...(result.data as object) } },
      `Unenroll ${people(input.individualIds.length)}`,
      input.individualIds,
    );
  }

  /** Outside Sandbox, a write to an employer's payroll needs the customer's name typed, as a disconnect does. */
  private confirm(environmentId: string, connectionId: string, typed: string | undefined, act: string): void {
    const env = this.options.environments.get(environmentId);
    const connection = this.options.connections.get(environmentId, connectionId);
    if (connection.disconnectedAt !== null)
      throw new WorkbenchError('conflict', 'This connection is disconnected: it cannot be written to.');
    if (env.kind === 'sandbox' || env.kind === 'local-simulator') return;
    const name = connection.customerName ?? connection.id;
    if (typed !== name) {
      throw new WorkbenchError('validation', `Type “${name}” to ${act}: this writes to the employer's real payroll (${env.kind}).`, {
        fields: [{ path: 'confirmName', message: 'does not match the customer name' }],
      });
    }
  }

  private async call(
    environmentId: string,
    connectionId: string,
    kind: DeductionJobKind,
    fn: (client: Finch) => WithResponse<unknown>,
  ): Promise<{ data: unknown; requestId: string | null }> {
    try {
      const result = await this.options.lifecycle.read(environmentId, connectionId, fn);
      return { data: result.data, requestId: result.requestId };
    } catch (error) {
      const requestId = (error as { details?: { requestId?: string } }).details?.requestId ?? null;
      this.options.connections.recordEvent(
        environmentId,
        connectionId,
        null,
        'deduction_write_failed',
        { kind, error: (error as Error).message },
        [requestId],
      );
      throw error;
    }
  }

  private started(
    environmentId: string,
    connectionId: string,
    kind: DeductionJobKind,
    result: { data: unknown; requestId: string | null },
    title: string,
    individualIds: string[],
  ): DeductionWriteResult {
    const data = (result.data ?? {}) as { job_id?: unknown; benefit_id?: unknown };
    const benefitId = typeof data.benefit_id === 'string' ? data.benefit_id : null;
    const requestIds = result.requestId ? [result.requestId] : [];
    const jobId = typeof data.job_id === 'string' ? data.job_id : null;
    this.options.connections.recordEvent(
      environmentId,
      connectionId,
      null,
      'deduction_write',
      { kind, title, benefitId, jobId, people: individualIds.length },
      requestIds,
    );
    if (!jobId) {
      throw new WorkbenchError('finch_error', `Finch accepted the write but answered no job_id to follow (${title}).`, {
        ...(result.requestId ? { requestId: result.requestId } : {}),
      });
    }
    const job = this.options.follower.add(environmentId, {
      jobId,
      connectionId,
      kind,
      benefitId,
      title,
      individualIds,
      writeRequestIds: requestIds,
    });
    return { benefitId, jobs: [job], requestIds };
  }
}
