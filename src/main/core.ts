/**
 * The composition root shared by the Electron app and the browser harness: builds every
 * service from the adapters it is given and returns the handler map the IPC guard serves.
 * Nothing here imports `electron`; src/main/index.ts passes the Electron adapters in.
 */
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Contract, HandlerMap } from '../shared/contract';
import { contract } from '../shared/contract';
import type { AppInfoSource } from './app-info/app-info';
import { readAppInfo } from './app-info/app-info';
import { checkConnectionAttempt } from './environments/environment-rules';
import { EnvironmentService } from './environments/environment-service';
import type { EventHub } from './events/event-hub';
import { createEventHub } from './events/event-hub';
import { NoticeBoard } from './notices/notice-board';
import type { Cipher } from './secrets/cipher';
import { SecretVault } from './secrets/secret-vault';
import { SettingsService } from './settings/settings-service';
import type { SettingsStore } from './settings/settings-store';
import { DatabaseOpenError, openWorkbenchDatabase } from './storage/database';
import type { Clock } from './clock';
import { systemClock } from './clock';
import { createBatcher } from './events/batcher';
import { FinchGateway } from './finch/gateway';
import type { MeterReading } from './finch/rate-limiter';
import { RateLimiter } from './finch/rate-limiter';
import { RequestLog } from './request-log/request-log';
import type { RequestLogEntry } from './request-log/types';

export interface CoreAdapters {
  app: Omit<AppInfoSource, 'secretStorage'>;
  /** Opens a JSON store at a path (electron-store in the app, a JSON file in Node). */
  openSettingsStore: (path: string) => SettingsStore;
  /** Encrypts secrets (safeStorage in the app). */
  cipher: Cipher;
  /** better-sqlite3 built for the running runtime, when not the default (Electron). */
  sqliteNativeBinding?: string;
  /** Time for rate limits and log timestamps (a sped-up clock in tests). */
  clock?: Clock;
  /** The fetch Finch calls go through (Node's by default). */
  fetch?: typeof fetch;
  now?: () => Date;
}

export interface WorkbenchCore {
  handlers: HandlerMap;
  events: EventHub<Contract>;
  notices: NoticeBoard;
  settings: SettingsService;
  vault: SecretVault;
  environments: EnvironmentService;
  requestLog: RequestLog;
  limiter: RateLimiter;
  gateway: FinchGateway;
  db: Database.Database;
  close(): void;
}

export function createWorkbenchCore(adapters: CoreAdapters): WorkbenchCore {
  const folder = adapters.app.dataFolder;
  const events = createEventHub(contract);
  const notices = new NoticeBoard((list) => events.emit('app', 'noticesChanged', list));
  const settings = new SettingsService({
    path: join(folder, 'settings.json'),
    openStore: adapters.openSettingsStore,
    notices,
    onChanged: (value) => events.emit('settings', 'changed', value),
    now: adapters.now,
  });
  const db = openDatabaseOrTemporary(join(folder, 'workbench.sqlite'), adapters.sqliteNativeBinding, notices);
  const vault = new SecretVault({ path: join(folder, 'secrets.json'), openStore: adapters.openSettingsStore, cipher: adapters.cipher, notices });
  const environments = new EnvironmentService({
    db,
    vault,
    active: { get: () => settings.getStored('activeEnvironmentId'), set: (id) => settings.setStored({ activeEnvironmentId: id }) },
    onChanged: (state) => events.emit('environments', 'changed', state),
  });

  const clock = adapters.clock ?? systemClock;
  const requestLog = new RequestLog(db);
  requestLog.onAppend(createBatcher<RequestLogEntry>(clock, 200, (entries) => events.emit('requestLog', 'appended', entries)));
  const meter = createBatcher<MeterReading>(clock, 250, (readings) => {
    // Only the latest reading per bucket matters.
    const latest = new Map(readings.map((r) => [`${r.clientId}\u0000${r.product}`, r]));
    events.emit('rateLimits', 'changed', [...latest.values()]);
  });
  const limiter = new RateLimiter({ clock, onChange: meter });
  const gateway = new FinchGateway({ log: requestLog, limiter, clock, ...(adapters.fetch ? { fetch: adapters.fetch } : {}) });

  const handlers: HandlerMap = {
    app: {
      getInfo: () => readAppInfo({ ...adapters.app, secretStorage: () => adapters.cipher.status() }),
      listNotices: () => notices.list(),
      dismissNotice: ({ id }) => notices.dismiss(id),
    },
    settings: {
      get: () => settings.get(),
      update: (patch) => settings.update(patch),
    },
    environments: {
      getState: () => environments.state(),
      create: (input) => environments.create(input),
      update: (patch) => environments.update(patch),
      duplicate: ({ id, name }) => environments.duplicate(id, name),
      describeDeletion: ({ id }) => environments.describeDeletion(id),
      remove: ({ id, confirmName }) => environments.remove(id, confirmName),
      setActive: ({ id }) => environments.setActive(id),
      exportJson: () => ({ json: environments.exportJson() }),
      importJson: ({ json }) => environments.importJson(json),
      checkConnection: ({ id, ...attempt }) => checkConnectionAttempt(environments.get(id).kind, attempt),
    },
    requestLog: {
      search: (query) => requestLog.search(query),
      attemptsOf: ({ callId }) => requestLog.attemptsOf(callId),
    },
    rateLimits: {
      readings: () => limiter.readings(),
    },
  };
  return { handlers, events, notices, settings, vault, environments, requestLog, limiter, gateway, db, close: () => db.close() };
}

/**
 * A damaged database, or one from a newer version, is left untouched (see migrate.ts). The
 * app still starts, on a temporary in-memory database, and says so loudly.
 */
function openDatabaseOrTemporary(path: string, nativeBinding: string | undefined, notices: NoticeBoard): Database.Database {
  try {
    return openWorkbenchDatabase(path, { nativeBinding });
  } catch (error) {
    if (!(error instanceof DatabaseOpenError)) throw error;
    notices.add({
      id: 'database-unavailable',
      level: 'error',
      message: `${error.message} Until then the app runs on a temporary database: nothing you record now will be kept.`,
    });
    return openWorkbenchDatabase(':memory:', { nativeBinding });
  }
}
