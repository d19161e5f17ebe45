/**
 * The packaged app (electron-builder `--dir` with the installed Electron), started as a user
 * would start it: its window opens on the Local simulator and its database is the Electron-ABI
 * addon unpacked beside app.asar. Runs only where an Electron binary exists.
 * Playwright drives Electron's main process through `--inspect`, which the
 * EnableNodeCliInspectArguments fuse switches off, so this one build keeps that fuse on;
 * test/unit/packaging.test.ts checks that the shipped configuration turns it off.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinaryPath } from './binary';

const ROOT = resolve(__dirname, '../..');
const binary = electronBinaryPath();
test.skip(binary === null, 'no Electron binary');

test('the packaged app starts, opens its window and its database', async () => {
  test.setTimeout(600_000);
  const prepared = spawnSync(process.execPath, [join(ROOT, 'scripts/electron-sqlite/prepare.mjs')], { cwd: ROOT, encoding: 'utf8' });
  expect(prepared.status, prepared.stderr).toBe(0);

  const output = mkdtempSync(join(tmpdir(), 'workbench-packaged-'));
  const { build } = await import('electron-builder');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(join(ROOT, 'electron-builder.config.js')) as Record<string, any>;
  const electronVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string })
    .version;
  await build({
    projectDir: ROOT,
    dir: true,
    publish: 'never',
    config: {
      ...config,
      electronDist: join(ROOT, 'node_modules/electron/dist'),
      electronVersion,
      electronFuses: { ...config['electronFuses'], enableNodeCliInspectArguments: true },
      directories: { ...config['directories'], output },
    },
  });
  const unpacked = { linux: 'linux-unpacked', win32: 'win-unpacked', darwin: 'mac' }[process.platform as 'linux'];
  const executable =
    process.platform === 'darwin'
      ? join(output, unpacked, 'Finch Workbench.app', 'Contents', 'MacOS', 'Finch Workbench')
      : join(output, unpacked, process.platform === 'win32' ? 'Finch Workbench.exe' : 'finch-workbench');
  expect(existsSync(executable), executable).toBe(true);

  const userData = mkdtempSync(join(tmpdir(), 'workbench-packaged-data-'));
  const app = await electron.launch({ executablePath: executable, args: [`--user-data-dir=${userData}`] });
  const page = await app.firstWindow();
  await expect(page.getByRole('banner')).toContainText('Finch Workbench');
  await expect(page.getByRole('banner')).toContainText(/Local simulator/i);
  expect(existsSync(join(userData, 'workbench.sqlite'))).toBe(true);
  await app.close();
});
