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
const start = (bridge: unknown) => startEarlyReads(bridge as WorkbenchApi | undefined);

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
});
