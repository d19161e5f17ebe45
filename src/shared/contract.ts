/**
 * THE IPC contract: every channel the renderer may call and every event main may push.
 * The preload API (`window.workbench.<feature>.<verb>`), the main handler map, the browser
 * harness and the tests are all derived from this one object. Add a channel here and the
 * type checker tells you where it must be implemented.
 */
import { z } from 'zod';
import { channel, event } from './ipc/contract-kit';
import type { HandlerMapOf, WorkbenchApiOf, EmitOf } from './ipc/contract-kit';

const NoInput = z.object({}).strict();

export const ThemeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof ThemeSchema>;

export const SettingsSchema = z.object({
  theme: ThemeSchema,
});
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

export const contract = {
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

export type Contract = typeof contract;
export type WorkbenchApi = WorkbenchApiOf<Contract>;
export type HandlerMap = HandlerMapOf<Contract>;
export type Emit = EmitOf<Contract>;
