/** electron-store behind the SettingsStore interface (the Node twin is a plain JSON file). */
import { basename, dirname, extname } from 'node:path';
import Store from 'electron-store';
import type { SettingsStore } from '../platform/json-store/settings-store';

export function openElectronSettingsStore(path: string): SettingsStore {
  const store = new Store<Record<string, unknown>>({
    cwd: dirname(path),
    name: basename(path, extname(path)),
    // A corrupt file is moved aside by SettingsService before we get here; never wipe one.
    clearInvalidConfig: false,
  });
  return {
    path,
    read: () => (Object.keys(store.store).length === 0 ? undefined : store.store),
    write: (value) => {
      store.store = value;
    },
  };
}
