/**
 * Where settings live on disk. The Electron build uses electron-store
 * (src/main/electron/settings-store.ts); Node (tests, browser harness) uses this JSON file.
 * Both sit behind the same interface so SettingsService never knows which it has.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface SettingsStore {
  readonly path: string;
  /** The stored object, or undefined when nothing has been saved yet. */
  read(): unknown;
  write(value: Record<string, unknown>): void;
}

export function createJsonFileStore(path: string): SettingsStore {
  return {
    path,
    read() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      return JSON.parse(text) as unknown;
    },
    write(value) {
      mkdirSync(dirname(path), { recursive: true });
      // Write then rename: a crash mid-write leaves the old file, never half a file.
      const temp = `${path}.${process.pid}.tmp`;
      writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
      renameSync(temp, path);
    },
  };
}
