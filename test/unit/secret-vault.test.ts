import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeTestCipher, unavailableCipher } from '@main/platform/secrets/cipher';
import { SecretVault, secretRefs } from '@main/platform/secrets/secret-vault';
import { NoticeBoard } from '@main/platform/notices/notice-board';
import { createJsonFileStore } from '@main/platform/json-store/settings-store';
import { describeBackend } from '@main/platform/secrets/secret-storage';

const SECRET = 'sk_sandbox_MARKER_7f3a9c1e2b4d';
const key = Buffer.alloc(32, 7);

function vault(dir: string, cipher = createNodeTestCipher(key)) {
  const notices = new NoticeBoard();
  const v = new SecretVault({ path: join(dir, 'secrets.json'), openStore: createJsonFileStore, cipher, notices });
  return { v, notices };
}

describe('SecretVault', () => {
  it('round-trips a secret and stores only tagged ciphertext', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vault-'));
    const ref = secretRefs.clientSecret('env-1');
    vault(dir).v.put(ref, SECRET);
    const onDisk = readFileSync(join(dir, 'secrets.json'), 'utf8');
    expect(onDisk).not.toContain(SECRET);
    expect(onDisk).not.toContain(Buffer.from(SECRET).toString('base64'));
    const parsed = JSON.parse(onDisk) as { entries: Record<string, { algorithm: string }> };
    expect(parsed.entries[ref]?.algorithm).toBe('node-aes-256-gcm/v1');
    // A new vault over the same file (an app restart) decrypts it.
    const again = vault(dir).v;
    expect(again.has(ref)).toBe(true);
    expect(again.reveal(ref)).toBe(SECRET);
  });

  it('replaces and deletes secrets', () => {
    const { v } = vault(mkdtempSync(join(tmpdir(), 'vault-')));
    const ref = secretRefs.accessToken('env-1', 'conn-1');
    v.put(ref, 'first');
    v.put(ref, 'second');
    expect(v.reveal(ref)).toBe('second');
    v.delete(ref);
    expect(v.has(ref)).toBe(false);
    expect(() => v.reveal(ref)).toThrow(/No secret is stored/);
  });

  it('deletes everything of one environment at once', () => {
    const { v } = vault(mkdtempSync(join(tmpdir(), 'vault-')));
    v.put(secretRefs.clientSecret('env-1'), 'a');
    v.put(secretRefs.accessToken('env-1', 'c1'), 'b');
    v.put(secretRefs.clientSecret('env-2'), 'c');
    expect(v.deleteWhere('environment/env-1/') + v.deleteWhere('connection/env-1/')).toBe(2);
    expect(v.has(secretRefs.clientSecret('env-2'))).toBe(true);
  });

  it('refuses to persist without OS secret storage (Linux basic_text) and keeps secrets for the session only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vault-'));
    const status = describeBackend('basic_text', true);
    expect(status.available).toBe(false);
    const { v, notices } = vault(dir, unavailableCipher(status));
    v.put(secretRefs.clientSecret('env-1'), SECRET);
    expect(v.reveal(secretRefs.clientSecret('env-1'))).toBe(SECRET);
    expect(v.status().mode).toBe('session-only');
    expect(existsSync(join(dir, 'secrets.json'))).toBe(false);
    expect(notices.list().map((n) => n.id)).toContain('vault-session-only');
    expect(notices.list().find((n) => n.id === 'vault-session-only')?.message).toMatch(/keyring/);
  });

  it('refuses an entry tagged with another algorithm instead of decrypting garbage', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vault-'));
    const ref = secretRefs.clientSecret('env-1');
    vault(dir).v.put(ref, SECRET);
    const other = { ...createNodeTestCipher(key), algorithm: 'electron-safeStorage/v1' };
    expect(() => vault(dir, other).v.reveal(ref)).toThrow(/encrypted with node-aes-256-gcm\/v1/);
  });

  it('says so when the key changed (keyring reset)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vault-'));
    const ref = secretRefs.clientSecret('env-1');
    vault(dir).v.put(ref, SECRET);
    expect(() => vault(dir, createNodeTestCipher(Buffer.alloc(32, 9))).v.reveal(ref)).toThrow(/could not be decrypted/);
  });

  it('moves a corrupt store file aside, tells the user, and keeps working', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vault-'));
    writeFileSync(join(dir, 'secrets.json'), '{"version":1,"entries":{"x":');
    const { v, notices } = vault(dir);
    expect(notices.list()[0]?.message).toMatch(/secrets file could not be read.*moved to/);
    expect(readdirSync(dir).some((f) => f.startsWith('secrets.corrupt-'))).toBe(true);
    v.put(secretRefs.clientSecret('env-1'), SECRET);
    expect(vault(dir).v.reveal(secretRefs.clientSecret('env-1'))).toBe(SECRET);
  });
});
