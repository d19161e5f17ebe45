import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { channel, event } from '@shared/ipc/contract-kit';
import type { HandlerMapOf } from '@shared/ipc/contract-kit';
import { createIpcGuard } from '@main/platform/ipc/guard';
import type { SenderInfo } from '@main/platform/ipc/guard';
import { WorkbenchError } from '@main/platform/errors';
import { contract } from '@shared/contract';
import { listChannels } from '@shared/ipc/contract-kit';

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
    // Forms read `fields`; the message is for people: the field by its label, never the channel.
    expect(result.error.message).toMatch(/^Name: /);
    expect(result.error.message).not.toContain('things:rename');
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

  it('an unexpected exception names no channel either (the log keeps it)', async () => {
    const { guard, internal } = makeGuard();
    const result = await guard.dispatch('things:explode', {}, TRUSTED);
    expect(!result.ok && result.error.message).toMatch(/^Something went wrong \(reference [0-9a-f]{8}\)/);
    expect(JSON.stringify(result)).not.toContain('things:explode');
    expect(internal.mock.calls[0]?.[1]).toBe('things:explode');
  });
});

/** `area:verb`, the shape of every channel name: it must never reach a user. */
const CHANNEL_NAME = /\b[a-z][A-Za-z]*:[a-z][A-Za-z]*\b/;

describe('validation messages of every real channel', () => {
  const channels = listChannels(contract);
  // Every handler is a stub: validation fails before any of them could run.
  const handlers: Record<string, Record<string, () => null>> = {};
  for (const { feature, name } of channels) (handlers[feature] ??= {})[name] = () => null;
  const guard = createIpcGuard({ contract, handlers: handlers as unknown as HandlerMapOf<typeof contract>, isTrustedSender: () => true });
  /** Payloads no channel accepts: wrong shapes, unknown keys, a broken character, every field of the wrong type. */
  const badPayloads = (shape: Record<string, unknown>): unknown[] => [
    42,
    'drop table',
    [],
    { zzUnknownField: true, note: 'bad \ud800' },
    Object.fromEntries(Object.keys(shape).map((key) => [key, { wrong: [Symbol.name] }])),
    Object.fromEntries(Object.keys(shape).map((key) => [key, -1.5])),
  ];

  it.each(channels.map((c) => [c.channel, c] as const))(
    '%s says what is wrong in words, without a channel name',
    async (channel, entry) => {
      const shape = (entry.spec.input as unknown as { shape?: Record<string, unknown> }).shape ?? {};
      let refused = 0;
      for (const payload of badPayloads(shape)) {
        const result = await guard.dispatch(channel, payload, TRUSTED);
        if (result.ok || result.error.kind !== 'validation') continue;
        refused++;
        expect(result.error.message, JSON.stringify(payload)).not.toMatch(CHANNEL_NAME);
        expect(result.error.message).not.toContain(channel);
        expect(result.error.message).not.toMatch(/Invalid input for/);
        expect(result.error.fields?.length).toBeGreaterThan(0);
        // The first field is named the way a form labels it (“End date”, not “endDate”).
        expect(result.error.message).toMatch(/^[A-Z][a-z]/);
      }
      expect(refused).toBeGreaterThan(0);
    },
  );

  it('names the date-range field the way the explorer form does', async () => {
    const result = await guard.dispatch(
      'explorer:payments',
      { connectionId: 'c1', startDate: '2025-06-30', endDate: '2025-01-01' },
      TRUSTED,
    );
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation', fields: [{ path: 'endDate' }] } });
    expect(!result.ok && result.error.message).toBe('End date: must be on or after the start date');
  });
});
