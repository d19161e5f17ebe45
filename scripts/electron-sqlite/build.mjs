/**
 * The two ways to get better-sqlite3 for Electron's ABI, each in a scratch copy of the package
 * (native/.build) so node_modules/better-sqlite3, built for Node, is never touched:
 * prebuild-install with `--runtime electron` (a download), or node-gyp against Electron's headers.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { addonPaths } from './facts.mjs';

function scratchCopy(root) {
  const work = join(root, 'native', '.build');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'node_modules'), { recursive: true });
  writeFileSync(
    join(work, 'package.json'),
    JSON.stringify({ name: 'electron-sqlite-build', private: true, allowScripts: { 'better-sqlite3': true } }),
  );
  const source = join(root, 'node_modules', 'better-sqlite3');
  const copy = join(work, 'node_modules', 'better-sqlite3');
  cpSync(source, copy, { recursive: true, filter: (path) => !path.startsWith(join(source, 'build')) });
  return { work, copy };
}

function run(command, args, options) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8', timeout: 15 * 60_000, ...options });
  if (result.status !== 0)
    throw new Error(summarize(result.stderr ?? '') ?? result.error?.message ?? `${command} exited with ${result.status}`);
}

/** The one line of a failed tool's stderr that says why: a network error first, else its Error line. */
export function summarize(stderr) {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const network = lines.find((line) => /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|network connectivity|proxy/i.test(line));
  if (network) {
    const fetched = lines.find((line) => /\bGET https?:\/\//.test(line))?.replace(/^.*GET /, '');
    const why = /network connectivity|proxy/i.test(network)
      ? 'the network is unreachable'
      : network.replace(/^(gyp|prebuild-install) (ERR!|warn) (stack |install )?(Error: )?/, '');
    return `${why}${fetched ? ` (fetching ${fetched})` : ''}`;
  }
  return lines.find((line) => /ERR! stack Error:|^Error:|error:/i.test(line)) ?? lines.at(-1) ?? null;
}

const built = (copy) => {
  const file = join(copy, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(file)) throw new Error(`no ${file} after the step`);
  return file;
};

export function prebuiltGetter(root) {
  return async (expected) => {
    const { copy } = scratchCopy(root);
    const require = createRequire(join(root, 'node_modules', 'better-sqlite3', 'package.json'));
    const bin = join(dirname(require.resolve('prebuild-install/package.json')), 'bin.js');
    run(
      process.execPath,
      [bin, '--runtime', 'electron', '--target', expected.electron, '--platform', expected.platform, '--arch', expected.arch, '--verbose'],
      { cwd: copy },
    );
    return built(copy);
  };
}

/** node-gyp as installed with this checkout, else the copy npm bundles. */
function nodeGypBin(root) {
  const require = createRequire(join(root, 'package.json'));
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    const npmRoot = spawnSync('npm', ['root', '-g'], { encoding: 'utf8', shell: process.platform === 'win32' }).stdout.trim();
    return join(npmRoot, 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  }
}

export function sourceBuilder(root) {
  return async (expected) => {
    const { copy } = scratchCopy(root);
    // node-gyp is called directly with the runtime spelled out: through `npm rebuild` the
    // npm_config_runtime/target variables were silently dropped and Node's ABI was built.
    run(
      process.execPath,
      [
        nodeGypBin(root),
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${expected.electron}`,
        `--arch=${expected.arch}`,
        '--dist-url=https://electronjs.org/headers',
      ],
      { cwd: copy },
    );
    return built(copy);
  };
}

/**
 * Refuses a file built for the wrong ABI (a "successful" build can still target Node). Node
 * itself is the probe: it must refuse the addon and name Electron's NODE_MODULE_VERSION.
 */
export function verifyElectronAbi(root) {
  return (file) => {
    const abi = readFileSync(join(root, 'node_modules', 'electron', 'abi_version'), 'utf8').trim();
    const probe = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(file)})`], { encoding: 'utf8' });
    if (probe.status === 0)
      throw new Error(`the result loads in Node (ABI ${process.versions.modules}), so it was built for Node, not Electron (ABI ${abi})`);
    const found = /NODE_MODULE_VERSION (\d+)/.exec(probe.stderr ?? '')?.[1];
    if (found !== abi) throw new Error(`the result was built for ABI ${found ?? 'unknown'}, not Electron's ${abi}`);
  };
}

/** Copies the built file into native/electron/ and writes its stamp last (a crash leaves it stale, never falsely current). */
export function installer(root) {
  return async (file, expected) => {
    const paths = addonPaths(root);
    mkdirSync(paths.folder, { recursive: true });
    rmSync(paths.stamp, { force: true });
    copyFileSync(file, paths.addon);
    writeFileSync(paths.stamp, `${JSON.stringify({ ...expected, preparedAt: new Date().toISOString() }, null, 2)}\n`);
    rmSync(join(root, 'native', '.build'), { recursive: true, force: true });
    return paths.addon;
  };
}
