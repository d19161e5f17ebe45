/** The facts the About panel shows. Gathered by the caller; nothing here reads the OS. */
import type { AppInfo } from '@shared/contract';
import type { SecretStorageProbe } from '@main/platform/secrets/secret-storage';

export interface AppInfoSource {
  name: string;
  version: string;
  runtime: AppInfo['runtime'];
  platform: string;
  dataFolder: string;
  secretStorage: SecretStorageProbe;
}

export function readAppInfo(source: AppInfoSource): AppInfo {
  return {
    name: source.name,
    version: source.version,
    runtime: source.runtime,
    platform: source.platform,
    dataFolder: source.dataFolder,
    // Asked each time: the keyring may be unlocked after start-up.
    secretStorage: source.secretStorage(),
  };
}
