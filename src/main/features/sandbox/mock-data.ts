/**
 * Mock-data editing for Finch Sandbox connections, through the spec's `/sandbox/*` paths only
 * (so the same code works on the local simulator and on a real Finch Sandbox): company,
 * new people, an individual or employment record, a payment with pay statements; the
 * connection's status; the outcome of the next sync job. Bodies are checked against Finch's
 * request schemas first (field-level errors); after a write a sync job runs by default,
 * because Finch shows sandbox edits to reads only once a sync has completed.
 */
import type Finch from '@tryfinch/finch-api';
import type { SandboxWriteInput, SandboxWriteResult } from '@shared/domain/sandbox';
import type { CONNECTION_STATUSES, JOB_COMPLETIONS } from '@shared/domain/sandbox';
import type { ConnectionLifecycle } from '@main/platform/workspace/connection-lifecycle';
import type { ConnectionService } from '@main/platform/workspace/connection-service';
import { requireSandboxEnvironment } from '@main/platform/workspace/environment-rules';
import type { EnvironmentService } from '@main/platform/workspace/environment-service';
import { WorkbenchError } from '@main/platform/errors';
import type { OperationRegistry } from '@main/platform/operations/operations';
import type { SyncJobs } from './sync-job';
import { assertSandboxWrite } from './write-validation';

export interface MockDataOptions {
  environments: EnvironmentService;
  connections: ConnectionService;
  lifecycle: ConnectionLifecycle;
  syncJobs: SyncJobs;
  operations: OperationRegistry;
}

type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];
type JobCompletion = (typeof JOB_COMPLETIONS)[number];
type Body = Record<string, unknown>;

const LABEL: Record<SandboxWriteInput['write'], string> = {
  company: 'Company update',
  directory: 'New people',
  individual: 'Individual update',
  employment: 'Employment update',
  payment: 'New payment',
};

export class MockData {
  constructor(private readonly options: MockDataOptions) {}

  async write(environmentId: string, input: SandboxWriteInput): Promise<SandboxWriteResult> {
    this.requireSandbox(environmentId, 'Mock data can be edited');
    const body = assertSandboxWrite(input.write, input.body);
    if ((input.write === 'individual' || input.write === 'employment') && !input.individualId) {
      throw new WorkbenchError('validation', 'Choose the person to edit.', { fields: [{ path: 'individualId', message: 'is required' }] });
    }
    const call = (client: Finch) => {
      // The bodies were checked against Finch's schema above; the SDK's types say the same.
      switch (input.write) {
        case 'company':
          return client.sandbox.company.update(body as never);
        case 'directory':
          return client.sandbox.directory.create({ body: body as never });
        case 'individual':
          return client.sandbox.individual.update(input.individualId!, body as Body as never);
        case 'employment':
          return client.sandbox.employment.update(input.individualId!, body as Body as never);
        case 'payment':
          return client.sandbox.payment.create(body as never);
      }
    };
    const written = await this.options.lifecycle.read<unknown>(
      environmentId,
      input.connectionId,
      call as (client: Finch) => { withResponse(): Promise<{ data: unknown; response: Response }> },
    );
    if (input.write === 'payment') {
      // Remembered so a deduction reconciliation never checks a payment against the app's own input.
      const paymentId = (written.data as { payment_id?: unknown } | null)?.payment_id;
      this.options.connections.recordEvent(
        environmentId,
        input.connectionId,
        null,
        'sandbox_payment_written',
        { paymentId: typeof paymentId === 'string' ? paymentId : null },
        [written.requestId],
      );
    }
    let job: SandboxWriteResult['job'] = null;
    let warning: string | null = null;
    if (input.sync !== false) {
      job = await this.options.operations.start(
        `${LABEL[input.write]}: sync`,
        (op) => this.options.syncJobs.run(environmentId, input.connectionId, op),
        input.operationId,
      );
      if (job.status !== 'complete') {
        warning = `The change was saved, but the sync job ended “${job.status}”, so reads will not show it yet. Check the job configuration (it may be set to fail on purpose) and run a sync again.`;
      }
    }
    return { write: input.write, data: written.data, requestId: written.requestId, job, warning };
  }

  /** PUT /sandbox/connections/accounts: Finch's answers change at once; the app's view follows. */
  async setStatus(environmentId: string, connectionId: string, status: ConnectionStatus) {
    this.requireSandbox(environmentId, 'A connection status can be forced');
    const result = await this.options.lifecycle.read(environmentId, connectionId, (client) =>
      client.sandbox.connections.accounts.update({ connection_status: status }),
    );
    this.options.connections.setStatus(environmentId, connectionId, status, 'sandbox_status_forced', [result.requestId]);
    return this.options.connections.get(environmentId, connectionId);
  }

  async jobConfiguration(environmentId: string, connectionId: string) {
    this.requireSandbox(environmentId, 'Sandbox jobs can be configured');
    const result = await this.options.lifecycle.read(environmentId, connectionId, (client) => client.sandbox.jobs.configuration.retrieve());
    const config = (result.data as unknown as { type?: string; completion_status?: JobCompletion }[]).find(
      (c) => c.type === 'data_sync_all',
    );
    return { completionStatus: config?.completion_status ?? 'complete', requestId: result.requestId };
  }

  async setJobConfiguration(environmentId: string, connectionId: string, completionStatus: JobCompletion) {
    this.requireSandbox(environmentId, 'Sandbox jobs can be configured');
    const result = await this.options.lifecycle.read(environmentId, connectionId, (client) =>
      client.sandbox.jobs.configuration.update({ type: 'data_sync_all', completion_status: completionStatus }),
    );
    return { completionStatus: result.data.completion_status as JobCompletion, requestId: result.requestId };
  }

  async runSyncJob(environmentId: string, connectionId: string, operationId?: string) {
    this.requireSandbox(environmentId, 'Sandbox sync jobs can be enqueued');
    return this.options.operations.start('Sync job', (op) => this.options.syncJobs.run(environmentId, connectionId, op), operationId);
  }

  private requireSandbox(environmentId: string, act: string): void {
    requireSandboxEnvironment(this.options.environments.get(environmentId), act);
  }
}
