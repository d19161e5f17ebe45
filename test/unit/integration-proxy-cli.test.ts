/** `npm run proxy`: starts headless, prints the proxy's address, forwards to the simulator, stops on Ctrl-C. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

describe('npm run proxy', () => {
  it('prints the URL to give the SDK, answers Finch-shaped through it, and exits 0 on SIGINT', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'proxy-cli-'));
    const child = spawn(
      join(ROOT, 'node_modules/.bin/tsx'),
      ['src/harness/proxy-cli.ts', '--upstream', 'local', '--scenario', 'sync-in-progress', '--data-dir', dataDir],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    try {
      const url = await new Promise<string>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no URL printed:\n${output}`)), 60_000);
        child.stdout.on('data', () => {
          const match = /Finch proxy at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            done(match[1]);
          }
        });
      });
      expect(output).toContain(`Set your SDK's baseURL (or FINCH_BASE_URL) to ${url}`);
      expect(output).toContain('Scenario: 202 data sync in progress');
      const answer = await fetch(`${url}/employer/company`, { headers: { authorization: 'Bearer not-a-token-1234' } });
      // The preset answers data calls 202 before Finch would look at the token.
      expect(answer.status).toBe(202);
      expect(await answer.json()).toMatchObject({ finch_code: 'data_sync_in_progress' });
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  }, 90_000); // tsx compiles the whole core first: slow on a loaded machine
});
