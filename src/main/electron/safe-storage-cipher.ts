/**
 * Electron's safeStorage as a Cipher: the OS keychain (macOS), DPAPI (Windows), or
 * libsecret/kwallet (Linux). Usable only after `app.whenReady()`. On Linux's `basic_text`
 * backend (no keyring) it reports itself unavailable so the vault refuses to persist.
 */
import { safeStorage } from 'electron';
import type { Cipher } from '../platform/secrets/cipher';
import { electronSecretStorage } from './secret-storage';

export const safeStorageCipher: Cipher = {
  algorithm: 'electron-safeStorage/v1',
  status: electronSecretStorage,
  encrypt: (plaintext) => safeStorage.encryptString(plaintext),
  decrypt: (ciphertext) => safeStorage.decryptString(ciphertext),
};
