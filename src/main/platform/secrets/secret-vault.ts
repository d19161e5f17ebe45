/**
 * SecretVault: client secrets and access tokens, main process only. With OS secret storage it
 * keeps ciphertext (tagged with the cipher's algorithm) in its store file; without it, it
 * refuses to persist and holds secrets in memory for this session only, and says so. Nothing
 * outside main ever receives a secret: callers get `has()`, and only the Finch gateway's
 * callers use `reveal()` to make a call.
 */
import { z } from 'zod';
import type { SecretStorageStatus } from '@shared/contract';
import { WorkbenchError } from '../errors';
import type { NoticeBoard } from '../notices/notice-board';
import { quarantineIfInvalid } from '../json-store/quarantine';
import type { SettingsStore } from '../json-store/settings-store';
import type { Cipher } from './cipher';

const VaultFileSchema = z.object({
  version: z.literal(1),
  entries: z.record(z.string(), z.object({ algorithm: z.string(), ciphertext: z.string(), updatedAt: z.number() })),
});
type VaultFile = z.infer<typeof VaultFileSchema>;

/** What a secret is for: `environment/<id>/client_secret`, `connection/<env>/<id>/access_token`. */
export type SecretRef = string;

export const secretRefs = {
  clientSecret: (environmentId: string): SecretRef => `environment/${environmentId}/client_secret`,
  accessToken: (environmentId: string, connectionId: string): SecretRef => `connection/${environmentId}/${connectionId}/access_token`,
  webhookSecret: (environmentId: string): SecretRef => `environment/${environmentId}/webhook_secret`,
};

export interface SecretVaultOptions {
  path: string;
  openStore: (path: string) => SettingsStore;
  cipher: Cipher;
  notices: NoticeBoard;
  now?: () => number;
}

export class SecretVault {
  private readonly store: SettingsStore;
  private file: VaultFile;
  /** Session-only secrets, used when the OS store is unavailable. */
  private readonly memory = new Map<SecretRef, string>();
  /** Bumped on every change, so a SecretScrubber knows when to re-read the secrets. */
  private generation = 0;

  constructor(private readonly options: SecretVaultOptions) {
    const moved = quarantineIfInvalid(options.path, VaultFileSchema);
    if (moved) {
      options.notices.add({
        id: 'vault-file-moved',
        level: 'error',
        message: `The encrypted secrets file could not be read because ${moved.reason}. It was moved to ${moved.movedTo}; enter your client secrets again.`,
      });
    }
    this.store = options.openStore(options.path);
    this.file = VaultFileSchema.parse(this.store.read() ?? { version: 1, entries: {} });
    if (!this.persistent()) {
      options.notices.add({
        id: 'vault-session-only',
        level: 'warning',
        message: `OS secret storage is unavailable. ${options.cipher.status().detail}`,
      });
    }
  }

  status(): SecretStorageStatus & { mode: 'persistent' | 'session-only' } {
    return { ...this.options.cipher.status(), mode: this.persistent() ? 'persistent' : 'session-only' };
  }

  has(ref: SecretRef): boolean {
    return this.memory.has(ref) || ref in this.file.entries;
  }

  get version(): number {
    return this.generation;
  }

  put(ref: SecretRef, secret: string): void {
    if (secret.length === 0) throw new WorkbenchError('validation', 'A secret cannot be empty.');
    this.generation++;
    if (!this.persistent()) {
      this.memory.set(ref, secret);
      return;
    }
    const ciphertext = this.options.cipher.encrypt(secret).toString('base64');
    this.save({
      ...this.file.entries,
      [ref]: { algorithm: this.options.cipher.algorithm, ciphertext, updatedAt: (this.options.now ?? Date.now)() },
    });
  }

  /** Decrypts a secret to make a Finch call. Never return its value across IPC. */
  reveal(ref: SecretRef): string {
    const inMemory = this.memory.get(ref);
    if (inMemory !== undefined) return inMemory;
    const entry = this.file.entries[ref];
    if (!entry) throw new WorkbenchError('not_found', 'No secret is stored for this; enter it again.');
    if (!this.persistent())
      throw new WorkbenchError('secrets_unavailable', `OS secret storage is unavailable: ${this.options.cipher.status().detail}`);
    if (entry.algorithm !== this.options.cipher.algorithm) {
      throw new WorkbenchError(
        'secrets_unavailable',
        `This secret was encrypted with ${entry.algorithm}, but this app now uses ${this.options.cipher.algorithm}. Enter it again.`,
      );
    }
    try {
      return this.options.cipher.decrypt(Buffer.from(entry.ciphertext, 'base64'));
    } catch {
      throw new WorkbenchError('secrets_unavailable', 'A stored secret could not be decrypted (was the keyring reset?). Enter it again.');
    }
  }

  delete(ref: SecretRef): void {
    this.generation++;
    this.memory.delete(ref);
    if (!(ref in this.file.entries)) return;
    const { [ref]: _removed, ...rest } = this.file.entries;
    this.save(rest);
  }

  /** Removes every secret whose ref starts with the prefix (e.g. all of one environment). */
  deleteWhere(prefix: string): number {
    this.generation++;
    let removed = 0;
    for (const ref of [...this.memory.keys()])
      if (ref.startsWith(prefix)) {
        this.memory.delete(ref);
        removed++;
      }
    const kept = Object.fromEntries(Object.entries(this.file.entries).filter(([ref]) => !ref.startsWith(prefix)));
    removed += Object.keys(this.file.entries).length - Object.keys(kept).length;
    if (Object.keys(kept).length !== Object.keys(this.file.entries).length) this.save(kept);
    return removed;
  }

  /** How many secrets are held under a ref prefix (e.g. every token of one environment). */
  countWhere(prefix: string): number {
    const refs = new Set([...this.memory.keys(), ...Object.keys(this.file.entries)]);
    return [...refs].filter((ref) => ref.startsWith(prefix)).length;
  }

  /** Every secret value currently held, for the redaction engine's exact matching. Main only. */
  allSecretsForRedaction(): string[] {
    const values = [...this.memory.values()];
    for (const ref of Object.keys(this.file.entries)) {
      try {
        values.push(this.reveal(ref));
      } catch {
        // An entry we cannot decrypt cannot leak either.
      }
    }
    return values;
  }

  private persistent(): boolean {
    return this.options.cipher.status().available;
  }

  private save(entries: VaultFile['entries']): void {
    const next: VaultFile = { version: 1, entries };
    this.store.write(next);
    this.file = next;
  }
}
