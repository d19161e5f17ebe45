/**
 * The workbench core as the Node tests start it: a fresh data folder, the test cipher, a JSON
 * settings store, the embedded simulator, a quiet log. Pass anything else the test needs.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoreAdapters, WorkbenchCore } from '@main/core';
import { startWorkbenchCore } from '@main/core';
import { createNodeTestCipher } from '@main/platform/secrets/cipher';
import { createJsonFileStore } from '@main/platform/json-store/settings-store';

export function startTestCore(name: string, overrides: Partial<CoreAdapters> = {}): Promise<WorkbenchCore> {
  return startWorkbenchCore({
    app: {
      name: 'test',
      version: '0.0.0',
      runtime: 'browser-harness',
      platform: 'test',
      dataFolder: mkdtempSync(join(tmpdir(), `${name}-`)),
    },
    openSettingsStore: createJsonFileStore,
    cipher: createNodeTestCipher(),
    log: () => {},
    ...overrides,
  });
}
