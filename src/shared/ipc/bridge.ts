/**
 * Builds the intent-level `window.workbench` object from the contract over any transport.
 * The preload uses it with ipcRenderer; the browser harness with a WebSocket. Because both
 * derive the object from the same contract (its outline, computed at build time), a channel
 * cannot exist on one side only. Imports no schema: the bridges stay small.
 */
import type { ContractSpec, Result, WorkbenchApiOf } from './contract-kit';
import type { ContractOutline } from './outline';
import { channelName, listenerName } from './outline';

export interface BridgeTransport {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Subscribes to one event channel; returns the unsubscribe function. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

export function buildWorkbenchApi<C extends ContractSpec>(outline: ContractOutline, transport: BridgeTransport): WorkbenchApiOf<C> {
  const api: Record<string, Record<string, unknown>> = {};
  for (const [feature, members] of Object.entries(outline)) {
    const area = (api[feature] ??= {});
    for (const [name, kind] of Object.entries(members)) {
      const channel = channelName(feature, name);
      if (kind === 'channel') {
        // `undefined` is sent as `{}` so channels without input can be called as `verb()`.
        area[name] = (input?: unknown) => transport.invoke(channel, input === undefined ? {} : input);
      } else {
        area[listenerName(name)] = (listener: (payload: unknown) => void) => {
          if (typeof listener !== 'function') throw new TypeError(`${feature}.${listenerName(name)} needs a function`);
          return transport.subscribe(channel, listener);
        };
      }
    }
  }
  for (const area of Object.values(api)) Object.freeze(area);
  return Object.freeze(api) as WorkbenchApiOf<C>;
}
