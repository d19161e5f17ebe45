import type { WorkbenchApi } from '@shared/contract';

declare global {
  interface Window {
    /** Set by the preload (Electron) or the harness bridge (browser); see src/shared/contract/. */
    readonly workbench: WorkbenchApi;
  }
}

export {};
