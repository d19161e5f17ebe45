/** safeStorage, read only after `app.whenReady()` (before that it always says unavailable). */
import { safeStorage } from 'electron';
import type { SecretStorageProbe } from '../platform/secrets/secret-storage';
import { describeBackend } from '../platform/secrets/secret-storage';

export const electronSecretStorage: SecretStorageProbe = () => {
  const available = safeStorage.isEncryptionAvailable();
  const backend =
    process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : process.platform === 'darwin' ? 'keychain' : 'dpapi';
  return describeBackend(backend, available);
};
