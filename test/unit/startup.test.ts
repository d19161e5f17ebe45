/**
 * A start that fails is shown and ends the process, never a windowless app; the data folder is
 * made owner-only by whoever starts first. The Electron shell's ports (dialog, app.exit) are faked.
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { prepareDataFolder } from '@main/platform/startup/data-folder';
import { describeStartFailure, reportStartFailure, reportUnexpected, StartupError } from '@main/platform/startup/start-failure';
import { startHarness } from '@harness/server';

function fakeShell() {
  const shown: { title: string; content: string }[] = [];
  const exits: number[] = [];
  const logged: string[] = [];
  return {
    shown,
    exits,
    logged,
    ports: {
      showErrorBox: (title: string, content: string) => shown.push({ title, content }),
      exit: (code: number) => exits.push(code),
      log: (line: string) => logged.push(line),
    },
  };
}

describe('the data folder', () => {
  it('is created with its missing parents, owner-only', () => {
    const home = mkdtempSync(join(tmpdir(), 'workbench-home-'));
    const folder = join(home, '.local', 'share', 'finch-workbench-web');
    expect(prepareDataFolder(folder)).toEqual({ folder, created: true });
    if (process.platform !== 'win32') expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(prepareDataFolder(folder).created).toBe(false);
  });

  it('that is a file, or under a file, stops the start with the cause and a fix', () => {
    const home = mkdtempSync(join(tmpdir(), 'workbench-home-'));
    const file = join(home, 'not-a-folder');
    writeFileSync(file, 'x');
    expect(() => prepareDataFolder(file)).toThrow(/is a file, not a folder/);
    try {
      prepareDataFolder(join(file, 'data'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(StartupError);
      expect((error as StartupError).problem).toBe('data-folder');
      expect(describeStartFailure(error).text).toMatch(/How to fix it: .*--data-dir DIR/);
    }
  });
});

describe("the desktop shell's failed start", () => {
  it('shows the cause and the fix in a dialog, logs it, and exits with code 1', () => {
    const shell = fakeShell();
    // The error Node throws when main loads a better-sqlite3 built for another ABI.
    const abi = new Error(
      "The module '/app/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 150.",
    );
    const failure = reportStartFailure(shell.ports, abi);
    expect(shell.exits).toEqual([1]);
    expect(shell.shown).toHaveLength(1);
    expect(shell.shown[0]!.title).toBe('Finch Workbench cannot load SQLite');
    expect(shell.shown[0]!.content).toMatch(/built for another runtime/);
    expect(shell.shown[0]!.content).toMatch(/How to fix it: Run `npm run prepare:electron-sqlite`/);
    expect(shell.logged[0]).toContain(failure.cause);
  });

  it('exits non-zero even when the dialog itself throws', () => {
    const shell = fakeShell();
    const ports = {
      ...shell.ports,
      showErrorBox: () => {
        throw new Error('no display');
      },
    };
    expect(() => reportStartFailure(ports, new Error('boom'))).toThrow('no display');
    expect(shell.exits).toEqual([1]);
  });

  it('explains a taken port and an unexpected error', () => {
    const taken = Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:5200'), { code: 'EADDRINUSE' });
    expect(describeStartFailure(taken)).toMatchObject({ problem: 'port-taken', cause: expect.stringContaining('Port 5200') });
    expect(describeStartFailure(new Error('something odd'))).toMatchObject({ problem: 'unexpected', cause: 'something odd' });
  });

  it('shows an unhandled rejection after start without ending the app', () => {
    const shell = fakeShell();
    reportUnexpected(shell.ports, new Error('lost promise'), 'Unhandled promise rejection in the main process');
    expect(shell.shown[0]!.content).toMatch(/lost promise/);
    expect(shell.logged[0]).toMatch(/lost promise/);
    expect(shell.exits).toEqual([]);
  });

  it('names the SQLite addon when the database cannot be opened with it', () => {
    // A real load failure from better-sqlite3: a nativeBinding that is not an addon.
    const home = mkdtempSync(join(tmpdir(), 'workbench-home-'));
    const bogus = join(home, 'better_sqlite3.node');
    writeFileSync(bogus, 'not an ELF file');
    let thrown: unknown;
    try {
      new Database(':memory:', { nativeBinding: bogus });
    } catch (error) {
      thrown = error;
    }
    expect(describeStartFailure(thrown).problem).toBe('sqlite-addon');
  });
});

describe('the browser harness start', () => {
  it('rejects with a port-taken failure instead of hanging when the port is in use', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const port = (blocker.address() as { port: number }).port;
    try {
      const error = await startHarness({ dataFolder: mkdtempSync(join(tmpdir(), 'workbench-port-')), port }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(describeStartFailure(error, { port })).toMatchObject({ problem: 'port-taken', cause: expect.stringContaining(String(port)) });
    } finally {
      blocker.close();
    }
  });

  it('creates a missing data folder (and its parents) itself', async () => {
    const home = mkdtempSync(join(tmpdir(), 'workbench-home-'));
    const folder = join(home, 'a', 'b', 'data');
    const harness = await startHarness({ dataFolder: folder });
    try {
      expect(statSync(join(folder, 'workbench.sqlite')).isFile()).toBe(true);
      if (process.platform !== 'win32') expect(statSync(folder).mode & 0o777).toBe(0o700);
    } finally {
      await harness.close();
    }
  });
});
