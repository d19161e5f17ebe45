import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
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
    // Preact's React-compatible layer instead of react-dom: react-dom was 206 of the first
    // screen's 268 KB of JavaScript, and compiling and running it most of the page's start
    // (bench/startup: median 460–507 ms → ~300 ms). The code still imports 'react' and is
    // type-checked against React's types; JSX is compiled by esbuild (tsconfig's react-jsx) to
    // 'react/jsx-runtime', which lands here too. React Refresh (@vitejs/plugin-react) needs
    // React's own internals, so `npm run dev` reloads the page on a change instead.
    resolve: {
      alias: {
        ...alias,
        'react-dom/client': 'preact/compat/client',
        'react-dom': 'preact/compat',
        'react/jsx-runtime': 'preact/compat/jsx-runtime',
        'react/jsx-dev-runtime': 'preact/compat/jsx-dev-runtime',
        react: 'preact/compat',
      },
    },
    build: {
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
