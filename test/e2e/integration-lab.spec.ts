/**
 * The Integration lab as an implementation engineer uses it: start the local Finch proxy, apply
 * the "Rate-limit storm + reauth + batch errors" preset, point two real backends at it (the
 * fixture integrations built on @tryfinch/finch-api: one with the classic mistakes, one done
 * right), and read the scorecard: the sloppy one fails the lines it should, the careful one
 * passes them, and each verdict opens the request log rows behind it.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

const ROOT = join(__dirname, '..', '..');

function runBackend(which: 'sloppy' | 'careful', baseUrl: string): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      [
        join(ROOT, 'test', 'fixtures', 'integration-backends', `${which}.ts`),
        '--base-url',
        baseUrl,
        '--client-id',
        `${which}-app`,
        '--client-secret',
        's3cret',
      ],
      { cwd: ROOT, stdio: 'ignore' },
    );
    child.on('exit', (code) => resolve(code));
  });
}

const line = (page: Page, title: RegExp) => page.getByRole('region', { name: 'Scorecard' }).getByRole('listitem', { name: title });

test('the proxy records both backends; the scorecard tells the sloppy one from the careful one, with request log rows behind each verdict', async ({
  page,
  workbench,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${workbench.harness.url}/#/integration-lab`);
  await expect(page.getByRole('heading', { level: 1, name: 'Integration lab' })).toBeVisible();

  const proxy = page.getByRole('region', { name: 'Proxy' });
  await proxy.getByRole('button', { name: 'Start the proxy' }).click();
  const running = proxy.getByRole('status').filter({ hasText: 'Running at' });
  await expect(running).toBeVisible();
  const url = /http:\/\/127\.0\.0\.1:\d+/.exec(await running.innerText())![0];

  const scenario = page.getByRole('region', { name: 'Scenario' });
  await scenario.getByLabel('Preset').selectOption({ label: 'Rate-limit storm + reauth + batch errors' });
  await scenario.getByRole('button', { name: 'Apply preset' }).click();
  await expect(scenario.getByRole('heading')).toHaveText('Scenario: Rate-limit storm + reauth + batch errors');

  // The sloppy backend: no limiter, retries at once, ignores reauth, exchanges the code in the browser.
  expect(await runBackend('sloppy', url)).toBe(0);
  const card = page.getByRole('region', { name: 'Scorecard' });
  for (const title of [/^Never more than/, /^After a 429/, /^\/auth\/token called from a server/, /^No client secret or access token/])
    await expect(line(page, title).first()).toContainText('Fail', { timeout: 15_000 });
  // A reauthentication session and an introspect may follow within 30 s: after that, their absence is a failure.
  await expect(async () => {
    await card.getByRole('button', { name: 'Grade again' }).click();
    await expect(line(page, /^After reauthenticate_user/).first()).toContainText('Fail', { timeout: 1_000 });
    await expect(line(page, /^\/introspect called/).first()).toContainText('Fail', { timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [5_000] });
  await screenshot(page, 'integration-lab-sloppy');

  // Each verdict opens the request log on its evidence: your app's calls, by Finch-Request-ID.
  const evidence = line(page, /^After a 429/)
    .first()
    .getByRole('link')
    .first();
  const requestId = (await evidence.innerText()).trim();
  await evidence.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Request log' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: requestId }).first()).toBeVisible();

  // A new session for the careful backend: a limiter, Retry-After honoured, reauth handled, server-side exchange.
  await page.goto(`${workbench.harness.url}/#/integration-lab`);
  await page.getByRole('region', { name: 'Proxy' }).getByRole('button', { name: 'New session' }).click();
  expect(await runBackend('careful', url)).toBe(0);
  for (const title of [
    /^Never more than/,
    /^After a 429/,
    /^After reauthenticate_user/,
    /^\/auth\/token called from a server/,
    /^No client secret or access token/,
    /^\/introspect called/,
  ])
    await expect(line(page, title).first()).toContainText('Pass', { timeout: 15_000 });
  await expect(card.getByRole('status')).toContainText(/0 fail/);
  await screenshot(page, 'integration-lab-careful');
});

test('your own rules: a bad one is refused beside its field and nothing changes; a good one joins the preset and fires', async ({
  page,
  workbench,
}) => {
  await page.goto(`${workbench.harness.url}/#/integration-lab`);
  await page.getByRole('region', { name: 'Proxy' }).getByRole('button', { name: 'Start the proxy' }).click();
  const url = /http:\/\/127\.0\.0\.1:\d+/.exec(await page.getByRole('region', { name: 'Proxy' }).getByRole('status').innerText())![0];
  const scenario = page.getByRole('region', { name: 'Scenario' });
  await scenario.getByLabel('Preset').selectOption({ label: 'Slow provider' });
  await scenario.getByRole('button', { name: 'Apply preset' }).click();
  const rules = scenario.getByRole('table', { name: 'Scenario rules' });
  const before = await rules.getByRole('row').count();

  const form = scenario.getByRole('form', { name: 'Add a rule' });
  await form.getByLabel('Inject').selectOption('server_error');
  await form.getByLabel('Probability (0–1)').fill('2');
  await form.getByRole('button', { name: 'Add rule' }).click();
  await expect(form.getByRole('alert')).toHaveText('must be between 0 and 1');
  await expect(rules.getByRole('row')).toHaveCount(before);

  await form.getByLabel('Probability (0–1)').fill('1');
  await form.getByLabel('Path prefix').fill('/employer/company');
  await form.getByLabel('Status (500–599)').fill('503');
  await form.getByRole('button', { name: 'Add rule' }).click();
  await expect(rules.getByRole('row')).toHaveCount(before + 1);
  await expect(rules.getByRole('row', { name: /my-rule-1/ })).toContainText('server error');

  // The proxy keeps serving, and the new rule shapes the answer: a Finch-shaped 503 with a request id.
  const answer = await fetch(`${url}/employer/company`, { headers: { authorization: 'Bearer not-a-real-token' } });
  expect(answer.status).toBe(503);
  expect(answer.headers.get('finch-request-id')).toMatch(/[0-9a-f-]{36}/);
  // The screen hears of the call and shows the rule fired once.
  await expect(
    rules
      .getByRole('row', { name: /my-rule-1/ })
      .getByRole('cell')
      .nth(3),
  ).toHaveText('1', { timeout: 10_000 });
});
