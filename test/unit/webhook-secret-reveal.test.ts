/**
 * A webhook secret the app generates is shown to the user exactly once: the reply that
 * generates it carries only a one-time reveal id, and the export gate hands the secret over
 * for that id once (to show and copy), never again and never as a file. Everything else
 * (state, lists, any other copy) still carries no secret, only a hint of its last characters.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '@main/core';
import { startWorkbenchCore } from '@main/core';
import { createNodeTestCipher } from '@main/platform/secrets/cipher';
import { secretRefs } from '@main/platform/secrets/secret-vault';
import { createJsonFileStore } from '@main/platform/json-store/settings-store';
import type { PrepareExport } from '@shared/domain/exports';

let core: WorkbenchCore;

beforeAll(async () => {
  core = await startWorkbenchCore({
    app: {
      name: 'test',
      version: '0.0.0',
      runtime: 'browser-harness',
      platform: 'test',
      dataFolder: mkdtempSync(join(tmpdir(), 'webhook-reveal-')),
    },
    openSettingsStore: createJsonFileStore,
    cipher: createNodeTestCipher(),
    log: () => {},
  });
});
afterAll(async () => {
  await core.close();
});

const localSecret = () => core.vault.reveal(secretRefs.webhookSecret('local'));
const later = <T>(fn: () => T | Promise<T>): Promise<T> => Promise.resolve().then(fn);
const reveal = (revealId: string, target: PrepareExport['target'] = 'clipboard') =>
  later(() =>
    core.handlers.files.prepareExport({
      target,
      ...(target === 'file' ? { suggestedName: 'secret.txt' } : {}),
      raw: false,
      source: { kind: 'one-time-secret', revealId },
    }),
  );

describe('a generated webhook secret is shown once', () => {
  it('Generate: the reply carries a reveal id, not the secret; the gate hands the secret over once for it', async () => {
    const generated = await core.handlers.webhooks.generateSecret({});
    const secret = localSecret();
    expect(JSON.stringify(generated)).not.toContain(secret);
    expect(generated).toMatchObject({
      hasSecret: true,
      secretHint: secret.slice(-4),
      revealId: expect.stringMatching(/^reveal-[0-9a-f]{32}$/),
    });

    const shown = await reveal(generated.revealId!);
    expect(shown).toMatchObject({ target: 'clipboard', content: secret, total: 0 });
    await expect(reveal(generated.revealId!)).rejects.toThrow(/already shown/);

    // Afterwards: state and an ordinary copy of the value carry no secret.
    const state = await core.handlers.webhooks.state({});
    expect(JSON.stringify(state)).not.toContain(secret);
    expect(state.secretHint).toBe(secret.slice(-4));
    const copied = await core.handlers.files.prepareExport({
      target: 'clipboard',
      raw: true,
      source: { kind: 'text', text: `secret: ${secret}` },
    });
    expect(copied.content).not.toContain(secret);
  });

  it('never as a file, never for an unknown id, never for a secret that was replaced since', async () => {
    const first = await core.handlers.webhooks.generateSecret({});
    await expect(reveal(first.revealId!, 'file')).rejects.toThrow(/only be shown and copied/);
    await expect(reveal(`reveal-${'0'.repeat(32)}`)).rejects.toThrow(/already shown/);
    const second = await core.handlers.webhooks.generateSecret({});
    await expect(reveal(first.revealId!)).rejects.toThrow(/replaced/);
    expect((await reveal(second.revealId!)).content).toBe(localSecret());
  });

  it('starting the receiver shows the secret it generates once; with one stored, nothing is generated or shown', async () => {
    await core.handlers.webhooks.clearSecret({});
    const started = await core.handlers.webhooks.startReceiver({});
    expect(started.revealId).toEqual(expect.any(String));
    expect((await reveal(started.revealId!)).content).toBe(localSecret());
    await core.handlers.webhooks.stopReceiver({});
    const again = await core.handlers.webhooks.startReceiver({});
    expect(again.revealId).toBeNull();
  });

  it('a secret the user pastes is stored, hinted, and never sent back', async () => {
    const own = Buffer.from('my own dev server webhook secret').toString('base64');
    const state = await core.handlers.webhooks.setSecret({ secret: own });
    expect(JSON.stringify(state)).not.toContain(own);
    expect(state).toMatchObject({ hasSecret: true, secretHint: own.slice(-4) });
    expect(localSecret()).toBe(own);
  });
});
