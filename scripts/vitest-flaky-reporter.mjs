/**
 * A Vitest reporter that only notes which tests passed on a retry (CI allows one), so the
 * closing summary of `npm test` can name them: a retry must never hide a test that flickers.
 * Writes test/artifacts/vitest-flaky.json: [{ file, name, retries }].
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'test', 'artifacts', 'vitest-flaky.json');

export default class FlakyReporter {
  flaky = [];

  onTestRunStart() {
    this.flaky = [];
  }

  onTestCaseResult(testCase) {
    const diagnostic = testCase.diagnostic();
    if (diagnostic?.flaky) {
      this.flaky.push({ file: relative(root, testCase.module.moduleId), name: testCase.fullName, retries: diagnostic.retryCount });
    }
  }

  onTestRunEnd() {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(this.flaky, null, 2));
  }
}
