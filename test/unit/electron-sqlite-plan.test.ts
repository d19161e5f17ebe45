/**
 * `npm start` / `npm run dev` prepare the Electron-ABI SQLite addon first
 * (scripts/electron-sqlite/). Every decision, without Electron, a network or a compiler:
 * fakes stand in for the download, the build, the ABI check and the install.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module without types
import { decide, expectedStamp, prepareAddon, PREPARE_COMMAND } from '../../scripts/electron-sqlite/plan.mjs';
// @ts-expect-error plain ES module without types
import { summarize } from '../../scripts/electron-sqlite/build.mjs';

const expected = expectedStamp({ electronVersion: '45.4.1', sqliteVersion: '12.9.0', platform: 'linux', arch: 'x64' });
const facts = (over: Record<string, unknown> = {}) => ({
  electron: 'present',
  addonExists: true,
  stamp: { ...expected },
  expected,
  ...over,
});

describe("npm start's SQLite preparation decides", () => {
  it('to do nothing when the addon is present and its stamp matches', () => {
    expect(decide(facts()).action).toBe('ready');
  });

  it('to prepare it when the addon is missing', () => {
    const decision = decide(facts({ addonExists: false, stamp: null }));
    expect(decision).toMatchObject({ action: 'prepare' });
    expect(decision.reason).toMatch(/missing/);
  });

  it('to prepare it when the stamp names another Electron, better-sqlite3 or platform, or is absent', () => {
    expect(decide(facts({ stamp: { ...expected, electron: '44.0.0' } })).reason).toMatch(/built for Electron 44\.0\.0, not 45\.4\.1/);
    expect(decide(facts({ stamp: { ...expected, betterSqlite3: '11.0.0' } })).reason).toMatch(/better-sqlite3 11\.0\.0/);
    expect(decide(facts({ stamp: { ...expected, arch: 'arm64' } })).reason).toMatch(/architecture arm64/);
    expect(decide(facts({ stamp: null })).action).toBe('prepare');
  });

  it('to stop and point to npm run web when the Electron download was skipped on purpose', () => {
    const decision = decide(facts({ electron: 'skipped' }));
    expect(decision.action).toBe('no-electron');
    expect(decision.reason).toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD/);
    expect(decision.reason).toMatch(/npm run web/);
  });

  it('to stop with the install command when Electron is not installed', () => {
    const decision = decide(facts({ electron: 'missing', addonExists: false }));
    expect(decision.action).toBe('no-electron');
    expect(decision.reason).toMatch(/node node_modules\/electron\/install\.js/);
  });

  it('to rebuild on --force even when current', () => {
    expect(decide(facts({ force: true })).action).toBe('prepare');
  });
});

describe('getting the addon', () => {
  const installed: string[] = [];
  const install = async (file: string) => {
    installed.push(file);
    return `/app/native/electron/better_sqlite3.node`;
  };

  it('uses the prebuilt binary first and never builds when it works', async () => {
    let built = false;
    const result = await prepareAddon({
      expected,
      getPrebuilt: async () => '/scratch/prebuilt.node',
      buildFromSource: async () => {
        built = true;
        return '/scratch/built.node';
      },
      install,
    });
    expect(result).toMatchObject({ ok: true, via: 'prebuilt' });
    expect(built).toBe(false);
    expect(installed.at(-1)).toBe('/scratch/prebuilt.node');
  });

  it('builds from source when the download fails, and when the download has the wrong ABI', async () => {
    const offline = await prepareAddon({
      expected,
      getPrebuilt: async () => {
        throw new Error('getaddrinfo ENOTFOUND github.com');
      },
      buildFromSource: async () => '/scratch/built.node',
      install,
    });
    expect(offline).toMatchObject({ ok: true, via: 'source' });

    const wrongAbi = await prepareAddon({
      expected,
      getPrebuilt: async () => '/scratch/node-abi.node',
      buildFromSource: async () => '/scratch/built.node',
      verify: (file: string) => {
        if (file === '/scratch/node-abi.node') throw new Error('the result loads in Node (ABI 115), so it was built for Node');
      },
      install,
    });
    expect(wrongAbi).toMatchObject({ ok: true, via: 'source' });
    expect(installed.at(-1)).toBe('/scratch/built.node');
  });

  it('stops with one message naming both causes and the command to run when neither works', async () => {
    const before = installed.length;
    const result = await prepareAddon({
      expected,
      getPrebuilt: async () => {
        throw new Error('getaddrinfo ENOTFOUND github.com');
      },
      buildFromSource: async () => {
        throw new Error('the network is unreachable (fetching https://electronjs.org/headers/v45.4.1/node-v45.4.1-headers.tar.gz)');
      },
      install,
    });
    expect(result.ok).toBe(false);
    expect(result.message).toContain('prebuilt download: getaddrinfo ENOTFOUND github.com');
    expect(result.message).toContain('build from source: the network is unreachable');
    expect(result.message).toContain(`run: ${PREPARE_COMMAND}`);
    expect(result.message).toContain('npm run web');
    expect(installed.length).toBe(before);
  });

  it("says why a tool failed in one line (node-gyp's and prebuild-install's stderr)", () => {
    const gyp =
      'gyp http GET https://electronjs.org/headers/v45.4.1/node-v45.4.1-headers.tar.gz\ngyp ERR! stack Error: This is most likely not a problem with node-gyp\ngyp ERR! stack is related to network connectivity. In most cases\ngyp ERR! not ok';
    expect(summarize(gyp)).toBe('the network is unreachable (fetching https://electronjs.org/headers/v45.4.1/node-v45.4.1-headers.tar.gz)');
    expect(summarize('prebuild-install warn install No prebuilt binaries found (target=45.4.1 runtime=electron)\nerror: make failed')).toBe(
      'error: make failed',
    );
  });
});
