/**
 * Builds the intent-level `window.workbench` object from the contract over any transport.
 * The preload uses it with ipcRenderer; the browser harness with a WebSocket. Because both
 * derive the object from the same contract, a channel cannot exist on one side only.
 */
import type { ContractSpec, Result, WorkbenchApiOf } from './contract-kit';
import { listChannels, listEvents, listenerName } from './contract-kit';

export interface BridgeTransport {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Subscribes to one event channel; returns the unsubscribe function. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

export function buildWorkbenchApi<C extends ContractSpec>(contract: C, transport: BridgeTransport): WorkbenchApiOf<C> {
  const api: Record<string, Record<string, unknown>> = {};
  for (const { feature, name, channel } of listChannels(contract)) {
    const area = (api[feature] ??= {});
    // `undefined` is sent as `{}` so channels without input can be called as `verb()`.
    area[name] = (input?: unknown) => transport.invoke(channel, input === undefined ? {} : input);
  }
  for (const { feature, name, channel } of listEvents(contract)) {
    const area = (api[feature] ??= {});
    area[listenerName(name)] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError(`${feature}.${listenerName(name)} needs a function`);
      return transport.subscribe(channel, listener);
    };
  }
  for (const area of Object.values(api)) Object.freeze(area);
  return Object.freeze(api) as WorkbenchApiOf<C>;
}
