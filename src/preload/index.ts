/**
 * The preload: no logic, only the bridge. `window.workbench` is derived from the contract;
 * there is no generic `invoke(channel)`, and listeners receive the payload, never the
 * Electron event object (which would hand the renderer `sender`).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Contract } from '../shared/contract';
import type { Result } from '../shared/ipc/contract-kit';
import { buildWorkbenchApi } from '../shared/ipc/bridge';
import type { ContractOutline } from '../shared/ipc/outline';

/** The contract's outline, written in at build time (electron.vite.config.ts): no schema ships here. */
declare const __WORKBENCH_OUTLINE__: ContractOutline;

const api = buildWorkbenchApi<Contract>(__WORKBENCH_OUTLINE__, {
  invoke: (channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>,
  subscribe(channel, listener) {
    const wrapped = (_event: unknown, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
});

contextBridge.exposeInMainWorld('workbench', api);
