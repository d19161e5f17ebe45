/**
 * User preferences (theme, request log retention). Reads once, writes through the store on every change,
 * and announces changes so every window follows.
 */
import { z } from 'zod';
import type { Settings } from '@shared/contract';
import { SettingsSchema, StoredSettingsSchema as KnownStoredSettingsSchema } from '@shared/contract';
import type { NoticeBoard } from '@main/platform/notices/notice-board';
import type { SettingsStore } from '@main/platform/json-store/settings-store';
import { quarantineIfInvalid } from '@main/platform/json-store/quarantine';
import { DEFAULT_LOG_RETENTION } from '@shared/domain/log-retention';

export const DEFAULT_SETTINGS: Settings = { theme: 'system', requestLogRetention: DEFAULT_LOG_RETENTION };

/** What may be on disk: every key optional, unknown keys kept (a newer version may add some). */
const StoredSettingsSchema = KnownStoredSettingsSchema.partial().passthrough();

export interface SettingsServiceOptions {
  /** The store file's path, checked (and moved aside if corrupt) before the store opens it. */
  path: string;
  openStore: (path: string) => SettingsStore;
  notices: NoticeBoard;
  onChanged: (settings: Settings) => void;
  now?: () => Date;
}

export class SettingsService {
  private readonly store: SettingsStore;
  private stored: z.infer<typeof StoredSettingsSchema>;

  constructor(private readonly options: SettingsServiceOptions) {
    const moved = quarantineIfInvalid(options.path, StoredSettingsSchema, options.now);
    if (moved) {
      options.notices.add({
        id: 'settings-file-moved',
        level: 'warning',
        message: `Your settings file could not be read because ${moved.reason}. It was moved to ${moved.movedTo} and default settings are in use.`,
      });
    }
    this.store = options.openStore(options.path);
    this.stored = StoredSettingsSchema.parse(this.store.read() ?? {});
  }

  get(): Settings {
    return { ...DEFAULT_SETTINGS, ...pickKnown(this.stored) };
  }

  /** App state kept in the settings file (e.g. the active environment), not shown as a setting. */
  getStored<K extends keyof z.infer<typeof KnownStoredSettingsSchema>>(key: K): z.infer<typeof KnownStoredSettingsSchema>[K] | undefined {
    return this.stored[key] as z.infer<typeof KnownStoredSettingsSchema>[K] | undefined;
  }

  setStored(patch: Partial<z.infer<typeof KnownStoredSettingsSchema>>): void {
    const next = { ...this.stored, ...patch };
    this.store.write(next);
    this.stored = next;
  }

  update(patch: Partial<Settings>): Settings {
    // `{ theme: undefined }` passes a partial schema (and Electron IPC keeps such keys): an
    // undefined value means "not given", never "erase".
    const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    const next = { ...this.stored, ...given };
    this.store.write(next);
    this.stored = next;
    const settings = this.get();
    this.options.onChanged(settings);
    return settings;
  }
}

function pickKnown(stored: Record<string, unknown>): Partial<Settings> {
  const known = SettingsSchema.partial().safeParse(stored);
  return known.success ? known.data : {};
}
