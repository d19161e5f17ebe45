/**
 * Finch's webhook event types (the `event_type` enums of `WebhookEvent`'s variants in the
 * OpenAPI spec) and the payloads the simulator sends for them. A payload is the spec's
 * `BaseWebhookEvent` (company_id, account_id, connection_id, entity_id) plus `event_type`
 * and a `data` shaped by the variant.
 */
import type { ConnectionRecord } from '../model/types';

export const DATA_EVENT_TYPES = [
  'company.updated',
  'directory.created',
  'directory.updated',
  'directory.deleted',
  'individual.created',
  'individual.updated',
  'individual.deleted',
  'employment.created',
  'employment.updated',
  'employment.deleted',
  'payment.created',
  'payment.updated',
  'payment.deleted',
  'pay_statement.created',
  'pay_statement.updated',
  'pay_statement.deleted',
] as const;

export const JOB_EVENT_TYPES = [
  'job.benefit_create.completed',
  'job.benefit_enroll.completed',
  'job.benefit_register.completed',
  'job.benefit_unenroll.completed',
  'job.benefit_update.completed',
  'job.data_sync_all.completed',
  'job.w4_form_employee_sync.completed',
  'job.initial_data_sync_org.succeeded',
  'job.initial_data_sync_payroll.succeeded',
] as const;

export const WEBHOOK_EVENT_TYPES = ['account.updated', ...DATA_EVENT_TYPES, ...JOB_EVENT_TYPES] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export function isWebhookEventType(value: unknown): value is WebhookEventType {
  return typeof value === 'string' && (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

/** The part of every event that names the connection (BaseWebhookEvent). */
export function eventEnvelope(connection: ConnectionRecord, eventType: WebhookEventType, data: unknown): Record<string, unknown> {
  return {
    company_id: connection.companyId,
    account_id: connection.accountId,
    connection_id: connection.id,
    entity_id: connection.entities[0]?.id ?? connection.companyId,
    event_type: eventType,
    data,
  };
}
