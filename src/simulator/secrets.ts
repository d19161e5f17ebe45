/**
 * Access tokens and authorization codes are bearer secrets. Like a real authorization server,
 * the simulator keeps only their SHA-256 digests: the state file never holds a usable token,
 * code or client secret (the app's data folder is scanned for such bytes by a later test).
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Finch's access tokens and codes are UUIDs; these are random (crypto), never seeded. */
export function newSecretToken(): string {
  return randomUUID();
}

export function newRequestId(): string {
  return randomUUID();
}

/** Constant-time comparison of two strings (used for the configured client secret). */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(sha256Hex(given), 'hex');
  const b = Buffer.from(sha256Hex(expected), 'hex');
  return timingSafeEqual(a, b);
}
