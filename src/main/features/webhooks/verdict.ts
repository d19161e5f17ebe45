/**
 * Judges one received (or pasted) webhook: every check the SDK makes, in its order
 * (headers, timestamp, signature), then what a handler needs next (JSON, a known event
 * type, the spec's shape). Each check says in words what passed or what went wrong and the
 * likely cause, so a failure explains itself.
 */
import type { VerdictCode, WebhookCheck } from '@shared/domain/webhooks';
import { WEBHOOK_EVENT_TYPES } from '@shared/domain/webhooks';
import { TOLERANCE_SECONDS, computeSignature, isCanonicalBase64, matchesAny, v1Signatures } from './signature';

export interface JudgeInput {
  /** Header names as received; matched case-insensitively. */
  headers: readonly (readonly [string, string])[];
  body: Buffer;
  /** Size of the whole body when it was larger than the receiver reads. */
  oversizedBytes: number | null;
  maxBytes: number;
  secret: string | null;
  environmentName: string;
  nowSeconds: number;
}

export interface Judgement {
  verdict: VerdictCode;
  message: string;
  checks: WebhookCheck[];
  eventId: string | null;
  eventType: string | null;
  connectionId: string | null;
}

export function headerValue(headers: JudgeInput['headers'], name: string): string | null {
  const values = headers.filter(([n]) => n.toLowerCase() === name).map(([, v]) => v);
  return values.length === 0 ? null : values.join(' ');
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} bytes`;
}

function ago(seconds: number): string {
  const abs = Math.abs(seconds);
  return abs >= 120 ? `${Math.round(abs / 60)} minutes` : `${abs} seconds`;
}

/** When the signature fails, try the usual ways a body gets changed in transit, to name the cause. */
function diagnoseBody(secret: string, eventId: string, timestamp: string, body: Buffer, signatures: string[]): string | null {
  const text = body.toString('utf8');
  const variants: [string, string][] = [
    [text.trim(), 'whitespace at the start or end of the body was added or removed'],
    [text.replace(/\r\n/g, '\n'), 'line endings were changed (CRLF)'],
  ];
  try {
    const parsed: unknown = JSON.parse(text);
    variants.push([JSON.stringify(parsed), 'the JSON was re-formatted after signing (the compact form of what arrived matches)']);
    variants.push([
      JSON.stringify(parsed, null, 2),
      'the JSON was re-formatted after signing (the pretty-printed form of what arrived matches)',
    ]);
  } catch {
    // Not JSON: the JSON check says so.
  }
  for (const [variant, cause] of variants) {
    if (variant !== text && matchesAny(computeSignature(secret, eventId, timestamp, variant), signatures)) {
      return `The signature matches a slightly different body: ${cause}. Verify the raw request bytes, before any framework parses them.`;
    }
  }
  return null;
}

const IDENTIFIED_DATA: Record<string, string[]> = {
  directory: ['individual_id'],
  individual: ['individual_id'],
  employment: ['individual_id'],
  pay_statement: ['payment_id', 'individual_id'],
  payment: ['payment_id', 'pay_date'],
  job: ['job_id', 'job_url'],
  account: ['status', 'authentication_method'],
};

/** The spec's BaseWebhookEvent requires company_id and account_id; each variant's data has its ids. */
function shapeProblems(event: Record<string, unknown>, eventType: string): string[] {
  const problems: string[] = [];
  for (const field of ['company_id', 'account_id']) if (typeof event[field] !== 'string') problems.push(`"${field}" (a string) is missing`);
  const family = eventType.split('.')[0] ?? '';
  const required = IDENTIFIED_DATA[family] ?? [];
  const data = event['data'];
  if (required.length > 0) {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) problems.push('"data" must be an object');
    else for (const field of required) if (!(field in data)) problems.push(`"data.${field}" is missing`);
  }
  return problems;
}

export function judge(input: JudgeInput): Judgement {
  const checks: WebhookCheck[] = [];
  const codes = new Map<WebhookCheck, VerdictCode>();
  const fail = (name: WebhookCheck['name'], code: VerdictCode, message: string) => {
    const check: WebhookCheck = { name, ok: false, message };
    codes.set(check, code);
    checks.push(check);
  };
  const skip = (name: WebhookCheck['name'], why: string) => checks.push({ name, ok: null, message: why });
  const eventId: string | null = headerValue(input.headers, 'finch-event-id');
  let eventType: string | null = null;
  let connectionId: string | null = null;

  if (input.oversizedBytes !== null) {
    fail(
      'size',
      'too_large',
      `The body is ${formatBytes(input.oversizedBytes)}; the receiver reads at most ${formatBytes(input.maxBytes)}. Finch events are a few hundred bytes: this did not come from Finch.`,
    );
    for (const name of ['headers', 'timestamp', 'signature', 'json', 'event_type', 'shape'] as const)
      skip(name, 'Not checked: the body was not read.');
    return finish(checks, codes, eventId, null, null);
  }
  checks.push({ name: 'size', ok: true, message: `${formatBytes(input.body.length)}.` });

  const timestampHeader = headerValue(input.headers, 'finch-timestamp');
  const signatureHeader = headerValue(input.headers, 'finch-signature');
  const missing = [
    eventId === null ? 'finch-event-id' : null,
    timestampHeader === null ? 'finch-timestamp' : null,
    signatureHeader === null ? 'finch-signature' : null,
  ].filter((h): h is string => h !== null);
  const legacy = ['webhook-id', 'webhook-timestamp', 'webhook-signature'].filter((h) => headerValue(input.headers, h) !== null);
  if (missing.length > 0) {
    fail(
      'headers',
      'missing_headers',
      `Missing ${missing.join(', ')}.` +
        (legacy.length > 0
          ? ` It carries ${legacy.join(', ')}: the names in older Finch docs. The SDK reads only the finch-* headers.`
          : ' Finch sends finch-event-id, finch-timestamp and finch-signature with every event; a proxy may have dropped them.'),
    );
  } else {
    checks.push({ name: 'headers', ok: true, message: 'finch-event-id, finch-timestamp and finch-signature are present.' });
  }

  // Timestamp, as the SDK reads it: parseInt of the header, seconds, 5 minutes either way.
  if (timestampHeader === null) {
    skip('timestamp', 'Not checked: there is no finch-timestamp header.');
  } else {
    const seconds = Number.parseInt(timestampHeader, 10);
    if (Number.isNaN(seconds)) {
      fail('timestamp', 'invalid_timestamp', `finch-timestamp "${timestampHeader.slice(0, 40)}" is not a number of seconds.`);
    } else if (seconds - input.nowSeconds > TOLERANCE_SECONDS) {
      const ms = seconds > 1e11 ? ' It looks like milliseconds; Finch sends Unix seconds.' : ' Is this machine’s clock behind?';
      fail(
        'timestamp',
        'future_timestamp',
        `The timestamp is ${ago(seconds - input.nowSeconds)} in the future; the SDK allows 5 minutes.${ms}`,
      );
    } else if (input.nowSeconds - seconds > TOLERANCE_SECONDS) {
      fail(
        'timestamp',
        'stale_timestamp',
        `The timestamp is ${ago(input.nowSeconds - seconds)} old; the SDK accepts 5 minutes. A captured event replayed later fails like this unless it is re-signed (or this machine’s clock is ahead).`,
      );
    } else {
      checks.push({ name: 'timestamp', ok: true, message: `Signed ${ago(input.nowSeconds - seconds)} ago (within 5 minutes).` });
    }
  }

  // Signature.
  if (eventId === null || timestampHeader === null || signatureHeader === null) {
    skip('signature', 'Not checked: a header the signature covers is missing.');
  } else if (input.secret === null) {
    fail(
      'signature',
      'no_secret',
      `No webhook secret is stored for “${input.environmentName}”. Add it under Webhooks to verify signatures.`,
    );
  } else if (!isCanonicalBase64(input.secret)) {
    fail(
      'signature',
      'invalid_secret',
      'The stored webhook secret is not base64, so the SDK would refuse it too. Store it exactly as Finch shows it.',
    );
  } else {
    const signatures = v1Signatures(signatureHeader);
    if (signatures.length === 0) {
      fail('signature', 'invalid_signature', 'finch-signature holds no "v1,<base64>" entry: nothing to compare.');
    } else if (matchesAny(computeSignature(input.secret, eventId, timestampHeader, input.body), signatures)) {
      checks.push({ name: 'signature', ok: true, message: `Signed with the secret stored for “${input.environmentName}”.` });
    } else {
      const cause = diagnoseBody(input.secret, eventId, timestampHeader, input.body, signatures);
      fail(
        'signature',
        'invalid_signature',
        cause ??
          `None of the ${signatures.length} signature${signatures.length === 1 ? '' : 's'} match. Either the body or the finch-event-id/finch-timestamp changed after signing, or it was signed with another secret than the one stored for “${input.environmentName}”.`,
      );
    }
  }

  // What a handler does next: parse, dispatch on event_type.
  let event: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = JSON.parse(input.body.toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      event = parsed as Record<string, unknown>;
      checks.push({ name: 'json', ok: true, message: 'A JSON object.' });
    } else {
      fail('json', 'not_json', 'Valid JSON, but not an object: every Finch event is a JSON object.');
    }
  } catch (error) {
    const preview = input.body.subarray(0, 40).toString('utf8').replace(/\s+/g, ' ');
    fail('json', 'not_json', `The body is not JSON (${(error as Error).message}). It starts: “${preview}”.`);
  }
  if (event === null) {
    skip('event_type', 'Not checked: no JSON object.');
    skip('shape', 'Not checked: no JSON object.');
    return finish(checks, codes, eventId, null, null);
  }
  eventType = typeof event['event_type'] === 'string' ? event['event_type'] : null;
  connectionId = typeof event['connection_id'] === 'string' ? event['connection_id'] : null;
  if (eventType === null) {
    fail('event_type', 'unknown_event_type', 'There is no "event_type" string.');
    skip('shape', 'Not checked: no event type.');
  } else if (!(WEBHOOK_EVENT_TYPES as readonly string[]).includes(eventType)) {
    fail(
      'event_type',
      'unknown_event_type',
      `“${eventType}” is not one of Finch’s ${WEBHOOK_EVENT_TYPES.length} event types. Handlers should acknowledge (2xx) and ignore types they do not know.`,
    );
    skip('shape', 'Not checked: unknown event type.');
  } else {
    checks.push({ name: 'event_type', ok: true, message: `${eventType}.` });
    const problems = shapeProblems(event, eventType);
    if (problems.length === 0)
      checks.push({ name: 'shape', ok: true, message: 'Has the fields the spec’s WebhookEvent requires for this type.' });
    else fail('shape', 'unexpected_shape', `Unlike the spec’s WebhookEvent: ${problems.join('; ')}.`);
  }
  return finish(checks, codes, eventId, eventType, connectionId);
}

function finish(
  checks: WebhookCheck[],
  codes: Map<WebhookCheck, VerdictCode>,
  eventId: string | null,
  eventType: string | null,
  connectionId: string | null,
): Judgement {
  const failed = checks.find((c) => c.ok === false);
  if (!failed)
    return { verdict: 'verified', message: 'Signature, timestamp and payload check out.', checks, eventId, eventType, connectionId };
  return { verdict: codes.get(failed) ?? 'invalid_signature', message: failed.message, checks, eventId, eventType, connectionId };
}
