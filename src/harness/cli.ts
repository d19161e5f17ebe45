/**
 * `npm run web`: the app's UI in your browser, backed by the same main-process services.
 * Options: --port N (default: random), --data-dir DIR (default: $WORKBENCH_DATA_DIR, else
 * $XDG_DATA_HOME/finch-workbench-web, else ~/.local/share/finch-workbench-web). The folder is
 * created (owner-only) when missing; a failed start prints its cause and fix and exits 1.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareDataFolder } from '../main/platform/startup/data-folder';
import { describeStartFailure } from '../main/platform/startup/start-failure';
import { startHarness } from './server';

let values: { port?: string; 'data-dir'?: string };
try {
  ({ values } = parseArgs({ options: { port: { type: 'string' }, 'data-dir': { type: 'string' } } }));
} catch (error) {
  console.error(`${(error as Error).message}\nUsage: npm run web -- [--port N] [--data-dir DIR]`);
  process.exit(2);
}

const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
  process.exit(2);
}

const dataFolder = resolve(
  values['data-dir'] ??
    process.env['WORKBENCH_DATA_DIR'] ??
    join(process.env['XDG_DATA_HOME'] || join(homedir(), '.local', 'share'), 'finch-workbench-web'),
);

function fail(error: unknown): never {
  const failure = describeStartFailure(error, { port });
  console.error(`Could not start the harness. ${failure.title}.\n${failure.text}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const { created } = prepareDataFolder(dataFolder);
  console.log(`Data folder: ${dataFolder}${created ? ' (created, owner-only)' : ''}`);
  const harness = await startHarness({ dataFolder, port });
  console.log(`Finch Workbench (browser harness) at ${harness.url}`);
  console.log('Press Ctrl-C to stop.');
  const stop = (): void => {
    void harness.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(fail);
