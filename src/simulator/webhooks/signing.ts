/**
 * Signs a webhook the way Finch does (the SDK's `webhooks.verifySignature` is the reference):
 * `finch-signature: v1,<base64 HMAC-SHA256 of "<event id>.<timestamp>.<raw body>">`, keyed
 * with the base64-decoded secret, `finch-timestamp` in Unix seconds. This is the sender's
 * side; the app's receiver verifies with its own code (src/main/features/webhooks), and the tests
 * hold both to the SDK.
 */
import { createHmac, randomBytes } from 'node:crypto';

/** A new secret as Finch issues them: base64 of random bytes, which the SDK accepts as is. */
export function newWebhookSecret(): string {
  return randomBytes(32).toString('base64');
}

/** The SDK refuses a secret that is not canonical base64 ("Given secret is not valid"). */
export function isCanonicalBase64(secret: string): boolean {
  if (secret.length === 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(secret)) return false;
  return Buffer.from(secret, 'base64').toString('base64') === secret;
}

export function signature(secret: string, eventId: string, timestampSeconds: number, body: string | Buffer): string {
  const mac = createHmac('sha256', Buffer.from(secret, 'base64'));
  mac.update(`${eventId}.${timestampSeconds}.`);
  mac.update(body);
  return `v1,${mac.digest('base64')}`;
}

export interface SignedHeaders {
  'content-type': string;
  'finch-event-id': string;
  'finch-timestamp': string;
  'finch-signature': string;
}

export function signedHeaders(secret: string, eventId: string, timestampSeconds: number, body: string | Buffer): SignedHeaders {
  return {
    'content-type': 'application/json',
    'finch-event-id': eventId,
    'finch-timestamp': String(timestampSeconds),
    'finch-signature': signature(secret, eventId, timestampSeconds, body),
  };
}
