/**
 * Keyed fingerprints: a short, stable name for a secret the app must recognise again but never
 * keep (a bearer token, an authorization code, a request body). HMAC-SHA256 with a random key
 * made once per install and kept in the vault, so a fingerprint in the log or an export cannot
 * be checked against a guessed token by anyone without that key (a bare hash could be).
 *
 * Without OS secret storage the vault keeps the key for the session only: fingerprints then
 * change at the next start (the same token gets a new name), which is the safe side.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Hmac } from 'node:crypto';
import type { SecretVault } from './secret-vault';

export const FINGERPRINT_KEY_REF = 'install/fingerprint_key';

/** How fingerprints are shown: a kind prefix and 16 hex digits (64 bits: no collisions in practice). */
const DIGITS = 16;

export class KeyedFingerprints {
  private key: Buffer | null = null;

  constructor(private readonly vault: SecretVault) {}

  /** `tok_…` for a token, `code_…` for a code, `body_…` for a body: the prefix says what it names. */
  of(kind: string, secret: string | Buffer): string {
    return `${kind}_${createHmac('sha256', this.currentKey()).update(secret).digest('hex').slice(0, DIGITS)}`;
  }

  /** For a body that arrives in chunks: update, then `finish`. */
  incremental(kind: string): { update(chunk: Buffer): void; finish(): string } {
    const hmac: Hmac = createHmac('sha256', this.currentKey());
    return {
      update: (chunk) => void hmac.update(chunk),
      finish: () => `${kind}_${hmac.digest('hex').slice(0, DIGITS)}`,
    };
  }

  private currentKey(): Buffer {
    if (this.key) return this.key;
    let stored: string | null = null;
    try {
      if (this.vault.has(FINGERPRINT_KEY_REF)) stored = this.vault.reveal(FINGERPRINT_KEY_REF);
    } catch {
      // Unreadable (keyring reset, cipher changed): a new key; old fingerprints stop matching.
    }
    if (!stored) {
      stored = randomBytes(32).toString('base64');
      this.vault.put(FINGERPRINT_KEY_REF, stored);
    }
    this.key = Buffer.from(stored, 'base64');
    return this.key;
  }
}
