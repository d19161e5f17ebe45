/**
 * `npm run proxy -- --upstream local [--port N] [--scenario PRESET] [--data-dir DIR]`: the
 * Integration lab's local Finch proxy without a window. Starts the workbench core headless (as
 * the browser harness does: same data folder by default, secrets for this session only), starts
 * the proxy, and prints the address to give your SDK. Every call is logged to the workbench's
 * request log ("your app"), so `npm run web` shows them afterwards. Ctrl-C stops.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareDataFolder } from '../main/platform/startup/data-folder';
import { describeStartFailure } from '../main/platform/startup/start-failure';
import { startHeadlessCore } from './server';

const USAGE = 'Usage: npm run proxy -- --upstream local|environment [--port N] [--scenario PRESET_ID] [--data-dir DIR]';

let values: { upstream?: string; port?: string; scenario?: string; 'data-dir'?: string };
try {
  ({ values } = parseArgs({
    options: { upstream: { type: 'string' }, port: { type: 'string' }, scenario: { type: 'string' }, 'data-dir': { type: 'string' } },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

const upstream = values.upstream ?? 'local';
if (upstream !== 'local' && upstream !== 'environment') {
  console.error(
    `--upstream must be "local" (the built-in simulator) or "environment" (the active environment), not "${upstream}"\n${USAGE}`,
  );
  process.exit(2);
}
const port = values.port === undefined ? undefined : Number(values.port);
if (port !== undefined && (!Number.isInteger(port) || port < 1024 || port > 65535)) {
  console.error(`--port must be a whole number from 1024 to 65535, not "${values.port}"`);
  process.exit(2);
}

const dataFolder = resolve(
  values['data-dir'] ??
    process.env['WORKBENCH_DATA_DIR'] ??
    join(process.env['XDG_DATA_HOME'] || join(homedir(), '.local', 'share'), 'finch-workbench-web'),
);

async function main(): Promise<void> {
  prepareDataFolder(dataFolder);
  const core = await startHeadlessCore({ dataFolder });
  const stop = (): void => {
    void core.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    const status = await core.integrationLab.start({
      upstream: upstream as 'local' | 'environment',
      ...(port !== undefined ? { port } : {}),
    });
    if (values.scenario) {
      const scenario = core.integrationLab.setScenario({ presetId: values.scenario });
      console.log(`Scenario: ${scenario.name}`);
    }
    console.log(`Finch proxy at ${status.url}`);
    console.log(`Forwarding to ${status.upstream!.environmentName} (${status.upstream!.baseUrl}); calls are logged in ${dataFolder}`);
    console.log(`Set your SDK's baseURL (or FINCH_BASE_URL) to ${status.url}`);
    console.log('Press Ctrl-C to stop.');
  } catch (error) {
    await core.close();
    throw error;
  }
}

main().catch((error: unknown) => {
  const message = (error as Error)?.message ?? String(error);
  // Bad input (an unknown preset, a taken port, a disarmed Production) is said as the app says it.
  if ((error as { kind?: string })?.kind) console.error(`Could not start the proxy: ${message}`);
  else {
    const failure = describeStartFailure(error, { port: port ?? 0 });
    console.error(`Could not start the proxy. ${failure.title}.\n${failure.text}`);
  }
  process.exit(1);
});
