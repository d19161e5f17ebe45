/**
 * The preload exposes exactly the contract: every channel and event, nothing else, and no
 * generic invoke. The expected key set is derived from the contract, not listed again here.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { contract } from '@shared/contract';
import { listChannels, listEvents, listenerName } from '@shared/ipc/contract-kit';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async () => ({ ok: true, value: null }));
const on = vi.fn();
const removeListener = vi.fn();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke, on, removeListener },
}));

type Api = Record<string, Record<string, (arg?: unknown) => unknown>>;
let api: Api;

beforeAll(async () => {
  await import('../../src/preload/index');
  api = exposed['workbench'] as Api;
});

describe('preload bridge', () => {
  it('exposes one object, window.workbench', () => {
    expect(Object.keys(exposed)).toEqual(['workbench']);
  });

  it('has exactly the contract channels and event listeners, and no generic invoke', () => {
    const expected = [
      ...listChannels(contract).map((c) => `${c.feature}.${c.name}`),
      ...listEvents(contract).map((e) => `${e.feature}.${listenerName(e.name)}`),
    ].sort();
    const actual = Object.entries(api)
      .flatMap(([feature, members]) => Object.keys(members).map((name) => `${feature}.${name}`))
      .sort();
    expect(actual).toEqual(expected);
    expect(expected.length).toBeGreaterThan(4);
    expect(Object.keys(api)).not.toContain('invoke');
    for (const members of Object.values(api)) {
      expect(Object.keys(members)).not.toContain('invoke');
      expect(Object.keys(members)).not.toContain('send');
    }
  });

  it('sends each call on its contract channel with the input unchanged', async () => {
    await api['settings']!['update']!({ theme: 'dark' });
    expect(invoke).toHaveBeenLastCalledWith('settings:update', { theme: 'dark' });
    await api['app']!['getInfo']!();
    expect(invoke).toHaveBeenLastCalledWith('app:getInfo', {});
  });

  it('hands listeners the payload only, never the Electron event, and unsubscribes', () => {
    const listener = vi.fn();
    const off = api['settings']!['onChanged']!(listener) as () => void;
    const [channel, wrapped] = on.mock.calls.at(-1) as [string, (event: unknown, payload: unknown) => void];
    expect(channel).toBe('settings:changed');
    wrapped({ sender: 'the electron event' }, { theme: 'light' });
    expect(listener).toHaveBeenCalledWith({ theme: 'light' });
    expect(listener.mock.calls[0]).toHaveLength(1);
    off();
    expect(removeListener).toHaveBeenCalledWith('settings:changed', wrapped);
  });

  it('freezes the API so page scripts cannot swap a channel', () => {
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api['settings'])).toBe(true);
  });
});
