/** Logged attempts and rate-limit meter readings, as they cross IPC. */
import { z } from 'zod';

export const OutcomeSchema = z.enum([
  'ok',
  'accepted',
  'batch_partial_failure',
  'reauth_required',
  'rate_limited',
  'client_error',
  'provider_error',
  'server_error',
  'network',
]);

/** Whose call a row records: the workbench's own, or the user's backend through the Integration lab's proxy. */
export const REQUEST_SOURCES = ['workbench', 'your_app'] as const;
export const RequestSourceSchema = z.enum(REQUEST_SOURCES);
export type RequestSource = z.infer<typeof RequestSourceSchema>;

export const RequestLogEntrySchema = z.object({
  id: z.number(),
  callId: z.string(),
  time: z.number(),
  environmentId: z.string(),
  connectionId: z.string().nullable(),
  method: z.string(),
  path: z.string(),
  product: z.string().nullable(),
  status: z.number().nullable(),
  durationMs: z.number(),
  attempt: z.number(),
  requestId: z.string().nullable(),
  outcome: OutcomeSchema,
  errorName: z.string().nullable(),
  finchCode: z.string().nullable(),
  message: z.string().nullable(),
  retryAfterMs: z.number().nullable(),
  dataRetrieved: z.string().nullable(),
  lastUpdateDate: z.string().nullable(),
  lastUpdateResult: z.string().nullable(),
  source: RequestSourceSchema,
  /** Your app's calls: the application (client_id) that called, when it said. */
  clientId: z.string().nullable(),
  /** Your app's calls: keyed fingerprint of the bearer token (which connection), never the token. */
  connectionKey: z.string().nullable(),
  /** Your app's calls: sent by a browser (Origin header or CORS preflight). */
  fromBrowser: z.boolean(),
  /** Your app's calls: the Integration lab scenario rule that shaped the answer. */
  injectedBy: z.string().nullable(),
});
export type RequestLogEntryView = z.infer<typeof RequestLogEntrySchema>;

/** Ids and names as they occur in Finch: printable, no control characters. */
const Token = z
  .string()
  .max(200)
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');

export const RequestLogQuerySchema = z
  .object({
    environmentId: Token.optional(),
    connectionId: Token.optional(),
    statusClass: z.enum(['2xx', '4xx', '5xx', 'network']).optional(),
    product: Token.optional(),
    outcome: OutcomeSchema.optional(),
    source: RequestSourceSchema.optional(),
    from: z.number().int().nonnegative().optional(),
    to: z.number().int().nonnegative().optional(),
    text: z
      .string()
      .max(500)
      .regex(/^[^\u0000]*$/, 'must not contain NUL characters')
      .optional(),
    beforeId: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(5000).optional(),
  })
  .strict();

export const MeterReadingSchema = z.object({
  clientId: z.string(),
  product: z.string(),
  used: z.number(),
  limit: z.number(),
  queued: z.number(),
  blockedUntil: z.number().nullable(),
});
export type MeterReadingView = z.infer<typeof MeterReadingSchema>;

/** One line a Finch support engineer can act on. */
export function supportLine(entry: RequestLogEntryView, environmentName: string): string {
  const status = entry.status === null ? 'no response' : String(entry.status);
  const code = entry.finchCode ?? entry.errorName;
  return [
    new Date(entry.time).toISOString(),
    `${entry.method} ${entry.path}`,
    `→ ${status}${code ? ` ${code}` : ''}`,
    `Finch-Request-ID: ${entry.requestId ?? 'none'}`,
    `attempt ${entry.attempt}`,
    entry.connectionId ? `connection ${entry.connectionId}` : null,
    `environment ${environmentName}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Paths Finch authenticates with the application's client_id/secret (Basic), not a token. */
const BASIC_AUTH_PATHS = [/^\/connect\/sessions/, /^\/sandbox\/connections\/?$/, /^\/auth\/token/];

/**
 * A logged attempt as a cURL command to re-run it. Credentials are never in it: they come from
 * environment variables ($FINCH_ACCESS_TOKEN, or $FINCH_CLIENT_ID/$FINCH_CLIENT_SECRET), and
 * the base URL defaults to Finch's unless $FINCH_BASE_URL says otherwise. Bodies are not
 * logged, so a write reads its body from body.json.
 */
export function curlFor(entry: RequestLogEntryView): string {
  const path = entry.path.split('?')[0] ?? entry.path;
  const basic = BASIC_AUTH_PATHS.some((p) => p.test(path));
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  const lines = [
    `curl -X ${entry.method} "\${FINCH_BASE_URL:-https://api.tryfinch.com}"${quote(entry.path)}`,
    basic ? `-u "$FINCH_CLIENT_ID:$FINCH_CLIENT_SECRET"` : `-H "Authorization: Bearer $FINCH_ACCESS_TOKEN"`,
    `-H 'Finch-API-Version: 2020-09-17'`,
  ];
  if (entry.method !== 'GET' && entry.method !== 'DELETE')
    lines.push(`-H 'Content-Type: application/json'`, `--data @body.json  # the request body is not logged`);
  return `# Finch-Request-ID of the logged attempt: ${entry.requestId ?? 'none'}\n${lines.join(' \\\n  ')}`;
}
