/**
 * Request log retention in Chromium: Settings shows the log's size and what the retention will
 * prune; a bad number is refused beside its field and nothing is saved; a good one is saved,
 * the old attempts go, and the Request log's size line says so.
 */
import type { NewRequestLogEntry } from '@main/platform/request-log/types';
import { expect, screenshot, test } from './fixtures';

const DAY = 86_400_000;

function attempt(i: number, time: number): NewRequestLogEntry {
  return {
    callId: `call-${i}`,
    time,
    environmentId: 'local',
    connectionId: null,
    method: 'GET',
    path: '/employer/company',
    product: 'company',
    status: 200,
    durationMs: 20,
    attempt: 1,
    requestId: `req-${i}`,
    outcome: 'ok',
    errorName: null,
    finchCode: null,
    message: null,
    retryAfterMs: null,
    dataRetrieved: null,
    lastUpdateDate: null,
    lastUpdateResult: null,
  };
}

test('retention: refused beside the field when bad, saved when good, and the old attempts are pruned', async ({ page, workbench }) => {
  const log = workbench.harness.core.requestLog;
  for (let i = 0; i < 40; i++) log.append(attempt(i, Date.now() - 60 * DAY - i * 1000));
  for (let i = 40; i < 50; i++) log.append(attempt(i, Date.now() - DAY + i * 1000));

  await page.goto(`${workbench.harness.url}/#/settings`);
  const card = page.locator('.card', { has: page.getByRole('heading', { name: 'Request log retention' }) });
  await expect(card.getByTestId('log-size-rows')).toContainText('50');
  await expect(card.getByTestId('log-size-disk')).toContainText('bytes per attempt');
  // The default keeps 90 days: these 60-day-old attempts stay.
  await expect(card.getByTestId('log-size-retention')).toContainText('Keeps 90 days, at most the newest 10,000,000 attempts');
  await expect(card.getByTestId('log-size-retention')).toContainText('Nothing to prune');

  const age = card.getByRole('combobox', { name: 'Keep attempts for' });
  await age.selectOption({ label: 'Other…' });
  const days = card.getByRole('textbox', { name: 'Keep attempts for (days)' });
  await days.fill('0');
  await card.getByRole('button', { name: 'Save retention' }).click();
  await expect(card.getByRole('alert')).toHaveText('Keep attempts for: must be at least 1 day');
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await days.fill('two weeks');
  await card.getByRole('button', { name: 'Save retention' }).click();
  await expect(card.getByRole('alert')).toHaveText('Keep attempts for: must be a whole number of days');
  await screenshot(page, 'settings-retention-refused');
  // Nothing was saved, nothing was pruned.
  expect(workbench.harness.core.settings.get().requestLogRetention.maxAgeDays).toBe(90);
  expect(log.count()).toBe(50);

  await days.fill('30');
  await card.getByRole('button', { name: 'Save retention' }).click();
  await expect(card.getByRole('status')).toContainText('Saved');
  await expect(card.getByRole('alert')).toHaveCount(0);
  await expect(async () => {
    await card.getByRole('button', { name: 'Refresh' }).click();
    await expect(card.getByTestId('log-size-rows')).toContainText(/^10\b/, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await expect(card.getByTestId('log-size-retention')).toContainText('Keeps 30 days');
  await expect(card.getByTestId('log-size-last-prune')).toContainText('40 attempts removed');
  await screenshot(page, 'settings-retention-saved');
  expect(log.count()).toBe(10);

  // After a reload the form shows what was saved (30 days is one of the presets).
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Keep attempts for' })).toHaveValue('30');

  await page.goto(`${workbench.harness.url}/#/request-log`);
  await page.getByText('Log size and retention').click();
  await expect(page.getByTestId('log-size-rows')).toContainText(/^10\b/);
  await expect(page.getByTestId('log-size-retention')).toContainText('Keeps 30 days');
  await screenshot(page, 'request-log-size');
});
