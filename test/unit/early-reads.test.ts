/**
 * The first screen's early reads (src/renderer/src/components/startup/early-reads.ts): sent at start, taken
 * once by the hooks, and never older than a change event that arrived meanwhile (main answers
 * and broadcasts over one ordered channel, so the last to arrive is the newest).
 */
import { describe, expect, it, vi } from 'vitest';
import type { WorkbenchApi } from '@shared/contract';
import { startEarlyReads } from '@renderer/components/startup/early-reads';

type Listener = (value: unknown) => void;

function fakeBridge() {
  const replies = new Map<string, (value: unknown) => void>();
  const listeners = new Map<string, Listener>();
  const calls: string[] = [];
  const call = (name: string) => () => {
    calls.push(name);
    return new Promise((resolve) => replies.set(name, (value) => resolve({ ok: true, value })));
  };
  const listen = (name: string) => (listener: Listener) => {
    listeners.set(name, listener);
    return () => listeners.delete(name);
  };
  const bridge = {
    environments: { getState: call('environments'), onChanged: listen('environments') },
    settings: { get: call('settings'), onChanged: listen('settings') },
    app: { getInfo: call('info'), listNotices: call('notices'), onNoticesChanged: listen('notices') },
  };
  return { bridge, calls, replies, listeners };
}

// The fake has only what the first screen reads.
const start = (bridge: unknown) => startEarlyReads(bridge as WorkbenchApi | undefined).firstRead;

describe('early reads', () => {
  it('are sent when the module loads and taken once; a second read asks main again', async () => {
    const fake = fakeBridge();
    const firstRead = start(fake.bridge);
    expect(fake.calls).toEqual(['environments', 'settings', 'info', 'notices']);
    const again = vi.fn(() => Promise.resolve({ ok: true as const, value: 'fresh' as never }));
    const early = firstRead('info', again);
    fake.replies.get('info')!({ version: '1.0.0' });
    await expect(early).resolves.toEqual({ ok: true, value: { version: '1.0.0' } });
    expect(again).not.toHaveBeenCalled();
    await expect(firstRead('info', again)).resolves.toEqual({ ok: true, value: 'fresh' });
    expect(again).toHaveBeenCalledTimes(1);
  });

  it('keep a change event that arrives before the hook, unless the reply arrives after it', async () => {
    const fake = fakeBridge();
    const firstRead = start(fake.bridge);
    const unused = () => Promise.reject(new Error('not asked again'));
    // Reply, then an event: the event is newer.
    fake.replies.get('environments')!({ activeId: 'old' });
    await Promise.resolve();
    fake.listeners.get('environments')!({ activeId: 'new' });
    await expect(firstRead('environments', unused)).resolves.toEqual({ ok: true, value: { activeId: 'new' } });
    expect(fake.listeners.has('environments')).toBe(false);
    // An event, then the reply: the reply is newer.
    fake.listeners.get('settings')!({ theme: 'dark' });
    fake.replies.get('settings')!({ theme: 'light' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(firstRead('settings', unused)).resolves.toEqual({ ok: true, value: { theme: 'light' } });
  });

  it('without a bridge, leave every read to the hooks', async () => {
    const firstRead = start(undefined);
    await expect(firstRead('notices', () => Promise.resolve({ ok: true, value: [] }))).resolves.toEqual({ ok: true, value: [] });
  });

  it('hand the page’s answers to the first render, and the same object back when main confirms them', async () => {
    const fake = fakeBridge();
    const page = { settings: { theme: 'dark' }, info: { version: '1.0.0' } };
    const { firstRead, carried } = startEarlyReads(fake.bridge as unknown as WorkbenchApi, page as never);
    // The reads still go: main confirms what the page carried.
    expect(fake.calls).toEqual(['environments', 'settings', 'info', 'notices']);
    const shown = carried('settings');
    expect(shown).toEqual({ theme: 'dark' });
    expect(carried('environments')).toBeNull(); // not carried: the hook waits for firstRead
    fake.replies.get('settings')!({ theme: 'dark' });
    const confirmed = await firstRead('settings', () => Promise.reject(new Error('not asked again')));
    expect(confirmed.ok && confirmed.value).toBe(shown); // same object: a setState changes nothing
    // Main changed meanwhile (the page was served before the change): the newer answer wins.
    carried('info');
    fake.replies.get('info')!({ version: '1.0.1' });
    await expect(firstRead('info', () => Promise.reject(new Error('not asked again')))).resolves.toEqual({
      ok: true,
      value: { version: '1.0.1' },
    });
    // Once taken, later renders keep their own state.
    expect(carried('settings')).toBeNull();
  });

  it('prefer a change event that arrived before the first render to the page’s answer', () => {
    const fake = fakeBridge();
    const { carried } = startEarlyReads(fake.bridge as unknown as WorkbenchApi, { settings: { theme: 'dark' } });
    fake.listeners.get('settings')!({ theme: 'light' });
    expect(carried('settings')).toEqual({ theme: 'light' });
  });
});
