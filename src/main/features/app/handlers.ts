/** The `app` channels: what this build is and where it keeps its secrets, and the notice board. */
import type { HandlerMap } from '@shared/contract';
import type { Cipher } from '@main/platform/secrets/cipher';
import type { NoticeBoard } from '@main/platform/notices/notice-board';
import type { AppInfoSource } from './app-info';
import { readAppInfo } from './app-info';

export function buildAppHandlers(d: {
  app: Omit<AppInfoSource, 'secretStorage'>;
  cipher: Cipher;
  notices: NoticeBoard;
}): HandlerMap['app'] {
  return {
    getInfo: () => readAppInfo({ ...d.app, secretStorage: () => d.cipher.status() }),
    listNotices: () => d.notices.list(),
    dismissNotice: ({ id }) => d.notices.dismiss(id),
  };
}
