/**
 * `npm run web`: the app's UI in your browser, backed by the same main-process services.
 * Options: --port N (default: random), --data-dir DIR (default: ~/.local/share/finch-workbench-web
 * or $WORKBENCH_DATA_DIR).
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness } from './server';

const { values } = parseArgs({
  options: { port: { type: 'string' }, 'data-dir': { type: 'string' } },
});

const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
  process.exit(2);
}
const dataFolder = resolve(
  values['data-dir'] ?? process.env['WORKBENCH_DATA_DIR'] ?? join(process.env['XDG_DATA_HOME'] ?? join(homedir(), '.local/share'), 'finch-workbench-web'),
);

void startHarness({ dataFolder, port }).then(
  (harness) => {
    console.log(`Finch Workbench (browser harness) at ${harness.url}`);
    console.log(`Data folder: ${dataFolder}`);
    console.log('Press Ctrl-C to stop.');
    const stop = (): void => {
      void harness.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
  (error: unknown) => {
    console.error(`Could not start the harness: ${(error as Error).message}`);
    process.exit(1);
  },
);
