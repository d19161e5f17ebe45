/**
 * THE IPC contract: every channel the renderer may call and every event main may push.
 * The preload API (`window.workbench.<feature>.<verb>`), the main handler map, the browser
 * harness and the tests are all derived from this one object. Each feature declares its
 * channels in its own file here; add a channel there and the type checker tells you where it
 * must be implemented.
 */
import type { EmitOf, HandlerMapOf, WorkbenchApiOf } from '../ipc/contract-kit';
import { appChannels } from './app';
import { environmentsChannels } from './environments';
import { connectionsChannels } from './connections';
import { connectChannels } from './connect';
import { sandboxChannels } from './sandbox';
import { explorerChannels } from './explorer';
import { coverageChannels } from './coverage';
import { snapshotsChannels } from './snapshots';
import { diagnosticsChannels } from './diagnostics';
import { requestLogChannels } from './request-log';
import { filesChannels } from './files';
import { safetyChannels } from './safety';
import { supportChannels } from './support';
import { readinessChannels } from './readiness';
import { webhooksChannels } from './webhooks';
import { deductionsChannels } from './deductions';
import { integrationLabChannels } from './integration-lab';

export { AppInfoSchema, NoticeSchema, SecretStorageStatusSchema, SettingsSchema, StoredSettingsSchema, ThemeSchema } from './app';
export type { AppInfo, Notice, SecretStorageStatus, Settings, Theme } from './app';
export { ConnectionCheckSchema } from './environments';

export const contract = {
  app: appChannels.app,
  settings: appChannels.settings,
  environments: environmentsChannels.environments,
  connections: connectionsChannels.connections,
  connect: connectChannels.connect,
  sandbox: sandboxChannels.sandbox,
  explorer: explorerChannels.explorer,
  coverage: coverageChannels.coverage,
  snapshots: snapshotsChannels.snapshots,
  diagnostics: diagnosticsChannels.diagnostics,
  requestLog: requestLogChannels.requestLog,
  files: filesChannels.files,
  safety: safetyChannels.safety,
  support: supportChannels.support,
  readiness: readinessChannels.readiness,
  rateLimits: requestLogChannels.rateLimits,
  webhooks: webhooksChannels.webhooks,
  deductions: deductionsChannels.deductions,
  integrationLab: integrationLabChannels.integrationLab,
} as const;

export type Contract = typeof contract;
export type WorkbenchApi = WorkbenchApiOf<Contract>;
export type HandlerMap = HandlerMapOf<Contract>;
export type Emit = EmitOf<Contract>;
