/**
 * Environments in Chromium: create Sandbox and Production, switch, see Production marked
 * unmistakably and its typed confirmation, see the Development block on Gusto.
 */
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

async function addEnvironment(page: Page, name: string, kind: string, clientId: string, secret: string): Promise<void> {
  await page.getByRole('button', { name: 'Add environment' }).click();
  const form = page.getByRole('form', { name: 'Add environment' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Kind').selectOption({ label: kind });
  await form.getByLabel('Client ID').fill(clientId);
  await form.getByLabel('Client secret').fill(secret);
  await form.getByRole('button', { name: 'Add environment' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: name })).toBeVisible();
}

test('create Sandbox and Production, switch between them, Production is unmistakable and asks for its name', async ({
  page,
  workbench,
}) => {
  await page.goto(`${workbench.harness.url}/#/environments`);
  await expect(page.getByRole('heading', { name: 'Environments', level: 1 })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Local simulator' })).toContainText('Active');
  await expect(page.getByRole('alert').filter({ hasText: 'OS secret storage is unavailable' })).toContainText(
    'kept in memory for this session only',
  );

  await addEnvironment(page, 'Acme Sandbox', 'Sandbox', 'a1b2c3d4-0000-4000-8000-00000000f00d', 'sandbox-secret-e2e-1');
  await addEnvironment(page, 'Acme Production', 'Production', 'p1b2c3d4-0000-4000-8000-00000000beef', 'prod-secret-e2e-2');
  await expect(page.getByRole('listitem').filter({ hasText: 'Acme Production' })).toContainText('client_id …beef · secret stored');
  await expect(page.locator('body')).not.toContainText('prod-secret-e2e-2');

  // Switch from the header (keyboard-reachable select).
  const switcher = page.getByLabel(/Active environment/);
  await switcher.selectOption({ label: 'Acme Sandbox · Sandbox' });
  await expect(page.getByRole('listitem').filter({ hasText: 'Acme Sandbox' }).first()).toContainText('Active');
  await expect(page.locator('.production-band')).toHaveCount(0);
  await screenshot(page, 'environments-sandbox-active');

  await page.keyboard.press('Control+Shift+E');
  await expect(switcher).toBeFocused();
  await switcher.selectOption({ label: 'Acme Production · Production' });
  const band = page.locator('.production-band');
  await expect(band).toContainText('Acme Production');
  await expect(band).toContainText('billable');
  await screenshot(page, 'environments-production-band');

  // The choice survives a reload.
  await page.reload();
  await expect(page.locator('.production-band')).toBeVisible();

  // Deleting Production: what it removes, then its typed name.
  await page.getByRole('button', { name: 'Delete Acme Production' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete Acme Production?' });
  await expect(dialog.getByTestId('deletion-preview')).toContainText('1 stored secret');
  const confirm = dialog.getByRole('button', { name: 'Delete environment' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type Acme Production to confirm/).fill('acme production');
  await expect(confirm).toBeDisabled();
  await screenshot(page, 'environments-production-typed-confirmation');
  await dialog.getByLabel(/Type Acme Production to confirm/).fill('Acme Production');
  await confirm.click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Acme Production' })).toHaveCount(0);
  // Production is gone, so the app falls back to the Local simulator.
  await expect(page.locator('.production-band')).toHaveCount(0);
  await expect(switcher).toHaveValue('local');
});

test('Development blocks Gusto and assisted providers, with the reason', async ({ page, workbench }) => {
  await page.goto(`${workbench.harness.url}/#/environments`);
  await addEnvironment(page, 'Acme Development', 'Development', 'd1b2c3d4-0000-4000-8000-00000000cafe', 'dev-secret-e2e-3');
  await page.getByLabel(/Active environment/).selectOption({ label: 'Acme Development · Development' });
  const rules = page.getByRole('region', { name: 'Before you connect in Acme Development' });
  await rules.getByLabel('Provider').selectOption('gusto');
  await expect(rules.getByTestId('connection-verdict')).toContainText('Blocked — Gusto is not supported in Development');
  await screenshot(page, 'environments-development-gusto-blocked');
  await rules.getByLabel('Provider').selectOption('bamboo_hr');
  await expect(rules.getByTestId('connection-verdict')).toContainText('Allowed');
  await expect(rules.getByTestId('connection-verdict')).toContainText('connect again in Production');
  await rules.getByLabel('Authentication').selectOption('assisted');
  await expect(rules.getByTestId('connection-verdict')).toContainText('Assisted providers are not supported in Development');
});

test('bad input is named field by field and nothing is stored', async ({ page, workbench }) => {
  await page.goto(`${workbench.harness.url}/#/environments`);
  await page.getByRole('button', { name: 'Add environment' }).click();
  const form = page.getByRole('form', { name: 'Add environment' });
  await form.getByLabel('Name').fill('Local Simulator');
  await form.getByLabel('Client ID').fill('has spaces!');
  await form.getByLabel('Client secret').fill('short');
  await form.getByLabel('API base URL (optional)').fill('http://10.1.2.3:8080');
  await form.getByRole('button', { name: 'Add environment' }).click();
  await expect(form.getByRole('alert').filter({ hasText: 'Client ID may contain only letters' })).toBeVisible();
  await expect(form.getByRole('alert').filter({ hasText: 'Client secret looks too short' })).toBeVisible();
  await expect(form.getByRole('alert').filter({ hasText: 'API base URL (optional) must be an https:// URL' })).toBeVisible();
  await screenshot(page, 'environments-form-errors');
  await form.getByLabel('Client ID').fill('valid-client-id-123');
  await form.getByLabel('Client secret').fill('long-enough-secret');
  await form.getByLabel('API base URL (optional)').fill('');
  await form.getByRole('button', { name: 'Add environment' }).click();
  await expect(form.getByRole('alert').filter({ hasText: 'is already used' })).toBeVisible();
  expect((await workbench.harness.core.environments.state()).environments).toHaveLength(1);
});

test('environments export through the preview without secrets and import back; a clash or a broken file changes nothing', async ({
  page,
  workbench,
}) => {
  await page.goto(`${workbench.harness.url}/#/environments`);
  await addEnvironment(page, 'Acme Sandbox', 'Sandbox', 'a1b2c3d4-0000-4000-8000-00000000f00d', 'sandbox-secret-e2e-4');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export environments' });
  const save = dialog.getByRole('button', { name: 'Export', exact: true });
  await expect(save).toBeEnabled();
  await expect(dialog.getByRole('heading', { name: 'Nothing needed hiding' })).toBeVisible();
  await expect(dialog.getByLabel('Preview of what leaves')).toContainText('"name": "Acme Sandbox"');
  await expect(dialog.getByRole('checkbox')).toHaveCount(0);
  await screenshot(page, 'environments-export-preview');
  const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
  expect(download.suggestedFilename()).toBe('finch-workbench-environments.json');
  const file = await download.path();
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(file!, 'utf8');
  expect(JSON.parse(text)).toMatchObject({
    format: 'finch-workbench/environments',
    environments: [{ name: 'Acme Sandbox', kind: 'sandbox', clientId: 'a1b2c3d4-0000-4000-8000-00000000f00d' }],
  });
  expect(text).not.toContain('sandbox-secret-e2e-4');
  await expect(page.getByRole('status').filter({ hasText: /^Downloaded the environments file/ })).toContainText('holds no secrets');

  // Importing next to the original clashes by name: refused whole, nothing added.
  const input = page.getByLabel('Environments file to import');
  await input.setInputFiles(file!);
  await expect(
    page.getByRole('alert').filter({ hasText: 'An environment named “Acme Sandbox” already exists; nothing was imported.' }),
  ).toBeVisible();
  await input.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "finch-workbench/environments", "environments": [{'),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'The file is not JSON' })).toBeVisible();
  expect((await workbench.harness.core.environments.state()).environments).toHaveLength(2);

  // Delete it, import the file: it comes back without its secret.
  await page.getByRole('button', { name: 'Delete Acme Sandbox' }).click();
  await page.getByRole('dialog', { name: 'Delete Acme Sandbox?' }).getByRole('button', { name: 'Delete environment' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Acme Sandbox' })).toHaveCount(0);
  await input.setInputFiles(file!);
  await expect(page.getByRole('status').filter({ hasText: 'Imported. Enter each client secret before use.' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Acme Sandbox' })).toContainText('client_id …f00d');
  await expect(page.getByRole('listitem').filter({ hasText: 'Acme Sandbox' })).not.toContainText('secret stored');
});
