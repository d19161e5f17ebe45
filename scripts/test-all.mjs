#!/usr/bin/env node
/**
 * `npm test`: every suite, one after another, then ONE closing line totalling them all:
 * `N passed, N failed, N skipped`. Static checks (typecheck, electronegativity) count as one
 * test each, so a run that checked nothing is visible. Exit code 1 when anything failed.
 *
 *   node scripts/test-all.mjs            all suites
 *   node scripts/test-all.mjs --only unit,e2e      (typecheck, lint, build, unit, e2e, electron, security, bench)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(root, 'test', 'artifacts');
mkdirSync(artifacts, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);
const onlyArg = process.argv.find((a) => a.startsWith('--only'));
const only = onlyArg ? (onlyArg.split('=')[1] ?? process.argv[process.argv.indexOf(onlyArg) + 1] ?? '').split(',') : null;

const totals = { passed: 0, failed: 0, skipped: 0 };
const rows = [];
/** Named at the end, just above the totals, so a cut-off CI log still says what broke. */
const failedNames = [];
const flakyNames = [];

function run(command, args, env = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return { status: result.status ?? 1, seconds: (Date.now() - started) / 1000 };
}

function record(suite, counts, seconds, note = '') {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  rows.push({ suite, ...counts, seconds, note });
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** A check with no test count of its own: one pass or one fail. */
function check(suite, command, args) {
  const { status, seconds } = run(command, args);
  record(suite, { passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1, skipped: 0 }, seconds);
  if (status !== 0) failedNames.push(suite);
  return status === 0;
}

function playwrightSuite(suite, config, reportFile) {
  rmSync(reportFile, { force: true });
  const { status, seconds } = run(bin('playwright'), ['test', '-c', config]);
  const stats = readJson(reportFile)?.stats;
  if (!stats) {
    record(suite, { passed: 0, failed: 1, skipped: 0 }, seconds, `no report (exit ${status})`);
    return;
  }
  const counts = { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
  if (status !== 0 && counts.failed === 0) counts.failed = 1; // e.g. a crashed global setup
  collectPlaywright(readJson(reportFile)?.suites ?? [], []);
  record(suite, counts, seconds, stats.flaky ? `${stats.flaky} flaky` : '');
}

/** Walks Playwright's JSON report: specs sit in nested suites (file, then describe blocks). */
function collectPlaywright(suites, titles) {
  for (const suite of suites) {
    const path = suite.file && titles.length === 0 ? [suite.file] : [...titles, suite.title];
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const name = `${[...path, spec.title].filter(Boolean).join(' > ')}`;
        if (test.status === 'unexpected') failedNames.push(name);
        if (test.status === 'flaky') flakyNames.push(name);
      }
    }
    collectPlaywright(suite.suites ?? [], path);
  }
}

const want = (name) => only === null || only.includes(name);
let built = true;

if (want('typecheck')) {
  check('typecheck (main, preload, tests)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.node.json']);
  check('typecheck (renderer)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.web.json']);
  check('typecheck (e2e, electron tests)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.e2e.json']);
}

// Lint proves the layering (electron only in adapters, no feature → feature, platform order,
// no cycles); the format check keeps the files as Prettier writes them.
if (want('lint')) {
  check('lint (eslint: layers, cycles, hooks)', bin('eslint'), ['.', '--max-warnings=0']);
  check('format (prettier --check)', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
}

if (want('e2e') || want('electron') || want('build')) {
  built = check('build (electron-vite)', bin('electron-vite'), ['build']);
}

if (want('unit')) {
  const report = join(artifacts, 'vitest-results.json');
  rmSync(report, { force: true });
  const flakyReport = join(artifacts, 'vitest-flaky.json');
  rmSync(flakyReport, { force: true });
  const { status, seconds } = run(bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    `--reporter=${join(root, 'scripts', 'vitest-flaky-reporter.mjs')}`,
  ]);
  const data = readJson(report);
  for (const file of data?.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'failed') failedNames.push(`${file.name.replace(`${root}/`, '')} > ${t.fullName}`);
    }
  }
  const flaky = readJson(flakyReport) ?? [];
  for (const f of flaky) flakyNames.push(`${f.file} > ${f.name} (passed on retry ${f.retries})`);
  if (!data) record('unit + integration (vitest)', { passed: 0, failed: 1, skipped: 0 }, seconds, `no report (exit ${status})`);
  else {
    const counts = { passed: data.numPassedTests, failed: data.numFailedTests, skipped: data.numPendingTests + data.numTodoTests };
    if (status !== 0 && counts.failed === 0) counts.failed = 1;
    record('unit + integration (vitest)', counts, seconds, flaky.length ? `${flaky.length} flaky` : '');
  }
}

if (want('e2e')) {
  if (!built) record('e2e (playwright + chromium)', { passed: 0, failed: 1, skipped: 0 }, 0, 'build failed');
  else if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
    record('e2e (playwright + chromium)', { passed: 0, failed: 1, skipped: 0 }, 0, 'no /usr/bin/chromium: apt-get install -y chromium');
  } else playwrightSuite('e2e (playwright + chromium)', 'test/e2e/playwright.config.ts', join(artifacts, 'e2e-results.json'));
}

if (want('electron')) {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  const hasBinary =
    existsSync(pathFile) && existsSync(join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim()));
  if (!hasBinary) {
    console.log('skipped: no Electron binary');
    record('electron (playwright _electron)', { passed: 0, failed: 0, skipped: 1 }, 0, 'skipped: no Electron binary');
  } else playwrightSuite('electron (playwright _electron)', 'test/electron/playwright.config.ts', join(artifacts, 'electron-results.json'));
}

if (want('security')) check('electronegativity (0 high/medium)', process.execPath, [join(root, 'scripts', 'electronegativity.mjs')]);

// Quick benches: CI proves they run and prints their figures; it does not fail on a slow machine.
if (want('bench')) check('benches (quick mode)', process.execPath, [join(root, 'scripts', 'bench-all.mjs'), '--quick']);

console.log('\nSuite                                   passed  failed  skipped   seconds');
for (const r of rows) {
  console.log(
    `${r.suite.padEnd(40)}${String(r.passed).padStart(6)}${String(r.failed).padStart(8)}${String(r.skipped).padStart(9)}${r.seconds.toFixed(1).padStart(10)}${r.note ? `  ${r.note}` : ''}`,
  );
}
if (flakyNames.length) console.log(`\nPassed only on a retry (flaky, to fix):\n${flakyNames.map((n) => `  ~ ${n}`).join('\n')}`);
if (failedNames.length) console.log(`\nFailed:\n${failedNames.map((n) => `  ✗ ${n}`).join('\n')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
