/**
 * Finch webhook signatures, receiver side, matching the SDK's `webhooks.verifySignature`:
 * HMAC-SHA256 keyed with the base64-decoded secret over `"<finch-event-id>.<finch-timestamp>.<raw body>"`,
 * sent as space-separated `v1,<base64>` entries; 5 minutes of tolerance either way.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TOLERANCE_SECONDS = 5 * 60;

/** The SDK accepts a secret only when it is canonical base64. */
export function isCanonicalBase64(secret: string): boolean {
  if (secret.length === 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(secret)) return false;
  return Buffer.from(secret, 'base64').toString('base64') === secret;
}

export function computeSignature(secret: string, eventId: string, timestamp: string | number, body: Buffer | string): string {
  const mac = createHmac('sha256', Buffer.from(secret, 'base64'));
  mac.update(`${eventId}.${timestamp}.`);
  mac.update(body);
  return mac.digest('base64');
}

export function signHeaders(secret: string, eventId: string, timestampSeconds: number, body: Buffer | string): Record<string, string> {
  return {
    'finch-event-id': eventId,
    'finch-timestamp': String(timestampSeconds),
    'finch-signature': `v1,${computeSignature(secret, eventId, timestampSeconds, body)}`,
  };
}

/** The v1 signatures in a `finch-signature` header (other versions are ignored, as the SDK does). */
export function v1Signatures(header: string): string[] {
  return header
    .split(' ')
    .map((entry) => entry.split(','))
    .filter(([version, value]) => version === 'v1' && value !== undefined && value !== '')
    .map(([, value]) => value as string);
}

export function matchesAny(expected: string, candidates: readonly string[]): boolean {
  const want = Buffer.from(expected);
  return candidates.some((candidate) => {
    const got = Buffer.from(candidate);
    return got.length === want.length && timingSafeEqual(got, want);
  });
}
