/**
 * Runs in the browser, in place of the Electron preload: builds the same `window.workbench`
 * from the same contract, but carries calls over a WebSocket to the harness server, which
 * hands them to the very same IPC guard and handler map as ipcMain.
 */
import type { Contract } from '@shared/contract';
import type { Result } from '@shared/ipc/contract-kit';
import { buildWorkbenchApi } from '@shared/ipc/bridge';
import type { ContractOutline } from '@shared/ipc/outline';

/** The contract's outline, written in by the harness when it bundles this file (server.ts). */
declare const __WORKBENCH_OUTLINE__: ContractOutline;

type ServerMessage = { type: 'result'; id: number; result: Result<unknown> } | { type: 'event'; channel: string; payload: unknown };

const pending = new Map<number, (result: Result<unknown>) => void>();
const listeners = new Map<string, Set<(payload: unknown) => void>>();
let nextId = 1;

const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/__workbench/ipc`);
const opened = new Promise<void>((resolve, reject) => {
  socket.addEventListener('open', () => resolve(), { once: true });
  socket.addEventListener('error', () => reject(new Error('The harness connection failed')), { once: true });
});

socket.addEventListener('message', (message) => {
  const data = JSON.parse(String(message.data)) as ServerMessage;
  if (data.type === 'result') {
    pending.get(data.id)?.(data.result);
    pending.delete(data.id);
  } else {
    for (const listener of listeners.get(data.channel) ?? []) listener(data.payload);
  }
});

socket.addEventListener('close', () => {
  for (const resolve of pending.values()) {
    resolve({ ok: false, error: { kind: 'network', message: 'The connection to the workbench harness closed. Reload the page.' } });
  }
  pending.clear();
});

const api = buildWorkbenchApi<Contract>(__WORKBENCH_OUTLINE__, {
  async invoke(channel, input) {
    try {
      await opened;
    } catch (error) {
      return { ok: false, error: { kind: 'network', message: (error as Error).message } };
    }
    const id = nextId++;
    return new Promise<Result<unknown>>((resolve) => {
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, channel, payload: input }));
    });
  },
  subscribe(channel, listener) {
    const set = listeners.get(channel) ?? new Set();
    set.add(listener);
    listeners.set(channel, set);
    return () => {
      set.delete(listener);
    };
  },
});

Object.defineProperty(window, 'workbench', { value: api, writable: false, configurable: false });
