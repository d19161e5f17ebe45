/**
 * State survives a restart through the state file, which never holds a usable token,
 * authorization code or client secret (only SHA-256 digests of tokens and codes).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TestSimulator } from './helpers/test-simulator';
import { ControllableClock } from '@simulator/index';
import { CLIENT_ID, CLIENT_SECRET, TEST_EPOCH, startTestSimulator } from './helpers/test-simulator';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('the state file', () => {
  it('keeps connections, tokens, codes, edits, job configuration and statuses across a restart without plaintext secrets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'finch-sim-state-'));
    const stateFile = join(dir, 'nested', 'simulator-state.json');
    let t: TestSimulator = await startTestSimulator({ stateFile });
    const created = await t.sandboxConnection({ employee_size: 9 });
    const token: string = created.access_token;
    const person = (await t.call('GET', '/employer/directory', { token })).body.individuals[3];
    await t.call('PUT', `/sandbox/individual/${person.id}`, { token, body: { preferred_name: 'Persisted' } });
    await t.call('PUT', '/sandbox/jobs/configuration', { token, body: { type: 'data_sync_all', completion_status: 'permissions_error' } });
    const session = await t.sdk().connect.sessions.new({ customer_id: 'cust-persist', customer_name: 'Persist Co', products: ['company'] });
    const code: string = (await t.completeConnect(session.session_id, { sdk_host_url: 'http://127.0.0.1:5999' })).body.code;
    const other = await t.sandboxConnection({ employee_size: 2 });
    await t.call('PUT', '/sandbox/connections/accounts', { token: other.access_token, body: { connection_status: 'reauth' } });
    const failuresBefore = [...t.recorder.failures];
    await t.close();

    const text = readFileSync(stateFile, 'utf8');
    for (const secret of [token, other.access_token, code, CLIENT_SECRET]) expect(text).not.toContain(secret);
    expect(text).toContain(sha256(token));
    expect(text).toContain(sha256(code));
    expect(text).toContain(CLIENT_ID);
    expect(readdirSync(join(dir, 'nested')).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    t = await startTestSimulator({ stateFile });
    try {
      const company = await t.call('GET', '/employer/company', { token });
      expect(company.status).toBe(200);
      expect(company.body.id).toBe(created.company_id);
      expect((await t.call('GET', '/employer/company', { token: other.access_token })).body.finch_code).toBe('reauthenticate_user');
      expect((await t.call('GET', '/sandbox/jobs/configuration', { token })).body).toEqual([
        { type: 'data_sync_all', completion_status: 'permissions_error' },
      ]);
      await t.call('PUT', '/sandbox/jobs/configuration', { token, body: { type: 'data_sync_all', completion_status: 'complete' } });
      await t.call('POST', '/sandbox/jobs', { token, body: { type: 'data_sync_all' } });
      t.sim.clock.advance(10_000);
      const individual = await t.call('POST', '/employer/individual', { token, body: { requests: [{ individual_id: person.id }] } });
      expect(individual.body.responses[0].body.preferred_name).toBe('Persisted');

      const exchanged = await t.call('POST', '/auth/token', { body: { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, code } });
      expect(exchanged.status).toBe(200);
      expect(exchanged.body.customer_name).toBe('Persist Co');
      const again = await t.call('POST', '/auth/token', { body: { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, code } });
      expect(again.body.name).toBe('invalid_grant_error');
      await t.sim.flush();
      expect(readFileSync(stateFile, 'utf8')).not.toContain(exchanged.body.access_token);
      expect([...failuresBefore, ...t.recorder.failures]).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('drops expired codes and sessions on start, keeping connections', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'finch-sim-state-'));
    const stateFile = join(dir, 'state.json');
    let t = await startTestSimulator({ stateFile });
    const created = await t.sandboxConnection({ employee_size: 2 });
    const session = await t
      .sdk()
      .connect.sessions.new({ customer_id: 'old', customer_name: 'Old', products: ['company'], minutes_to_expire: 5 });
    const code: string = (await t.completeConnect(session.session_id, { sdk_host_url: 'http://127.0.0.1:5999' })).body.code;
    await t.close();
    expect(readFileSync(stateFile, 'utf8')).toContain(sha256(code));

    const later = new ControllableClock();
    later.set(Date.parse(TEST_EPOCH) + 3 * 86_400_000);
    t = await startTestSimulator({ stateFile, clock: later });
    try {
      await t.sim.flush();
      const text = readFileSync(stateFile, 'utf8');
      expect(text).not.toContain(sha256(code));
      expect(text).not.toContain(session.session_id);
      expect((await t.call('GET', '/employer/company', { token: created.access_token })).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('an unreadable state file is set aside and the simulator starts empty', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'finch-sim-state-'));
    const stateFile = join(dir, 'state.json');
    writeFileSync(stateFile, '{ not json');
    const lines: string[] = [];
    const t = await startTestSimulator({ stateFile, log: (line) => lines.push(line) });
    try {
      expect((await t.admin('GET', '/_simulator/state')).body.connections).toEqual([]);
      expect(lines.join('\n')).toMatch(/unreadable/);
      expect(readdirSync(dir).some((f) => f.startsWith('state.json.unreadable-'))).toBe(true);
    } finally {
      await t.close();
    }
    expect(existsSync(stateFile)).toBe(false);
  });
});
