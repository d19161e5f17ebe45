/**
 * The composition root shared by the Electron app and the browser harness: builds every
 * service from the adapters it is given and returns the handler map the IPC guard serves.
 * Nothing here imports `electron`; src/main/index.ts passes the Electron adapters in.
 */
import { join } from 'node:path';
import type { Contract, HandlerMap } from '../shared/contract';
import { contract } from '../shared/contract';
import type { AppInfoSource } from './app-info/app-info';
import { readAppInfo } from './app-info/app-info';
import type { EventHub } from './events/event-hub';
import { createEventHub } from './events/event-hub';
import { NoticeBoard } from './notices/notice-board';
import { SettingsService } from './settings/settings-service';
import type { SettingsStore } from './settings/settings-store';

export interface CoreAdapters {
  app: AppInfoSource;
  /** Opens the settings store at a path (electron-store in the app, a JSON file in Node). */
  openSettingsStore: (path: string) => SettingsStore;
  now?: () => Date;
}

export interface WorkbenchCore {
  handlers: HandlerMap;
  events: EventHub<Contract>;
  notices: NoticeBoard;
  settings: SettingsService;
}

export function createWorkbenchCore(adapters: CoreAdapters): WorkbenchCore {
  const events = createEventHub(contract);
  const notices = new NoticeBoard((list) => events.emit('app', 'noticesChanged', list));
  const settings = new SettingsService({
    path: join(adapters.app.dataFolder, 'settings.json'),
    openStore: adapters.openSettingsStore,
    notices,
    onChanged: (value) => events.emit('settings', 'changed', value),
    now: adapters.now,
  });

  const handlers: HandlerMap = {
    app: {
      getInfo: () => readAppInfo(adapters.app),
      listNotices: () => notices.list(),
      dismissNotice: ({ id }) => notices.dismiss(id),
    },
    settings: {
      get: () => settings.get(),
      update: (patch) => settings.update(patch),
    },
  };
  return { handlers, events, notices, settings };
}
