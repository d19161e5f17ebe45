/**
 * A Cipher turns a secret into ciphertext bound to this machine/user. Electron's safeStorage
 * in the app (src/main/electron/safe-storage-cipher.ts); AES-256-GCM with a key held in
 * memory for tests. Each says which algorithm it is, and the vault tags every entry with it.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretStorageStatus } from '@shared/contract';

export interface Cipher {
  /** Stable name + version written next to every ciphertext, e.g. `safeStorage/v1`. */
  readonly algorithm: string;
  status(): SecretStorageStatus;
  encrypt(plaintext: string): Buffer;
  decrypt(ciphertext: Buffer): string;
}

/**
 * For tests and tools: AES-256-GCM under a key that lives only in this process. It stands
 * in for the OS keyring, so it reports itself available with backend `test-aes-gcm`.
 */
export function createNodeTestCipher(key: Buffer = randomBytes(32)): Cipher {
  if (key.length !== 32) throw new Error('The test cipher needs a 32-byte key');
  return {
    algorithm: 'node-aes-256-gcm/v1',
    status: () => ({ available: true, backend: 'test-aes-gcm', detail: 'Test cipher (AES-256-GCM, key in memory).' }),
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(ciphertext) {
      const decipher = createDecipheriv('aes-256-gcm', key, ciphertext.subarray(0, 12));
      decipher.setAuthTag(ciphertext.subarray(12, 28));
      return Buffer.concat([decipher.update(ciphertext.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

/** No OS secret storage (browser harness, Linux without a keyring): nothing is encrypted or persisted. */
export function unavailableCipher(status: SecretStorageStatus): Cipher {
  const refuse = (): never => {
    throw new Error(`OS secret storage is unavailable: ${status.detail}`);
  };
  return { algorithm: 'none', status: () => status, encrypt: refuse, decrypt: refuse };
}
