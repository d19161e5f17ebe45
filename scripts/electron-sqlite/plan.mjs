/**
 * What `npm start` / `npm run dev` must do about the Electron-ABI SQLite addon before Electron
 * starts. Pure decisions over facts gathered elsewhere (facts.mjs), so every case is testable
 * under Node without Electron, a network or a compiler (test/unit/electron-sqlite-plan.test.ts).
 *
 * node_modules/better-sqlite3 stays built for Node's ABI (the tests and `npm run web` use it);
 * the Electron copy lives in native/electron/ with a stamp saying what it was built for.
 */

export const PREPARE_COMMAND = 'npm run prepare:electron-sqlite';

/** What the addon must have been built for; compared field by field with the stamp on disk. */
export function expectedStamp({ electronVersion, sqliteVersion, platform, arch }) {
  return { electron: electronVersion, betterSqlite3: sqliteVersion, platform, arch };
}

/** Why the stamp does not match, in words; null when it does. */
export function staleReason(stamp, expected) {
  if (!stamp) return 'it has no stamp saying what it was built for';
  const labels = { electron: 'Electron', betterSqlite3: 'better-sqlite3', platform: 'platform', arch: 'architecture' };
  for (const key of Object.keys(expected)) {
    if (stamp[key] !== expected[key]) return `it was built for ${labels[key]} ${stamp[key] ?? '(unknown)'}, not ${expected[key]}`;
  }
  return null;
}

/**
 * @param facts {{ electron: 'present' | 'skipped' | 'missing', addonExists: boolean, stamp: object | null, expected: object, force?: boolean }}
 * @returns {{ action: 'ready' | 'prepare' | 'no-electron', reason: string }}
 */
export function decide(facts) {
  if (facts.electron === 'skipped') {
    return {
      action: 'no-electron',
      reason:
        'npm start needs Electron, but its binary was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD is set).\n' +
        'Run the same app in your browser instead: npm run web\n' +
        'Or install Electron where it can be downloaded: unset ELECTRON_SKIP_BINARY_DOWNLOAD && npm ci',
    };
  }
  if (facts.electron === 'missing') {
    return {
      action: 'no-electron',
      reason:
        'npm start needs Electron, but its binary is not installed (its download failed or was skipped during npm ci).\n' +
        'Get it with network access: node node_modules/electron/install.js\n' +
        'Or run the same app in your browser: npm run web',
    };
  }
  if (facts.force) return { action: 'prepare', reason: 'a fresh build was asked for (--force)' };
  if (!facts.addonExists) return { action: 'prepare', reason: 'the Electron copy of better-sqlite3 is missing' };
  const stale = staleReason(facts.stamp, facts.expected);
  if (stale) return { action: 'prepare', reason: `the Electron copy of better-sqlite3 is stale: ${stale}` };
  return { action: 'ready', reason: `better-sqlite3 ${facts.expected.betterSqlite3} for Electron ${facts.expected.electron} is ready` };
}

/**
 * Gets the addon: Electron's prebuilt binary of better-sqlite3 first (it publishes them), a build
 * from source second. Ports: getPrebuilt/buildFromSource return the path of a built .node file or
 * throw; verify throws when that file is not for Electron's ABI; install copies it into place with
 * its stamp.
 * @returns {Promise<{ ok: true, via: 'prebuilt' | 'source', path: string } | { ok: false, message: string }>}
 */
export async function prepareAddon({ expected, getPrebuilt, buildFromSource, verify = () => {}, install, log = () => {} }) {
  const tries = [
    [
      'prebuilt',
      `Downloading the prebuilt better-sqlite3 ${expected.betterSqlite3} for Electron ${expected.electron} (${expected.platform}-${expected.arch})…`,
      getPrebuilt,
    ],
    ['source', `Building better-sqlite3 ${expected.betterSqlite3} from source for Electron ${expected.electron}…`, buildFromSource],
  ];
  const failures = [];
  for (const [via, announce, attempt] of tries) {
    log(announce);
    try {
      const built = await attempt(expected);
      await verify(built, expected);
      const path = await install(built, expected);
      return { ok: true, via, path };
    } catch (error) {
      failures.push(`${via === 'prebuilt' ? 'prebuilt download' : 'build from source'}: ${firstLine(error)}`);
    }
  }
  return {
    ok: false,
    message:
      `Could not prepare SQLite (better-sqlite3 ${expected.betterSqlite3}) for Electron ${expected.electron}, so the desktop app cannot open its database.\n` +
      failures.map((f) => `  - ${f}`).join('\n') +
      "\nThe prebuilt binary needs network access to GitHub; a build from source needs Electron's headers (electronjs.org) and a C++ toolchain (python3, make, g++).\n" +
      `When you have either, run: ${PREPARE_COMMAND}\n` +
      'Meanwhile the same app runs in your browser: npm run web',
  };
}

function firstLine(error) {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').find((line) => line.trim() !== '') ?? text;
}
