/**
 * The rest of the Deductions lab, as a user sees it on the Local simulator: pay-statement item
 * rules beside the items they classify, disconnecting one entity of a multi-entity connection,
 * and the three deduction drills on the Sandbox screen.
 */
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

async function openView(page: Page, label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Endpoints' })
    .getByRole('button', { name: new RegExp(`^${label}`) })
    .click();
}

test('pay-statement item rules: field errors, create with metadata the items then show, edit, delete, on the timeline', async ({
  page,
  workbench,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const core = workbench.harness.core;
  const connection = await core.connections.createSandbox('local', { providerId: 'gusto', employeeSize: 5, customerName: 'Rules Co' });
  const earnings = (await core.explorer.payStatementItems('local', connection.id, { categories: ['earnings'] })).data as {
    responses: { name: string }[];
  };
  const itemName = earnings.responses[0]!.name;

  await page.goto(`${workbench.harness.url}/#/explorer`);
  await openView(page, 'Pay-statement items');
  const items = page.getByRole('region', { name: 'Pay-statement items' });
  await expect(items.getByRole('table').getByRole('row').nth(1)).toBeVisible({ timeout: 15_000 });
  const rules = page.getByRole('region', { name: 'Pay-statement item rules' });
  await expect(rules).toContainText('No rules on this connection yet.');

  // Bad input is marked on its field and nothing is sent.
  await rules.getByRole('button', { name: 'New rule' }).click();
  const form = rules.getByRole('form', { name: 'New rule' });
  await form.getByRole('radio', { name: 'JSON' }).check();
  await form.getByLabel('Metadata (JSON object)').fill('{"gl_code": ');
  await form.getByRole('button', { name: 'Create rule' }).click();
  await expect(form.getByRole('alert').filter({ hasText: 'is required' })).toBeVisible();
  await expect(form.getByRole('alert').filter({ hasText: 'is not valid JSON' })).toBeVisible();
  expect((await core.payItemRules.list('local', connection.id)).rules).toEqual([]);

  // A rule that tags the first earning with a GL code; the items show it.
  await form
    .getByLabel(/^Value/)
    .first()
    .fill(itemName);
  await form.getByRole('radio', { name: 'Key / value rows' }).check();
  await form.getByRole('button', { name: 'Add key' }).click();
  await form.getByLabel('Key', { exact: true }).fill('gl_code');
  await form
    .getByLabel(/^Value/)
    .nth(1)
    .fill('5000');
  await form.getByLabel('Effective from').fill('2026-01-01');
  await form.getByRole('button', { name: 'Create rule' }).click();
  await expect(rules.getByRole('status')).toContainText(/Created rule .+ · Finch-Request-ID: \S+/);
  const table = rules.getByRole('table', { name: 'Rules' });
  await expect(table).toContainText(`name equals “${itemName}”`);
  await expect(table).toContainText('{"gl_code":"5000"}');
  await expect(table).toContainText('2026-01-01 → open');
  await expect(items.getByRole('row').filter({ hasText: itemName }).first()).toContainText('{"gl_code":"5000"}');
  await screenshot(page, 'pay-item-rules');

  // Edit: the metadata becomes JSON with a number; the items follow.
  await table.getByRole('button', { name: /^Edit rule/ }).click();
  const edit = rules.getByRole('form', { name: /^Edit rule/ });
  await edit.getByRole('radio', { name: 'JSON' }).check();
  await edit.getByLabel('Metadata (JSON object)').fill('{"gl_code": "6000", "weight": 2}');
  await edit.getByRole('button', { name: 'Save rule' }).click();
  await expect(rules.getByRole('status')).toContainText('Saved rule');
  await expect(table).toContainText('{"gl_code":"6000","weight":2}');
  await expect(items.getByRole('row').filter({ hasText: itemName }).first()).toContainText('"gl_code":"6000"');

  // Delete: gone from the rules and from the items.
  await table.getByRole('button', { name: /^Delete rule/ }).click();
  await expect(rules).toContainText('No rules on this connection yet.');
  await expect(items.getByRole('row').filter({ hasText: itemName }).first()).not.toContainText('gl_code');

  // Each change is on the connection's timeline with its request id.
  await page.goto(`${workbench.harness.url}/#/connections`);
  await page.getByRole('button', { name: `Timeline of ${connection.id}` }).click();
  const events = page.getByRole('list', { name: `Events of ${connection.id}` });
  await expect(events.getByRole('listitem').filter({ hasText: 'pay item rule changed' })).toHaveCount(3);
});

test('a two-entity connection: its entities listed, one disconnected, the other stays', async ({ page, workbench }) => {
  test.setTimeout(60_000);
  const core = workbench.harness.core;
  const connection = await core.connections.createSandbox('local', { providerId: 'gusto', employeeSize: 300, customerName: 'Two EIN Co' });
  const [first, second] = (await core.lifecycle.entities('local', connection.id)).entities;

  await page.goto(`${workbench.harness.url}/#/connections`);
  await page.getByRole('button', { name: `Entities of ${connection.id}` }).click();
  const panel = page.getByRole('region', { name: `Entities of ${connection.id}` });
  await expect(panel.getByRole('listitem')).toHaveCount(2);
  await expect(panel.getByRole('listitem', { name: `Entity ${first!.name}` })).toContainText('connected');
  await panel.getByRole('button', { name: `Disconnect entity ${first!.name}` }).click();
  const dialog = page.getByRole('dialog', { name: /^Disconnect entity/ });
  await expect(dialog).toContainText('the other entities stay connected');
  await dialog.getByRole('button', { name: 'Disconnect entity' }).click();
  await expect(panel.getByRole('status')).toContainText(`Disconnected ${first!.name} · Finch-Request-ID:`);
  await expect(panel.getByRole('listitem', { name: `Entity ${first!.name}` })).toContainText('disconnected');
  await expect(panel.getByRole('listitem', { name: `Entity ${second!.name}` })).toContainText('connected');
  // The last entity is the connection: its own Disconnect covers it.
  await expect(panel.getByRole('button', { name: /^Disconnect entity/ })).toHaveCount(0);
  await expect(panel).toContainText('One entity is left');
  await screenshot(page, 'disconnect-entity');

  await page.getByRole('button', { name: `Timeline of ${connection.id}` }).click();
  await expect(page.getByRole('list', { name: `Events of ${connection.id}` })).toContainText('entity disconnected');
  expect(core.connections.get('local', connection.id).disconnectedAt).toBeNull();
});

test('the three deduction drills pass on the Sandbox screen, with their steps and request ids', async ({ page, workbench }) => {
  test.setTimeout(120_000);
  const core = workbench.harness.core;
  await core.connections.createSandbox('local', { providerId: 'gusto', employeeSize: 12, customerName: 'Drill Co' });
  await page.goto(`${workbench.harness.url}/#/sandbox`);
  const drills = page.getByRole('region', { name: 'Scenario drills' });
  for (const [drill, step] of [
    ['enrollment-partial-failure', '✓ Finch’s enrollment read agrees'],
    ['deduction-job-pending', '✓ The provider acts (the fault is cleared): the job completes'],
    ['benefit-type-unsupported', 'The provider does not support this benefit type'],
  ] as const) {
    await drills.getByRole('button', { name: `Run drill ${drill}` }).click();
    const result = drills.getByRole('listitem', { name: `Drill ${drill} passed` });
    await expect(result).toBeVisible({ timeout: 45_000 });
    await expect(result).toContainText(step);
  }
  await expect(drills.getByRole('listitem', { name: 'Drill enrollment-partial-failure passed' })).toContainText(
    /2 refused \(.+enrollment_rejected/,
  );
  await expect(drills.getByRole('listitem', { name: 'Drill deduction-job-pending passed' })).toContainText(
    'checks: pending → pending → pending',
  );
  await expect(drills.getByRole('listitem', { name: 'Drill benefit-type-unsupported passed' })).toContainText(/Finch-Request-ID \S+/);
  await screenshot(page, 'deduction-drills');
});
