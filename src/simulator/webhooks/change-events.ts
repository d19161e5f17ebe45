/**
 * Which webhook events a state change means, where Finch would send them. Sandbox edits are
 * not visible until a sync job picks them up, so their events (`individual.updated`, …) go
 * out when that job completes, together with `job.data_sync_all.completed`; a status change
 * is `account.updated`; a new connection's first sync is the two `job.initial_data_sync_*`
 * events.
 */
import type { ConnectionRecord, EditRecord, JobRecord } from '../model/types';
import type { WebhookEventType } from './event-types';

export interface PlannedEvent {
  type: WebhookEventType;
  data: unknown;
}

/** Directory rows carry names, manager, department and is_active: edits to those change the directory too. */
const DIRECTORY_FIELDS = new Set(['first_name', 'middle_name', 'last_name', 'manager', 'department', 'is_active']);

function touchesDirectory(data: unknown): boolean {
  return typeof data === 'object' && data !== null && Object.keys(data).some((key) => DIRECTORY_FIELDS.has(key));
}

interface PaymentEdit {
  id: string;
  payDate: string;
  statements: { individual_id: string }[];
}

/** Events for the sandbox edits a successful sync made visible, in the order they were made. */
export function editEvents(edits: readonly EditRecord[]): PlannedEvent[] {
  const events: PlannedEvent[] = [];
  let companyUpdated = false;
  for (const edit of edits) {
    const id = edit.targetId ?? '';
    switch (edit.kind) {
      case 'company':
        // One company.updated per sync, however many edits it carries.
        if (!companyUpdated) events.push({ type: 'company.updated', data: null });
        companyUpdated = true;
        break;
      case 'individual':
      case 'employment':
        events.push({ type: `${edit.kind}.updated`, data: { individual_id: id } });
        if (touchesDirectory(edit.data)) events.push({ type: 'directory.updated', data: { individual_id: id } });
        break;
      case 'add_person':
        events.push({ type: 'directory.created', data: { individual_id: id } });
        events.push({ type: 'individual.created', data: { individual_id: id } });
        events.push({ type: 'employment.created', data: { individual_id: id } });
        break;
      case 'payment': {
        const payment = edit.data as PaymentEdit;
        events.push({ type: 'payment.created', data: { payment_id: payment.id, pay_date: payment.payDate } });
        for (const individualId of new Set(payment.statements.map((s) => s.individual_id))) {
          events.push({ type: 'pay_statement.created', data: { payment_id: payment.id, individual_id: individualId } });
        }
        break;
      }
      default:
        // Benefit edits are live and announced by their job's completion event.
        break;
    }
  }
  return events;
}

export function accountUpdated(connection: ConnectionRecord): PlannedEvent {
  return { type: 'account.updated', data: { status: connection.status, authentication_method: { type: connection.authenticationType } } };
}

export function jobData(baseUrl: string, job: { id: string; kind: JobRecord['kind'] }): { job_id: string; job_url: string } {
  return { job_id: job.id, job_url: `${baseUrl}/jobs/${job.kind === 'manual' ? 'manual' : 'automated'}/${job.id}` };
}

export function initialSyncEvents(
  baseUrl: string,
  job: { id: string; kind: JobRecord['kind'] },
  products: readonly string[],
): PlannedEvent[] {
  const data = jobData(baseUrl, job);
  const events: PlannedEvent[] = [{ type: 'job.initial_data_sync_org.succeeded', data }];
  if (products.some((p) => p === 'payment' || p === 'pay_statement'))
    events.push({ type: 'job.initial_data_sync_payroll.succeeded', data });
  return events;
}

/** What a job's completion announces (its own completion event, and for syncs the data changes). */
export function jobEvents(
  baseUrl: string,
  connection: ConnectionRecord,
  job: JobRecord,
  before: { status: ConnectionRecord['status']; syncedEditSeq: number },
  editsOfCompany: readonly EditRecord[],
  initialSync: JobRecord | null = null,
): PlannedEvent[] {
  const events: PlannedEvent[] = [];
  if (connection.disconnectedAt !== null) return events;
  if (connection.status !== before.status) events.push(accountUpdated(connection));
  if (job.type === 'assisted_setup') {
    if (job.completionStatus === 'complete') events.push(...initialSyncEvents(baseUrl, initialSync ?? job, connection.products));
    return events;
  }
  if (job.type === 'data_sync_all' && connection.syncedEditSeq > before.syncedEditSeq) {
    const synced = editsOfCompany.filter((e) => !e.live && e.seq > before.syncedEditSeq && e.seq <= connection.syncedEditSeq);
    events.push(...editEvents(synced));
  }
  events.push({ type: `job.${job.type}.completed` as WebhookEventType, data: jobData(baseUrl, job) });
  return events;
}
