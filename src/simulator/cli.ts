/**
 * `npm run simulator [-- --port N --state FILE --client-id ID --client-secret SECRET --seed N --no-rate-limits]`
 * Starts the simulator on 127.0.0.1 and prints its base URL as the first line. Ctrl-C stops it.
 */
import { startSimulator } from './index';
import type { SimulatorOptions } from './index';

const USAGE = `Usage: npm run simulator -- [options]
  --port N                 listen on 127.0.0.1:N (default: a random free port)
  --state FILE             keep state in FILE across restarts
  --client-id ID           accept only this application (needs --client-secret)
  --client-secret SECRET
  --seed N                 seed for generated data (default 1)
  --no-rate-limits         start with Finch's rate limits switched off
  --webhook-url URL        send signed webhook events to URL (repeatable)
  --webhook-secret SECRET  base64 secret to sign them with (default: a new one, printed)
  --help                   show this help`;

export function parseArgs(argv: readonly string[]): SimulatorOptions | 'help' {
  const options: SimulatorOptions = {};
  let clientId: string | undefined;
  let clientSecret: string | undefined;
  const webhookUrls: string[] = [];
  let webhookSecret: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--help':
      case '-h':
        return 'help';
      case '--port': {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error('--port must be an integer in [0, 65535]');
        options.port = port;
        break;
      }
      case '--state':
        options.stateFile = value();
        break;
      case '--client-id':
        clientId = value();
        break;
      case '--client-secret':
        clientSecret = value();
        break;
      case '--seed': {
        const seed = Number(value());
        if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
        options.seed = seed;
        break;
      }
      case '--no-rate-limits':
        options.rateLimits = false;
        break;
      case '--webhook-url':
        webhookUrls.push(value());
        break;
      case '--webhook-secret':
        webhookSecret = value();
        break;
      default:
        throw new Error(`unknown option ${arg}`);
    }
  }
  if ((clientId === undefined) !== (clientSecret === undefined)) throw new Error('--client-id and --client-secret go together');
  if (clientId !== undefined && clientSecret !== undefined) options.credentials = { clientId, clientSecret };
  if (webhookSecret !== undefined && webhookUrls.length === 0) throw new Error('--webhook-secret needs --webhook-url');
  if (webhookUrls.length > 0) options.webhooks = { endpoints: webhookUrls.map((url) => ({ url, secret: webhookSecret })) };
  return options;
}

async function main(): Promise<void> {
  let options: SimulatorOptions | 'help';
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`simulator: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  const simulator = await startSimulator(options);
  console.log(simulator.baseUrl);
  console.log(`Finch simulator listening on ${simulator.baseUrl}`);
  console.log(`  Connect:   ${simulator.connectUrl}/authorize?session=<session_id>`);
  console.log(`  Admin API: ${simulator.baseUrl}/_simulator`);
  console.log(
    options.credentials
      ? `  Accepting client_id ${options.credentials.clientId} only`
      : '  Accepting any non-empty client_id/client_secret pair (each client_id is its own application)',
  );
  if (options.stateFile) console.log(`  State:     ${options.stateFile}`);
  for (const endpoint of simulator.webhooks.endpoints()) {
    console.log(`  Webhooks:  ${endpoint.url} (secret ${endpoint.secret})`);
  }
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void simulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`simulator: ${(error as Error).message}`);
    process.exit(1);
  });
}
