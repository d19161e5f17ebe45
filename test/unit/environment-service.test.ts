import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { EnvironmentService, LOCAL_ENVIRONMENT_ID } from '@main/platform/workspace/environment-service';
import { checkConnectionAttempt } from '@main/platform/workspace/environment-rules';
import { NoticeBoard } from '@main/platform/notices/notice-board';
import { createNodeTestCipher } from '@main/platform/secrets/cipher';
import { SecretVault, secretRefs } from '@main/platform/secrets/secret-vault';
import { createJsonFileStore } from '@main/platform/json-store/settings-store';
import { openWorkbenchDatabase } from '@main/platform/storage/database';
import { EnvironmentInputSchema } from '@shared/domain/environment';

const SECRET = 'sk_MARKER_prod_9d8c7b6a5f4e';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'envs-'));
  const db = openWorkbenchDatabase(join(dir, 'workbench.sqlite'));
  const vault = new SecretVault({
    path: join(dir, 'secrets.json'),
    openStore: createJsonFileStore,
    cipher: createNodeTestCipher(),
    notices: new NoticeBoard(),
  });
  let active: string | undefined;
  const onChanged = vi.fn();
  const service = new EnvironmentService({ db, vault, active: { get: () => active, set: (id) => (active = id) }, onChanged });
  return { dir, db, vault, service, onChanged };
}

const sandbox = {
  name: 'Acme Sandbox',
  kind: 'sandbox' as const,
  clientId: 'a1b2c3d4-0000-4000-8000-00000000f00d',
  clientSecret: 'sandbox-secret-123',
};
const production = {
  name: 'Acme Production',
  kind: 'production' as const,
  clientId: 'p1b2c3d4-0000-4000-8000-00000000beef',
  clientSecret: SECRET,
};

describe('EnvironmentService', () => {
  it('starts with the Local simulator active', () => {
    const { service } = setup();
    const state = service.state();
    expect(state.activeId).toBe(LOCAL_ENVIRONMENT_ID);
    expect(state.environments).toEqual([expect.objectContaining({ id: 'local', kind: 'local-simulator', builtIn: true, hasSecret: true })]);
  });

  it('creates, renames, switches and shows only a hint of the client_id, never the secret', () => {
    const { service, onChanged } = setup();
    service.create(sandbox);
    const created = service.state().environments.find((e) => e.name === 'Acme Sandbox')!;
    expect(created).toMatchObject({ kind: 'sandbox', clientIdHint: '…f00d', hasSecret: true });
    expect(JSON.stringify(service.state())).not.toContain('sandbox-secret-123');
    expect(JSON.stringify(service.state())).not.toContain(sandbox.clientId);
    service.update({ id: created.id, name: 'Acme Sandbox (EU)' });
    service.setActive(created.id);
    expect(service.state()).toMatchObject({ activeId: created.id });
    expect(onChanged).toHaveBeenLastCalledWith(expect.objectContaining({ activeId: created.id }));
  });

  it('refuses duplicate names, case-insensitively', () => {
    const { service } = setup();
    service.create(sandbox);
    expect(() => service.create({ ...sandbox, name: 'acme SANDBOX' })).toThrow(/already exists/);
    expect(() => service.create({ ...sandbox, name: 'local simulator' })).toThrow(/already exists/);
  });

  it('renaming into another environment’s name is a conflict, also where JS and SQLite fold case differently', () => {
    const { service } = setup();
    service.create({ ...sandbox, name: 'k' });
    service.create({ ...sandbox, name: '\u212a' }); // KELVIN SIGN: JS lowercases it to "k", SQLite NOCASE does not
    const kelvin = service.state().environments.find((e) => e.name === '\u212a')!;
    expect(() => service.update({ id: kelvin.id, name: 'K' })).toThrow(/already exists/);
    expect(service.state().environments.map((e) => e.name)).toContain('\u212a');
    service.update({ id: kelvin.id, name: '\u212a' }); // its own name is not a clash
  });

  it('duplicates without the secret', () => {
    const { service } = setup();
    service.create(sandbox);
    const original = service.state().environments.find((e) => e.name === 'Acme Sandbox')!;
    service.duplicate(original.id, 'Acme Sandbox copy');
    const copy = service.state().environments.find((e) => e.name === 'Acme Sandbox copy')!;
    expect(copy).toMatchObject({ kind: 'sandbox', clientIdHint: '…f00d', hasSecret: false });
  });

  it('replaces and clears a secret; a new client_id drops the old secret', () => {
    const { service, vault } = setup();
    service.create(sandbox);
    const env = service.state().environments.find((e) => e.name === 'Acme Sandbox')!;
    service.update({ id: env.id, clientSecret: 'replaced-secret-456' });
    expect(vault.reveal(secretRefs.clientSecret(env.id))).toBe('replaced-secret-456');
    service.update({ id: env.id, clearSecret: true });
    expect(service.state().environments.find((e) => e.id === env.id)?.hasSecret).toBe(false);
    service.update({ id: env.id, clientSecret: 'again-secret-789' });
    service.update({ id: env.id, clientId: 'another-client-id-000' });
    expect(vault.has(secretRefs.clientSecret(env.id))).toBe(false);
  });

  it('spells out what a deletion removes and asks Production for its typed name', () => {
    const { service, db, vault } = setup();
    service.create(production);
    const env = service.state().environments.find((e) => e.kind === 'production')!;
    db.prepare("INSERT INTO customers (environment_id, id, name, created_at) VALUES (?, 'cust-1', 'Acme', 1)").run(env.id);
    db.prepare(
      "INSERT INTO connections (environment_id, id, customer_id, created_at, updated_at) VALUES (?, 'conn-1', 'cust-1', 1, 1)",
    ).run(env.id);
    db.prepare(
      "INSERT INTO requests (call_id, time, environment_id, method, path, duration_ms, attempt, outcome) VALUES ('c', 1, ?, 'GET', '/x', 1, 1, 'ok')",
    ).run(env.id);
    vault.put(secretRefs.accessToken(env.id, 'conn-1'), 'token-abc-123');
    expect(service.describeDeletion(env.id)).toMatchObject({
      customers: 1,
      connections: 1,
      requests: 1,
      secrets: 2,
      requiresTypedConfirmation: true,
    });
    expect(() => service.remove(env.id)).toThrow(/Type the environment's name/);
    expect(() => service.remove(env.id, 'acme production')).toThrow(/Type the environment's name/);
    service.remove(env.id, 'Acme Production');
    expect(service.state().environments.map((e) => e.id)).toEqual(['local']);
    expect(vault.has(secretRefs.accessToken(env.id, 'conn-1'))).toBe(false);
    expect((db.prepare('SELECT count(*) n FROM requests').get() as { n: number }).n).toBe(0);
  });

  it('never deletes or re-keys the Local simulator', () => {
    const { service } = setup();
    expect(() => service.remove('local')).toThrow(/built in/);
    expect(() => service.update({ id: 'local', clientId: 'someone-else-1' })).toThrow(/built-in credentials/);
  });

  it('falls back to the Local simulator when the active environment is deleted', () => {
    const { service } = setup();
    service.create(sandbox);
    const env = service.state().environments.find((e) => e.kind === 'sandbox')!;
    service.setActive(env.id);
    service.remove(env.id);
    expect(service.state().activeId).toBe('local');
  });

  it('exports without secrets and imports all-or-nothing', () => {
    const { service } = setup();
    service.create(sandbox);
    service.create(production);
    const text = service.exportJson();
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('sandbox-secret-123');
    const other = setup().service;
    other.importJson(text);
    expect(other.state().environments.map((e) => [e.name, e.hasSecret])).toEqual([
      ['Local simulator', true],
      ['Acme Sandbox', false],
      ['Acme Production', false],
    ]);
    expect(() => other.importJson(text)).toThrow(/already exists; nothing was imported/);
    expect(() => other.importJson('{"format":"something-else"}')).toThrow(/not a Finch Workbench environments file/);
    expect(() => other.importJson('not json')).toThrow(/not JSON/);
    expect(other.state().environments).toHaveLength(3);
  });

  it('refuses cross-environment use with a clear reason', () => {
    const { service } = setup();
    service.create(sandbox);
    const env = service.state().environments.find((e) => e.kind === 'sandbox')!;
    expect(() => service.assertSameEnvironment('local', env.id, 'Connection conn-1')).toThrow(
      /Connection conn-1 belongs to “Acme Sandbox”, not to “Local simulator”/,
    );
  });

  it('keeps the secret out of every file in the data folder except as ciphertext', () => {
    const { service, dir, db } = setup();
    service.create(production);
    db.pragma('wal_checkpoint(TRUNCATE)');
    for (const file of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, file));
      expect(bytes.includes(Buffer.from(SECRET)), file).toBe(false);
    }
  });
});

describe('environment input validation', () => {
  it('names the bad field', () => {
    const bad = EnvironmentInputSchema.safeParse({
      name: '',
      kind: 'sandbox',
      clientId: 'has spaces!',
      clientSecret: 'a b',
      apiBaseUrl: 'http://example.com',
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['name', 'clientId', 'clientSecret', 'apiBaseUrl']));
  });

  it('accepts https anywhere and http only on loopback', () => {
    const ok = (url: string) => EnvironmentInputSchema.safeParse({ ...sandbox, apiBaseUrl: url }).success;
    expect(ok('https://api.tryfinch.com')).toBe(true);
    expect(ok('http://127.0.0.1:4010')).toBe(true);
    expect(ok('http://localhost:4010/')).toBe(true);
    expect(ok('http://10.0.0.5:4010')).toBe(false);
    expect(ok('ftp://example.com')).toBe(false);
    expect(ok('https://user:pw@example.com')).toBe(false);
    expect(ok('javascript:alert(1)')).toBe(false);
  });
});

describe('environment rules (the seed)', () => {
  it('asks Sandbox for finch/provider and refuses assisted in Provider Sandbox', () => {
    expect(checkConnectionAttempt('sandbox', {}).allowed).toBe(false);
    expect(checkConnectionAttempt('sandbox', { sandboxMode: 'finch', authMethod: 'assisted' }).allowed).toBe(true);
    expect(checkConnectionAttempt('sandbox', { sandboxMode: 'provider', authMethod: 'assisted' }).reason).toMatch(
      /do not support assisted/,
    );
  });

  it('allows a Provider Sandbox connection at 4 of 5 active (the last one) and refuses one at 5 of 5', () => {
    expect(checkConnectionAttempt('sandbox', { sandboxMode: 'provider', activeProviderSandboxConnections: 3 })).toEqual({
      allowed: true,
      warnings: [],
    });
    const last = checkConnectionAttempt('sandbox', { sandboxMode: 'provider', activeProviderSandboxConnections: 4 });
    expect(last.allowed).toBe(true);
    expect(last.warnings[0]).toMatch(/4 of 5 .* the last one/);
    const full = checkConnectionAttempt('sandbox', { sandboxMode: 'provider', activeProviderSandboxConnections: 5 });
    expect(full.allowed).toBe(false);
    expect(full.reason).toMatch(/at most 5 active Provider Sandbox connections .* 5 of 5\. Disconnect one/);
    expect(checkConnectionAttempt('sandbox', { sandboxMode: 'finch', activeProviderSandboxConnections: 9 }).allowed).toBe(true);
  });

  it('blocks Gusto and assisted in Development and reminds to reconnect in Production', () => {
    expect(checkConnectionAttempt('development', { providerId: 'gusto' }).reason).toMatch(/Gusto is not supported in Development/);
    expect(checkConnectionAttempt('development', { authMethod: 'assisted' }).reason).toMatch(/Assisted providers/);
    expect(checkConnectionAttempt('development', { providerId: 'bamboo_hr' }).warnings[0]).toMatch(/connect again in Production/);
  });

  it('warns that Production is billable', () => {
    expect(checkConnectionAttempt('production', { providerId: 'gusto' }).warnings[0]).toMatch(/billable/);
  });
});
