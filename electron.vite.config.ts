import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { pathAliases } from './scripts/path-aliases.mjs';
import { contract } from './src/shared/contract';
import { outlineOf } from './src/shared/ipc/outline';

const alias = pathAliases();

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      // electron-store 12 and its `conf` are ESM-only; bundling them lets main stay CommonJS.
      externalizeDeps: { exclude: ['electron-store'] },
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    resolve: { alias },
    // The bridge needs only the contract's member names (src/shared/ipc/outline.ts), not its schemas.
    define: { __WORKBENCH_OUTLINE__: JSON.stringify(outlineOf(contract)) },
    build: {
      // A sandboxed preload can only require('electron'): everything else must be inlined,
      // and it must be CommonJS (the package has no "type": "module", so electron-vite emits cjs).
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias },
    plugins: [react()],
    build: {
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
