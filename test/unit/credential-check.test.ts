import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '@main/platform/clock';
import { checkCredentials } from '@main/features/environments/credential-check';
import { FinchGateway } from '@main/platform/finch/gateway';
import { RateLimiter } from '@main/platform/finch/rate-limiter';
import { RequestLog } from '@main/platform/request-log/request-log';
import type { RunningSimulator } from '@simulator';
import { startSimulator } from '@simulator';
import { openWorkbenchDatabase } from '@main/platform/storage/database';

let sim: RunningSimulator;
let gateway: FinchGateway;
let log: RequestLog;
beforeAll(async () => {
  sim = await startSimulator({ credentials: { clientId: 'acme-sandbox-client', clientSecret: 'the-right-secret' }, log: () => {} });
  log = new RequestLog(openWorkbenchDatabase(join(mkdtempSync(join(tmpdir(), 'cc-')), 'db.sqlite')));
  gateway = new FinchGateway({ log, limiter: new RateLimiter({ clock: systemClock }), clock: systemClock, maxRetries: 0 });
});
afterAll(() => sim.close());

const target = (secret: string) => ({
  environmentId: 'env-1',
  baseURL: sim.baseUrl,
  clientId: 'acme-sandbox-client',
  clientSecret: secret,
});

describe('checkCredentials', () => {
  it('says the credentials work, what it did, and the request id, creating nothing', async () => {
    const result = await checkCredentials(gateway, target('the-right-secret'));
    expect(result).toMatchObject({ ok: true, status: 400 });
    expect(result.message).toMatch(/Credentials accepted.*nothing was created/);
    expect(result.requestId).toBe(log.search({ limit: 1 })[0]?.requestId);
  });

  it('says Finch rejected wrong credentials', async () => {
    const result = await checkCredentials(gateway, target('a-wrong-secret'));
    expect(result).toMatchObject({ ok: false, status: 401 });
    expect(result.message).toMatch(/rejected this client_id\/client_secret/);
    expect(result.requestId).toBeTruthy();
  });

  it('says when the API cannot be reached', async () => {
    const result = await checkCredentials(gateway, { ...target('x'), baseURL: 'http://127.0.0.1:9' });
    expect(result).toMatchObject({ ok: false, status: null });
    expect(result.message).toMatch(/Could not reach/);
  });
});
