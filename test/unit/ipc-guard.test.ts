import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { channel, event } from '../../src/shared/ipc/contract-kit';
import type { HandlerMapOf } from '../../src/shared/ipc/contract-kit';
import { createIpcGuard } from '../../src/main/ipc/guard';
import type { SenderInfo } from '../../src/main/ipc/guard';
import { WorkbenchError } from '../../src/main/errors';

const testContract = {
  things: {
    rename: channel({
      input: z.object({ id: z.string().min(1), name: z.string().min(1).max(40) }).strict(),
      output: z.object({ id: z.string(), name: z.string() }),
      summary: 'rename a thing',
    }),
    explode: channel({ input: z.object({}).strict(), output: z.null(), summary: 'throws' }),
    missing: channel({ input: z.object({}).strict(), output: z.null(), summary: 'throws not found' }),
    lie: channel({ input: z.object({}).strict(), output: z.object({ n: z.number() }), summary: 'breaks the contract' }),
    renamed: event({ payload: z.object({ id: z.string() }), summary: 'a thing was renamed' }),
  },
};

const TRUSTED: SenderInfo = { origin: 'app://workbench', isMainFrame: true, id: 'webContents:1' };

function makeGuard() {
  const rename = vi.fn(({ id, name }: { id: string; name: string }) => ({ id, name }));
  const handlers: HandlerMapOf<typeof testContract> = {
    things: {
      rename,
      explode: () => {
        throw new Error('database at /home/someone/secret path exploded');
      },
      missing: () => {
        throw new WorkbenchError('not_found', 'No thing with id 7', { requestId: 'req_123' });
      },
      lie: () => ({ n: 'not a number' }) as unknown as { n: number },
    },
  };
  const internal = vi.fn();
  const guard = createIpcGuard({
    contract: testContract,
    handlers,
    isTrustedSender: (s) => s.origin === 'app://workbench' && s.id === 'webContents:1',
    onInternalError: internal,
  });
  return { guard, rename, internal };
}

describe('IPC guard', () => {
  it('serves a valid call from our window', async () => {
    const { guard } = makeGuard();
    expect(await guard.dispatch('things:rename', { id: 'a', name: 'Acme' }, TRUSTED)).toEqual({
      ok: true,
      value: { id: 'a', name: 'Acme' },
    });
  });

  it('rejects an unknown channel, including prototype names', async () => {
    const { guard } = makeGuard();
    for (const name of ['things:delete', '__proto__', 'constructor', 'toString', 'things:renamed']) {
      const result = await guard.dispatch(name, {}, TRUSTED);
      expect(result).toMatchObject({ ok: false, error: { kind: 'not_found' } });
      if (!result.ok) expect(result.error.message).toContain('Unknown channel');
    }
  });

  it('rejects an invalid payload with a validation error naming the field', async () => {
    const { guard, rename } = makeGuard();
    const result = await guard.dispatch('things:rename', { id: 'a', name: '' }, TRUSTED);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('validation');
    expect(result.error.fields?.map((f) => f.path)).toEqual(['name']);
    expect(result.error.message).toMatch(/things:rename: name: /);
    expect(rename).not.toHaveBeenCalled();
  });

  it('refuses text with an unpaired surrogate (it cannot be stored faithfully), and keeps emoji', async () => {
    const { guard, rename } = makeGuard();
    const broken = await guard.dispatch('things:rename', { id: 'a', name: 'Acme \ud800' }, TRUSTED);
    expect(broken).toMatchObject({ ok: false, error: { kind: 'validation', fields: [{ path: 'name' }] } });
    expect(rename).not.toHaveBeenCalled();
    expect(await guard.dispatch('things:rename', { id: 'a', name: 'Acme 🐦' }, TRUSTED)).toMatchObject({ ok: true });
  });

  it('names unexpected keys and wrong types', async () => {
    const { guard } = makeGuard();
    const extra = await guard.dispatch('things:rename', { id: 'a', name: 'b', admin: true }, TRUSTED);
    expect(!extra.ok && extra.error.message).toContain('admin');
    const wrongType = await guard.dispatch('things:rename', { id: 5, name: 'b' }, TRUSTED);
    expect(!wrongType.ok && wrongType.error.fields?.[0]?.path).toBe('id');
    const notAnObject = await guard.dispatch('things:rename', 'drop table', TRUSTED);
    expect(!notAnObject.ok && notAnObject.error.kind).toBe('validation');
  });

  it('refuses a foreign sender and a sub-frame before running anything', async () => {
    const { guard, rename } = makeGuard();
    const foreign = await guard.dispatch('things:rename', { id: 'a', name: 'b' }, { ...TRUSTED, origin: 'https://evil.example' });
    expect(foreign).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const otherWindow = await guard.dispatch('things:rename', { id: 'a', name: 'b' }, { ...TRUSTED, id: 'webContents:9' });
    expect(otherWindow).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const subFrame = await guard.dispatch('things:rename', { id: 'a', name: 'b' }, { ...TRUSTED, isMainFrame: false });
    expect(subFrame).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(rename).not.toHaveBeenCalled();
  });

  it('turns an unexpected exception into an internal error without its message or stack', async () => {
    const { guard, internal } = makeGuard();
    const result = await guard.dispatch('things:explode', {}, TRUSTED);
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
    const text = JSON.stringify(result);
    expect(text).not.toContain('secret path');
    expect(text).not.toContain('at ');
    expect(internal).toHaveBeenCalledOnce();
    const reference = internal.mock.calls[0]?.[0] as string;
    expect(text).toContain(reference);
  });

  it('passes a WorkbenchError through as data with its details', async () => {
    const { guard } = makeGuard();
    expect(await guard.dispatch('things:missing', {}, TRUSTED)).toEqual({
      ok: false,
      error: { kind: 'not_found', message: 'No thing with id 7', requestId: 'req_123' },
    });
  });

  it('catches a handler that breaks its own output contract', async () => {
    const { guard, internal } = makeGuard();
    expect(await guard.dispatch('things:lie', {}, TRUSTED)).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(internal).toHaveBeenCalledOnce();
  });

  it('refuses to start when a channel has no handler', () => {
    expect(() =>
      createIpcGuard({
        contract: testContract,
        handlers: { things: {} } as unknown as HandlerMapOf<typeof testContract>,
        isTrustedSender: () => true,
      }),
    ).toThrow(/No handler for things:rename/);
  });
});
