/**
 * The layering the folders promise, checked over every import in src/ (type imports included,
 * which the linter's file-level no-cycle rule skips): no import cycle between folders, and no
 * file but the two entry points imports the composition root. eslint.config.mjs enforces the
 * directions (renderer → shared only, no feature → feature, platform never → features); this
 * test proves the result has no folder-level cycle anywhere, whatever the rules allow.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathAliases } from '../../scripts/path-aliases.mjs';

const ROOT = resolve(__dirname, '../..');
const SRC = join(ROOT, 'src');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const ALIASES = Object.entries(pathAliases());
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]((?:\.{1,2}|@\w+)\/?[^'"]*)['"]/g;

/** A relative or aliased (`@main/…`) specifier as a file of src/, or null when it is a package. */
function resolveImport(from: string, specifier: string, known: Set<string>): string | null {
  const alias = ALIASES.find(([key]) => specifier === key || specifier.startsWith(`${key}/`));
  if (!alias && !specifier.startsWith('.')) return null;
  const base = alias ? alias[1] + specifier.slice(alias[0].length) : resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (known.has(candidate)) return candidate;
  }
  return null;
}

const files = sourceFiles(SRC);
const known = new Set(files);
const edges = files.flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(SPECIFIER)]
    .map((m) => resolveImport(file, m[1]!, known))
    .filter((target): target is string => target !== null)
    .map((target) => ({ from: file, to: target })),
);

/**
 * A file's node in the folder graph: its folder, relative to src/. A file that sits beside
 * subfolders (src/main/core.ts, src/main/platform/errors.ts, src/simulator/simulator-core.ts) is
 * a node of its own: it is a module of that layer, not the layer itself.
 */
const hasSubfolders = (folder: string) => readdirSync(folder).some((name) => statSync(join(folder, name)).isDirectory());
const folderOf = (file: string) => (hasSubfolders(dirname(file)) ? relative(SRC, file) : relative(SRC, dirname(file)));

/** Tarjan's strongly connected components over the folder graph; any with 2+ folders is a cycle. */
function folderCycles(): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    const a = folderOf(from);
    const b = folderOf(to);
    if (a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a)!.add(b);
    if (!graph.has(b)) graph.set(b, new Set());
  }
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    indices.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, indices.get(next)!));
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return cycles;
}

describe('the layering of src/', () => {
  it('has no import cycle between folders anywhere in src/ (type imports included)', () => {
    const found = folderCycles();
    if (found.length) console.log(JSON.stringify(found));
    expect(found).toEqual([]);
  });

  it('keeps the simulator a program of its own: it imports nothing of the app, the app only its index', () => {
    const crossing = edges.filter(({ from, to }) => {
      const fromSim = relative(SRC, from).startsWith('simulator/');
      const toSim = relative(SRC, to).startsWith('simulator/');
      if (fromSim) return !toSim;
      return toSim && relative(SRC, to) !== 'simulator/index.ts';
    });
    expect(crossing.map((e) => `${relative(ROOT, e.from)} -> ${relative(ROOT, e.to)}`)).toEqual([]);
  });

  it('lets only the two entry points import the composition root', () => {
    const core = join(SRC, 'main', 'core.ts');
    const importers = [...new Set(edges.filter((e) => e.to === core).map((e) => relative(ROOT, e.from)))].sort();
    expect(importers).toEqual(['src/harness/server.ts', 'src/main/index.ts']);
  });

  it('keeps electron out of everything but the adapters and the preload', () => {
    const offenders = files
      .filter((file) => /from ['"]electron['"]/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file))
      .filter((file) => !file.startsWith('src/main/electron/') && !file.startsWith('src/preload/') && file !== 'src/main/index.ts');
    expect(offenders).toEqual([]);
  });
});
