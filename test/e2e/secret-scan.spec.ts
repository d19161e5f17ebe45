/**
 * The secret scan: plant a recognisable client secret, drive the app through the harness
 * (create an environment, check its credentials, create a connection on the simulator,
 * browse), then prove neither the secret nor the connection's access token appears in any
 * IPC reply or event, the renderer's DOM and storage, any file of the data folder, or the
 * logs, in any encoding the scanner knows.
 *
 * The one deliberate exception to "no secret reaches the renderer" is a webhook secret the app
 * generates, revealed once through the export gate (src/main/features/files/one-time-secrets.ts). This
 * journey generates none; webhooks.spec.ts proves that reveal crosses in exactly one message.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeTestCipher } from '@main/platform/secrets/cipher';
import { secretRefs } from '@main/platform/secrets/secret-vault';
import { startHarness } from '@harness/server';
import type { Hit } from '../support/secret-scan';
import { scanBytes, scanFolder } from '../support/secret-scan';
import { expect, screenshot, test } from './fixtures';

const SECRET = `sk_sandbox_MARKER_${Math.random().toString(36).slice(2, 12)}`;

test('no secret or token reaches the renderer, the data folder or the logs', async ({ page }) => {
  test.setTimeout(60_000);
  const dataFolder = mkdtempSync(join(tmpdir(), 'workbench-scan-'));
  const logLines: string[] = [];
  // A persistent cipher, as in the desktop app: the secret must exist on disk only as ciphertext.
  const harness = await startHarness({ dataFolder, cipher: createNodeTestCipher(), logError: (line) => logLines.push(line) });
  const received: string[] = [];
  const sent: string[] = [];
  page.on('websocket', (ws) => {
    ws.on('framereceived', (frame) => received.push(String(frame.payload)));
    ws.on('framesent', (frame) => sent.push(String(frame.payload)));
  });
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(message.text()));

  try {
    await page.goto(`${harness.url}/#/environments`);
    await page.getByRole('button', { name: 'Add environment' }).click();
    const form = page.getByRole('form', { name: 'Add environment' });
    await form.getByLabel('Name').fill('Scan Sandbox');
    await form.getByLabel('Kind').selectOption({ label: 'Sandbox' });
    await form.getByLabel('Client ID').fill('scan-client-0001');
    await form.getByLabel('Client secret').fill(SECRET);
    await form.getByLabel('API base URL (optional)').fill(harness.core.simulator!.baseUrl);
    await form.getByRole('button', { name: 'Add environment' }).click();
    const card = page.getByRole('listitem').filter({ hasText: 'Scan Sandbox' });
    await expect(card).toContainText('secret stored');

    await card.getByRole('button', { name: 'Check credentials of Scan Sandbox' }).click();
    await expect(card.getByRole('status')).toContainText('Credentials accepted');
    await expect(card.getByRole('status')).toContainText('Finch-Request-ID:');

    await page.getByLabel(/Active environment/).selectOption({ label: 'Scan Sandbox · Sandbox' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sandbox' }).click();
    await page.getByRole('form', { name: 'Create a sandbox connection' }).getByRole('button', { name: 'Create connection' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Created connection' })).toBeVisible();
    const connection = harness.core.connections.list(harness.core.environments.activeId())[0]!;
    // A mock-data write (and its sync job) travels the sandbox paths too.
    const mock = page.getByRole('region', { name: 'Mock data' });
    await mock
      .getByRole('form', { name: 'Mock data: Edit a person (individual)' })
      .getByLabel('preferred_name', { exact: true })
      .fill('Scan Person');
    await mock.getByRole('button', { name: /^Save edit a person/ }).click();
    await expect(mock.getByRole('status').filter({ hasText: 'Saved' })).toContainText('→ complete', { timeout: 20_000 });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Explorer' }).click();
    await expect(page.getByText('GET /employer/company · Finch-Request-ID:')).toBeVisible();
    await screenshot(page, 'secret-scan-sandbox');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Request log' }).click();
    await expect(
      page.getByRole('table', { name: 'Logged requests' }).getByRole('row').filter({ hasText: '/employer/company' }).first(),
    ).toBeVisible();

    const token = harness.core.vault.reveal(secretRefs.accessToken(connection.environmentId, connection.id));
    const markers = [SECRET, token];
    expect(token.length).toBeGreaterThan(10);

    // The scan can see: the secret did travel renderer → main once, when the user typed it.
    expect(scanBytes('sent frames', sent.join('\n'), [SECRET]).length).toBeGreaterThan(0);

    const hits: Hit[] = [];
    hits.push(...scanBytes('IPC replies and events', received.join('\n'), markers));
    hits.push(...scanBytes('DOM', await page.content(), markers));
    const storage = await page.evaluate(async () => ({
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      indexedDb: JSON.stringify(await indexedDB.databases()),
      cookies: document.cookie,
    }));
    hits.push(...scanBytes('renderer storage', JSON.stringify(storage), markers));
    hits.push(...scanBytes('renderer console', consoleLines.join('\n'), markers));
    hits.push(...scanBytes('app log', logLines.join('\n'), markers));
    harness.core.db.pragma('wal_checkpoint(TRUNCATE)');
    await harness.core.simulator!.flush();
    hits.push(...scanFolder(dataFolder, markers));
    expect(hits).toEqual([]);
  } finally {
    await harness.close();
  }
  // After shutdown too (files flushed on close).
  expect(scanFolder(dataFolder, [SECRET])).toEqual([]);
});
