/** What this build is, its notices, and the user's settings. Part of THE IPC contract (./index.ts assembles it). */
import { z } from 'zod';
import { channel, event } from '../ipc/contract-kit';
import { NoInput } from './common';
import { LogRetentionSchema } from '../domain/log-retention';

export const ThemeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof ThemeSchema>;

export const SettingsSchema = z.object({
  theme: ThemeSchema,
  /** How long the request log keeps attempts (by age and/or row count); pruning follows it. */
  requestLogRetention: LogRetentionSchema,
});
/** What is stored in the settings file: the user's settings plus app state kept with them. */
export const StoredSettingsSchema = SettingsSchema.extend({ activeEnvironmentId: z.string().optional() });
export type Settings = z.infer<typeof SettingsSchema>;

export const NoticeSchema = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const SecretStorageStatusSchema = z.object({
  available: z.boolean(),
  /** e.g. `keychain`, `dpapi`, `gnome_libsecret`, `basic_text`, `none`. */
  backend: z.string(),
  /** What this means for the user, in one sentence. */
  detail: z.string(),
});
export type SecretStorageStatus = z.infer<typeof SecretStorageStatusSchema>;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  runtime: z.enum(['electron', 'browser-harness']),
  platform: z.string(),
  dataFolder: z.string(),
  secretStorage: SecretStorageStatusSchema,
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const appChannels = {
  app: {
    getInfo: channel({ input: NoInput, output: AppInfoSchema, summary: 'Version, data folder and secret storage status' }),
    listNotices: channel({
      input: NoInput,
      output: z.array(NoticeSchema),
      summary: 'Things the user must know about, e.g. a settings file that was moved aside',
    }),
    dismissNotice: channel({
      input: z.object({ id: z.string().min(1).max(200) }).strict(),
      output: z.array(NoticeSchema),
      summary: 'Hide a notice; returns the remaining ones',
    }),
    noticesChanged: event({ payload: z.array(NoticeSchema), summary: 'The list of notices changed' }),
  },
  settings: {
    get: channel({ input: NoInput, output: SettingsSchema, summary: 'Current settings' }),
    update: channel({
      input: SettingsSchema.partial().strict(),
      output: SettingsSchema,
      summary: 'Change one or more settings; returns the saved settings',
    }),
    changed: event({ payload: SettingsSchema, summary: 'Settings were saved' }),
  },
} as const;
