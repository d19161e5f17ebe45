/**
 * The Webhooks area as the renderer sees it: received events with their verdict, the
 * receiver's address, forwarding to a dev server, triggers. The webhook secret travels
 * renderer→main once (when set) and never back: views carry only `hasSecret`.
 */
import { z } from 'zod';

/** Finch's event types (the `event_type` enums of `WebhookEvent`'s variants in the spec). */
export const WEBHOOK_EVENT_TYPES = [
  'account.updated',
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
export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventTypeSchema>;

/** Deliberate faults the simulator can put in a triggered delivery, to test a handler's rejections. */
export const TAMPERS = ['tampered_body', 'wrong_secret', 'stale_timestamp', 'future_timestamp', 'missing_signature'] as const;
export const TamperSchema = z.enum(TAMPERS);

/**
 * Verdicts where the SDK's own checks (size, headers, timestamp, signature) did not pass.
 * Such an event is never re-signed: that would hand the dev server a tampered or stale body
 * with a valid signature. The later checks (JSON, event type, shape) run on a verified
 * signature, so those events may still be re-signed.
 */
const VERIFICATION_FAILURE_CODES = [
  'too_large',
  'missing_headers',
  'invalid_timestamp',
  'stale_timestamp',
  'future_timestamp',
  'no_secret',
  'invalid_secret',
  'invalid_signature',
] as const;

/** The first failed check names the verdict; `verified` means every check passed. */
export const VERDICT_CODES = ['verified', ...VERIFICATION_FAILURE_CODES, 'not_json', 'unknown_event_type', 'unexpected_shape'] as const;
export const VerdictCodeSchema = z.enum(VERDICT_CODES);
export type VerdictCode = z.infer<typeof VerdictCodeSchema>;

export const CHECK_NAMES = ['size', 'headers', 'timestamp', 'signature', 'json', 'event_type', 'shape'] as const;
export const WebhookCheckSchema = z.object({
  name: z.enum(CHECK_NAMES),
  /** null: not checked, because an earlier check made it meaningless. */
  ok: z.boolean().nullable(),
  message: z.string(),
});
export type WebhookCheck = z.infer<typeof WebhookCheckSchema>;

export const ForwardModeSchema = z.enum(['resigned', 'exact']);
export type ForwardMode = z.infer<typeof ForwardModeSchema>;

const VERIFICATION_FAILURES: ReadonlySet<VerdictCode> = new Set<VerdictCode>(VERIFICATION_FAILURE_CODES);
export function failsVerification(verdict: VerdictCode): boolean {
  return VERIFICATION_FAILURES.has(verdict);
}

/** What a forward or replay does with an event that failed verification: the user's choice. */
export const UnverifiedForwardSchema = z.enum(['forward_unchanged', 'dont_forward']);
export type UnverifiedForward = z.infer<typeof UnverifiedForwardSchema>;

export const ForwardRecordSchema = z.object({
  id: z.number(),
  at: z.number(),
  url: z.string(),
  /** How it was sent (or would have been, when not sent). */
  mode: ForwardModeSchema,
  /**
   * null: the event passed verification and went as asked. Otherwise it failed verification
   * and was sent byte for byte whatever mode was asked, or not sent at all.
   */
  failedVerification: z.enum(['forwarded_unchanged', 'not_forwarded']).nullable(),
  status: z.number().nullable(),
  durationMs: z.number(),
  error: z.string().nullable(),
  responseExcerpt: z.string().nullable(),
});
export type ForwardRecord = z.infer<typeof ForwardRecordSchema>;

export const WebhookEventSummarySchema = z.object({
  id: z.number(),
  environmentId: z.string(),
  receivedAt: z.number(),
  source: z.enum(['receiver', 'pasted']),
  eventId: z.string().nullable(),
  eventType: z.string().nullable(),
  connectionId: z.string().nullable(),
  /** The connection's customer name when this environment knows the connection. */
  connectionLabel: z.string().nullable(),
  verdict: VerdictCodeSchema,
  verdictMessage: z.string(),
  bodyBytes: z.number(),
  lastForward: ForwardRecordSchema.nullable(),
});
export type WebhookEventSummary = z.infer<typeof WebhookEventSummarySchema>;

export const WebhookEventDetailSchema = WebhookEventSummarySchema.extend({
  headers: z.array(z.tuple([z.string(), z.string()])),
  /** The stored body as text (capped; see bodyTruncated). */
  body: z.string(),
  bodyTruncated: z.boolean(),
  checks: z.array(WebhookCheckSchema),
  forwards: z.array(ForwardRecordSchema),
});
export type WebhookEventDetail = z.infer<typeof WebhookEventDetailSchema>;

export const WebhookStateSchema = z.object({
  environmentId: z.string(),
  environmentName: z.string(),
  /** Local simulator: events come from the built-in simulator and can be triggered here. */
  simulator: z.boolean(),
  hasSecret: z.boolean(),
  /** The secret's last 4 characters, so the user can tell which one is set (never more of it). */
  secretHint: z.string().nullable(),
  /** Secrets are encrypted by the OS keyring (persistent) or held in memory for this session only. */
  secretStorage: z.enum(['persistent', 'session-only']),
  receiver: z.object({
    listening: z.boolean(),
    port: z.number().nullable(),
    /** The URL to give a sender for this environment (null while not listening). */
    url: z.string().nullable(),
    error: z.string().nullable(),
  }),
  /** The simulator sends this environment's events to the receiver. */
  simulatorRegistered: z.boolean(),
  forwarding: z.object({ url: z.string().nullable(), mode: ForwardModeSchema, auto: z.boolean(), unverified: UnverifiedForwardSchema }),
});
export type WebhookState = z.infer<typeof WebhookStateSchema>;

/**
 * The reply of the acts that may generate a secret (Generate, starting the receiver, forgetting
 * the Local simulator's while it listens). `revealId` is set when one was generated: the export
 * gate trades it, once, for the secret to show and copy (main/files/one-time-secrets.ts). The
 * secret itself is never in this reply.
 */
export const WebhookSecretChangeSchema = WebhookStateSchema.extend({ revealId: z.string().nullable() });
export type WebhookSecretChange = z.infer<typeof WebhookSecretChangeSchema>;

/** Finch secrets are base64; the SDK refuses anything else, so the form does too. */
export const WebhookSecretSchema = z
  .string()
  .trim()
  .min(16, 'looks too short for a webhook secret')
  .max(512)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64, exactly as Finch shows it (no prefix, no spaces)');

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** Where events are forwarded: https anywhere, plain http only on this machine; no credentials in the URL. */
export const ForwardUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine((value) => {
    try {
      const url = new URL(value);
      if (url.username || url.password) return false;
      return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
    } catch {
      return false;
    }
  }, 'must be an http://localhost… (or 127.0.0.1) URL, or https://');

export const DeliveryViewSchema = z.object({
  deliveryId: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  connectionId: z.string(),
  url: z.string(),
  createdAt: z.string(),
  state: z.enum(['pending', 'succeeded', 'failed']),
  tamper: z.string().nullable(),
  attempts: z.array(z.object({ at: z.string(), statusCode: z.number().nullable(), error: z.string().nullable(), durationMs: z.number() })),
  nextAttemptAt: z.string().nullable(),
});
export type DeliveryView = z.infer<typeof DeliveryViewSchema>;

export const VERDICT_LABELS: Record<VerdictCode, string> = {
  verified: 'Verified',
  too_large: 'Too large',
  missing_headers: 'Missing headers',
  invalid_timestamp: 'Bad timestamp',
  stale_timestamp: 'Stale timestamp',
  future_timestamp: 'Future timestamp',
  no_secret: 'No secret stored',
  invalid_secret: 'Stored secret unusable',
  invalid_signature: 'Invalid signature',
  not_json: 'Not JSON',
  unknown_event_type: 'Unknown event type',
  unexpected_shape: 'Unexpected shape',
};
