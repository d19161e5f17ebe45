/**
 * What the app can tell about OS-level secret storage. The Electron adapter asks
 * `safeStorage`; the browser harness has no OS keyring and says so. The SecretVault
 * (environments issue) refuses to persist secrets whenever `available` is false.
 */
import type { SecretStorageStatus } from '@shared/contract';

export type SecretStorageProbe = () => SecretStorageStatus;

/** Linux's `basic_text` backend encrypts with a hard-coded key: as good as plaintext. */
export function describeBackend(backend: string, encryptionAvailable: boolean): SecretStorageStatus {
  if (!encryptionAvailable) {
    return {
      available: false,
      backend: 'none',
      detail: 'The operating system offers no secret storage; secrets will not be saved to disk.',
    };
  }
  if (backend === 'basic_text') {
    return {
      available: false,
      backend,
      detail:
        'No keyring was found (Linux basic_text backend); secrets will not be saved to disk. Install and unlock a keyring such as GNOME Keyring or KWallet.',
    };
  }
  return { available: true, backend, detail: `Secrets are encrypted with the operating system's secret storage (${backend}).` };
}

export const browserHarnessSecretStorage: SecretStorageProbe = () => ({
  available: false,
  backend: 'none',
  detail: 'The browser harness has no OS keyring; secrets are kept in memory for this session only.',
});
