/**
 * What the first screen loads before it can show anything: the renderer entry and every module it
 * imports statically (lazy screens excluded). zod is the contract's validator, used by main and
 * by screens that check input; it cost ~95 KB and ~25–40 ms of evaluation in the first chunk when
 * a renderer module imported a plain constant from a file that also defines schemas. Bundled
 * here with esbuild's code splitting, which follows the same static/dynamic import split as Vite.
 */
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
let initialInputs: string[] = [];

beforeAll(async () => {
  const result = await build({
    entryPoints: [join(root, 'src/renderer/src/main.tsx')],
    absWorkingDir: root,
    tsconfig: join(root, 'tsconfig.web.json'),
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: join(root, 'out', 'first-screen-probe'),
    write: false,
    metafile: true,
    jsx: 'automatic',
    loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff2': 'dataurl' },
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((name) => outputs[name]!.entryPoint?.endsWith('main.tsx'));
  if (!entry) throw new Error('the renderer entry chunk is missing from the bundle');
  // The entry and the chunks it imports statically: what the browser must load before main.tsx runs.
  const initial = new Set<string>();
  const visit = (name: string): void => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const imported of outputs[name]!.imports) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  visit(entry);
  initialInputs = [...initial].flatMap((name) => Object.keys(outputs[name]!.inputs));
}, 60_000);

describe('the first screen bundle', () => {
  it('carries the environments screen and the shell', () => {
    expect(initialInputs.some((input) => input.endsWith('features/environments/EnvironmentsScreen.tsx'))).toBe(true);
    expect(initialInputs.some((input) => input.endsWith('shell/EnvironmentSwitcher.tsx'))).toBe(true);
  });

  it('does not carry zod or the contract schemas', () => {
    expect(initialInputs.filter((input) => input.includes('node_modules/zod/'))).toEqual([]);
    expect(initialInputs.filter((input) => input.includes('src/shared/contract/'))).toEqual([]);
  });

  it('does not carry the screens opened later or their heavy dependencies', () => {
    expect(initialInputs.filter((input) => /features\/(explorer|request-log|sandbox|webhooks)\//.test(input))).toEqual([]);
    expect(initialInputs.filter((input) => input.includes('node_modules/@tanstack/'))).toEqual([]);
  });
});
