/**
 * First run on a fresh machine, as the README says it: `npm run web` and `npm run simulator`
 * started as child processes with HOME set to an empty folder and no data-folder variables
 * (no WORKBENCH_DATA_DIR, no XDG_DATA_HOME, no ~/.local/share). The E2E fixtures always prepare
 * their own folders, so without this nothing would notice the first command a user types failing.
 * `npm run web` is "build && harness CLI": the build layer has just built out/, and rebuilding
 * here would empty out/ under the other E2E tests, so the CLI half runs exactly as npm runs it.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { expect, screenshot, test } from './fixtures';

const ROOT = resolve(__dirname, '../..');
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** The environment of a new user: an empty home and none of our variables. */
function newcomerEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, USERPROFILE: home };
  for (const name of ['WORKBENCH_DATA_DIR', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME']) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith('npm_')) delete env[name];
  env['PATH'] = [join(ROOT, 'node_modules', '.bin'), env['PATH'] ?? ''].join(delimiter);
  return env;
}

interface Started {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
}

/** Starts a shell command and waits until its stdout matches `ready` (or it exits). */
async function startCommand(command: string, home: string, ready: RegExp): Promise<Started & { match: RegExpMatchArray }> {
  const child = spawn(command, { cwd: ROOT, env: newcomerEnv(home), shell: true, detached: true });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const match = await new Promise<RegExpMatchArray>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`"${command}" did not start in 60 s:\n${output}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = output.match(ready);
      if (found) {
        clearTimeout(timer);
        done(found);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`"${command}" exited with ${String(code)}:\n${output}`));
    });
  });
  return { child, output: () => output, match };
}

function stop(child: ChildProcessWithoutNullStreams): void {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGINT');
  } catch {
    // already gone
  }
}

test('npm run web on a fresh home: creates its data folder owner-only, prints it, and serves the UI', async ({ page }) => {
  test.setTimeout(90_000);
  const [build, cli, ...rest] = scripts['web']!.split('&&').map((part) => part.trim());
  expect(build).toBe('electron-vite build');
  expect(rest).toEqual([]);
  const home = mkdtempSync(join(tmpdir(), 'workbench-newcomer-'));
  expect(readdirSync(home)).toEqual([]);

  const web = await startCommand(cli!, home, /at (http:\/\/127\.0\.0\.1:\d+)/);
  try {
    const dataFolder = join(home, '.local', 'share', 'finch-workbench-web');
    expect(web.output()).toContain(`Data folder: ${dataFolder}`);
    expect(existsSync(join(dataFolder, 'workbench.sqlite'))).toBe(true);
    for (const folder of [join(home, '.local'), join(home, '.local', 'share'), dataFolder]) {
      if (process.platform !== 'win32') expect(statSync(folder).mode & 0o777, folder).toBe(0o700);
    }

    await page.goto(web.match[1]!);
    await expect(page.getByRole('banner')).toContainText('Finch Workbench');
    // A new user lands on the built-in simulator, with nothing to configure.
    await expect(page.getByRole('banner')).toContainText(/Local simulator/i);
    await screenshot(page, 'first-run-web');
  } finally {
    stop(web.child);
  }
});

test('npm run simulator on a fresh home: prints its URL first, and its Connect page loads', async ({ page }) => {
  const home = mkdtempSync(join(tmpdir(), 'workbench-newcomer-'));
  const sim = await startCommand('npm run simulator', home, /^(http:\/\/127\.0\.0\.1:\d+)$/m);
  try {
    const baseUrl = sim.match[1]!;
    const created = await fetch(`${baseUrl}/connect/sessions`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Basic ${Buffer.from('newcomer-app:newcomer-secret').toString('base64')}`,
      },
      body: JSON.stringify({ customer_id: 'first-run', customer_name: 'First Run Co', products: ['company', 'directory'] }),
    });
    expect(created.status).toBe(201);
    const { connect_url: connectUrl } = (await created.json()) as { connect_url: string };
    await page.goto(connectUrl);
    await expect(page.getByRole('heading').first()).toBeVisible();
    await expect(page.locator('body')).toContainText(/Finch|Connect|provider/i);
    await screenshot(page, 'first-run-simulator-connect');
  } finally {
    stop(sim.child);
  }
});
