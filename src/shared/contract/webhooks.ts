/** The webhook lab: receiver, secret, forwarding, replay, triggers, pasted payloads. Part of THE IPC contract (./index.ts assembles it). */
import { z } from 'zod';
import {
  DeliveryViewSchema,
  ForwardModeSchema,
  ForwardRecordSchema,
  ForwardUrlSchema,
  TamperSchema,
  UnverifiedForwardSchema,
  WebhookEventDetailSchema,
  WebhookEventSummarySchema,
  WebhookEventTypeSchema,
  WebhookSecretChangeSchema,
  WebhookSecretSchema,
  WebhookStateSchema,
} from '../domain/webhooks';
import { channel, event } from '../ipc/contract-kit';
import { Id, NoInput } from './common';

export const webhooksChannels = {
  webhooks: {
    state: channel({
      input: NoInput,
      output: WebhookStateSchema,
      summary: 'Receiver address, secret status and forwarding of the active environment',
    }),
    startReceiver: channel({
      input: z.object({ port: z.number().int().min(1024).max(65_535).optional() }).strict(),
      output: WebhookSecretChangeSchema,
      summary:
        'Listen on 127.0.0.1 (the port given, or a free one); the Local simulator then posts its events here (a secret it generates for them is revealed once: revealId)',
    }),
    stopReceiver: channel({ input: NoInput, output: WebhookStateSchema, summary: 'Stop listening' }),
    setSecret: channel({
      input: z.object({ secret: WebhookSecretSchema }).strict(),
      output: WebhookStateSchema,
      summary: 'Store the active environment’s webhook secret in the vault (never sent back)',
    }),
    generateSecret: channel({
      input: NoInput,
      output: WebhookSecretChangeSchema,
      summary:
        'Local simulator: a new random webhook secret, kept in the vault; revealId shows it once through the export gate (files.prepareExport, one-time-secret)',
    }),
    clearSecret: channel({
      input: NoInput,
      output: WebhookSecretChangeSchema,
      summary: 'Forget the active environment’s webhook secret (the listening Local simulator gets a new one, revealed once)',
    }),
    setForwarding: channel({
      input: z
        .object({
          url: ForwardUrlSchema.nullable(),
          mode: ForwardModeSchema,
          auto: z.boolean(),
          unverified: UnverifiedForwardSchema.optional(),
        })
        .strict(),
      output: WebhookStateSchema,
      summary:
        'Your dev server’s URL, re-signed or byte-for-byte, whether every received event goes there, and whether events that fail verification go unchanged or not at all (kept when left out)',
    }),
    list: channel({
      input: z.object({ limit: z.number().int().min(1).max(500).optional(), beforeId: z.number().int().positive().optional() }).strict(),
      output: z.array(WebhookEventSummarySchema),
      summary: 'Received and pasted events of the active environment, newest first',
    }),
    get: channel({
      input: z.object({ id: z.number().int().positive() }).strict(),
      output: WebhookEventDetailSchema,
      summary: 'One event: headers, body, every check, forwards',
    }),
    forward: channel({
      input: z.object({ id: z.number().int().positive(), mode: ForwardModeSchema }).strict(),
      output: ForwardRecordSchema,
      summary: 'Send a stored event to the dev server now (never re-signed if it failed verification); records its status code and latency',
    }),
    replay: channel({
      input: z.object({ id: z.number().int().positive(), mode: ForwardModeSchema }).strict(),
      output: WebhookEventSummarySchema,
      summary: 'Deliver a stored event to the receiver again (old signature, or re-signed now if it passed verification); a new event',
    }),
    preview: channel({
      input: z.object({ connectionId: Id, eventType: WebhookEventTypeSchema }).strict(),
      output: z.object({ body: z.string() }),
      summary: 'Local simulator: the payload it would send for this event type and connection',
    }),
    trigger: channel({
      input: z
        .object({
          connectionId: Id,
          eventType: WebhookEventTypeSchema,
          body: z.string().max(100_000).optional(),
          tamper: TamperSchema.optional(),
        })
        .strict(),
      output: z.object({ eventId: z.string(), deliveries: z.number() }),
      summary: 'Local simulator: send this event now, signed (or deliberately tampered), to the receiver',
    }),
    deliveries: channel({
      input: NoInput,
      output: z.array(DeliveryViewSchema),
      summary: 'Local simulator: its delivery log, attempts and retries, newest first',
    }),
    verifyPasted: channel({
      input: z.object({ headers: z.string().max(20_000), body: z.string().max(1_000_000) }).strict(),
      output: WebhookEventDetailSchema,
      summary: 'Check a payload and headers you paste with the stored secret; explains each failure',
    }),
    received: event({ payload: WebhookEventSummarySchema, summary: 'An event was received, pasted or forwarded (new or updated row)' }),
  },
} as const;
