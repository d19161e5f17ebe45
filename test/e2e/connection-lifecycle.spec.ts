/**
 * After a connection is made: reauth discovered on a read and fixed through Connect,
 * disconnect behind Production's typed confirmation, and a token of another environment
 * refused on import.
 */
import { applicationTarget } from '@main/platform/workspace/targets';
import { secretRefs } from '@main/platform/secrets/secret-vault';
import { startSimulator } from '@simulator';
import type { WorkbenchCore } from '@main/core';
import type { RunningSimulator } from '@simulator';
import { expect, screenshot, test } from './fixtures';

/** A production token, made as an employer would: a Connect session, the Connect page, the code exchanged. */
async function productionToken(
  core: WorkbenchCore,
  envId: string,
  sim: RunningSimulator,
  customerId: string,
  customerName: string,
): Promise<string> {
  const app = applicationTarget(core.environments.get(envId), sim, core.vault);
  const session = await core.gateway.call(app, (client) =>
    client.connect.sessions.new({ customer_id: customerId, customer_name: customerName, products: ['company', 'directory'] }),
  );
  const authorized = await fetch(`${sim.baseUrl}/connect/api/sessions/${session.data.session_id}/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      provider_id: 'gusto',
      auth_method: 'oauth',
      username: 'hr-admin',
      password: 'correct horse',
      sdk_host_url: 'http://127.0.0.1:1',
    }),
  });
  const { code } = (await authorized.json()) as { code: string };
  const exchanged = await core.gateway.call(app, (client) => client.accessTokens.create({ code }));
  return exchanged.data.access_token;
}

test('reauth journey: forced reauth, a read flips the connection, Reconnect through Connect, the read works again', async ({
  page,
  workbench,
}) => {
  const core = workbench.harness.core;
  const created = await core.connections.createSandbox('local', { providerId: 'finch', customerName: 'Reauth Inc' });
  await page.goto(`${workbench.harness.url}/#/connections`);
  const row = page.getByTestId(`connection-${created.id}`);
  await expect(row).toContainText('connected');

  // Finch Sandbox: force the connection into reauth, as PUT /sandbox/connections/accounts does.
  await core.gateway.call(core.connections.target('local', created.id), (client) =>
    client.sandbox.connections.accounts.update({ connection_status: 'reauth' }),
  );
  await row.getByRole('button', { name: `Read company of ${created.id}` }).click();
  await expect(row.getByRole('alert')).toContainText('re-authenticated');
  await expect(row).toContainText('needs reauth');
  await screenshot(page, 'connection-needs-reauth');

  await row.getByRole('button', { name: `Reconnect ${created.id}` }).click();
  const frame = page.frameLocator('#finch-connect-iframe');
  await expect(frame.getByRole('heading', { name: 'Reconnect your HR & payroll system' })).toBeVisible();
  await frame.getByTestId('continue').click();
  await frame.getByLabel('Username').fill('payroll.admin@acme.example');
  await frame.getByLabel('Password').fill('correct horse battery staple');
  await frame.getByTestId('submit').click();
  await expect(page.getByRole('status').filter({ hasText: 'Connected finch for Reauth Inc' })).toBeVisible();
  await expect(row).not.toContainText('needs reauth');
  // The read's 401 was about the old token: it goes once the reconnect succeeded.
  await expect(row.getByRole('alert')).toHaveCount(0);
  await row.getByRole('button', { name: `Read company of ${created.id}` }).click();
  await expect(row.getByRole('status').filter({ hasText: 'Finch-Request-ID' })).toBeVisible();
  expect(core.connections.list('local')).toHaveLength(1);

  await row.getByRole('button', { name: `Timeline of ${created.id}` }).click();
  const timeline = row.getByRole('list', { name: `Events of ${created.id}` });
  await expect(timeline).toContainText('reauth succeeded');
  await expect(timeline).toContainText('reauth required');
  await screenshot(page, 'connection-reauth-timeline');
});

test('disconnect in Production asks for the typed name; the token leaves the vault and reads stop without calling Finch', async ({
  page,
  workbench,
}) => {
  const core = workbench.harness.core;
  // A Finch that issues production tokens: a sandbox token would not be stored in Production.
  const sim = await startSimulator({ clientType: 'production' });
  core.environments.create({
    name: 'Acme Production',
    kind: 'production',
    clientId: 'prod-app-000000001',
    clientSecret: 'prod-secret-value-1',
    apiBaseUrl: sim.baseUrl,
  });
  const prod = core.environments.state().environments.find((e) => e.kind === 'production')!;
  core.environments.setActive(prod.id);
  const connection = await core.connections.storeNew(
    prod.id,
    await productionToken(core, prod.id, sim, 'cust-globex', 'Globex'),
    { customerId: 'cust-globex', customerName: 'Globex', customerEmail: null },
    [],
  );

  await page.goto(`${workbench.harness.url}/#/connections`);
  // Production opens disarmed: the disconnect is refused through the IPC layer, whatever the UI shows.
  const disarmed = await page.evaluate(
    (id) => window.workbench.connections.disconnect({ connectionId: id, confirmName: 'Globex' }),
    connection.id,
  );
  expect(disarmed).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  if (!disarmed.ok) expect(disarmed.error.message).toContain('is Production and disarmed: disconnecting a connection');
  const band = page.getByRole('status', { name: 'Production status' });
  await expect(band).toContainText('Disarmed: read-only');
  // Acts tried from the UI while disarmed are refused with the reason…
  await page.getByRole('button', { name: 'New connection' }).click();
  const form = page.getByRole('form', { name: 'New connection' });
  await form.getByLabel('Customer name').fill('Initech');
  await form.getByRole('button', { name: 'Open Finch Connect' }).click();
  const connectRefused = page.getByRole('alert').filter({ hasText: 'is Production and disarmed: starting Finch Connect' });
  await expect(connectRefused).toBeVisible();
  const row = page.getByTestId(`connection-${connection.id}`);
  await row.getByRole('button', { name: `Disconnect ${connection.id}` }).click();
  const refusedDialog = page.getByRole('dialog', { name: 'Disconnect gusto for Globex?' });
  await refusedDialog.getByLabel(/Type Globex to confirm/).fill('Globex');
  await refusedDialog.getByRole('button', { name: 'Disconnect' }).click();
  await expect(refusedDialog.getByRole('alert')).toContainText('is Production and disarmed: disconnecting a connection');
  await refusedDialog.getByRole('button', { name: 'Cancel' }).click();
  await band.getByRole('button', { name: 'Arm…' }).click();
  const armDialog = page.getByRole('dialog', { name: 'Arm Acme Production?' });
  await armDialog.getByRole('combobox', { name: 'Stay armed for', exact: true }).selectOption('5');
  await armDialog.getByLabel(/Type Acme Production to confirm/).fill('Acme Production');
  await armDialog.getByRole('button', { name: 'Arm' }).click();
  await expect(band).toContainText(/ARMED for [45]:\d\d/);
  await expect(page.locator('body')).toHaveClass(/production-armed/);
  // …and the refusals go once armed: they no longer hold.
  await expect(connectRefused).toHaveCount(0);
  await screenshot(page, 'production-armed');

  await row.getByRole('button', { name: `Disconnect ${connection.id}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Disconnect gusto for Globex?' });
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog).toContainText('Billing for it stops');
  await expect(dialog).toContainText('There is no reconnect');
  await expect(dialog).toContainText(connection.companyId!);
  const confirm = dialog.getByRole('button', { name: 'Disconnect' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type Globex to confirm/).fill('Globex');
  await screenshot(page, 'connection-production-disconnect');
  await confirm.click();
  await expect(row).toContainText('disconnected');
  expect(core.vault.has(secretRefs.accessToken(prod.id, connection.id))).toBe(false);

  const before = core.requestLog.count();
  const read = await page.evaluate((id) => window.workbench.explorer.company({ connectionId: id }), connection.id);
  expect(read.ok).toBe(false);
  if (!read.ok) expect(read.error.message).toMatch(/was disconnected on .* no longer calls Finch/);
  expect(core.requestLog.count()).toBe(before);
  // The IPC layer insists on the typed name too, whatever the UI does.
  const another = await core.connections.storeNew(
    prod.id,
    await productionToken(core, prod.id, sim, 'cust-initech', 'Initech'),
    { customerId: 'cust-initech', customerName: 'Initech', customerEmail: null },
    [],
  );
  const refused = await page.evaluate((id) => window.workbench.connections.disconnect({ connectionId: id }), another.id);
  expect(refused.ok).toBe(false);
  if (!refused.ok) expect(refused.error.fields?.[0]?.path).toBe('confirmName');
  // The armed act was recorded.
  const armedActs = core.db
    .prepare(`SELECT type, detail FROM events WHERE environment_id = ? AND type IN ('production_armed', 'armed_act') ORDER BY id`)
    .all(prod.id) as { type: string }[];
  expect(armedActs.map((e) => e.type)).toEqual(['production_armed', 'armed_act', 'armed_act']);
  await band.getByRole('button', { name: 'Disarm now' }).click();
  await expect(band).toContainText('Disarmed: read-only');
  await sim.close();
});

test('a sandbox token is never stored in a Production environment, with the reason', async ({ workbench }) => {
  const core = workbench.harness.core;
  const sim = core.simulator!; // issues sandbox tokens
  core.environments.create({
    name: 'Acme Production',
    kind: 'production',
    clientId: 'prod-app-000000002',
    clientSecret: 'prod-secret-value-2',
    apiBaseUrl: sim.baseUrl,
  });
  const prod = core.environments.state().environments.find((e) => e.kind === 'production')!;
  const made = await core.gateway.call(applicationTarget(core.environments.get(prod.id), sim, core.vault), (client) =>
    client.sandbox.connections.create({ provider_id: 'gusto' }),
  );
  const refused = await core.connections
    .storeNew(prod.id, made.data.access_token, { customerId: 'c', customerName: 'Globex', customerEmail: null }, [])
    .catch((e: unknown) => e);
  expect(refused).toMatchObject({ kind: 'forbidden' });
  expect((refused as Error).message).toMatch(/Finch says this is a sandbox token, but “Acme Production” is a production environment/);
  expect(core.connections.list(prod.id)).toEqual([]);
  expect(core.vault.has(secretRefs.accessToken(prod.id, made.data.connection_id))).toBe(false);
});

test('a token from another environment is refused on import and nothing is stored', async ({ page, workbench }) => {
  const core = workbench.harness.core;
  const local = await core.connections.createSandbox('local', { providerId: 'bamboo_hr' });
  const token = core.vault.reveal(secretRefs.accessToken('local', local.id));
  core.environments.create({
    name: 'Other Sandbox',
    kind: 'sandbox',
    clientId: 'other-app-00000001',
    clientSecret: 'other-secret-000001',
    apiBaseUrl: core.simulator!.baseUrl,
  });
  const other = core.environments.state().environments.find((e) => e.name === 'Other Sandbox')!;
  core.environments.setActive(other.id);

  await page.goto(`${workbench.harness.url}/#/connections`);
  await page.getByRole('button', { name: 'Import access token' }).click();
  const form = page.getByRole('form', { name: 'Import an access token' });
  await form.getByLabel('Access token').fill(token);
  await form.getByRole('button', { name: 'Introspect and import' }).click();
  await expect(form.getByRole('alert')).toContainText('belongs to application');
  await expect(form.getByRole('alert')).toContainText('not to “Other Sandbox”');
  expect(core.connections.list(other.id)).toHaveLength(0);
  await screenshot(page, 'connection-import-refused');

  // Back in its own environment the same token imports fine (it is already known: same row).
  core.environments.setActive('local');
  await page.reload();
  await page.getByRole('button', { name: 'Import access token' }).click();
  await form.getByLabel('Access token').fill(token);
  await form.getByLabel('Customer name (optional)').fill('Imported Co');
  await form.getByRole('button', { name: 'Introspect and import' }).click();
  await expect(form.getByRole('status')).toContainText(`Imported bamboo_hr connection ${local.id}`);
  expect(core.connections.list('local')).toHaveLength(1);
});

test('connections filter by customer, provider and status', async ({ page, workbench }) => {
  const core = workbench.harness.core;
  await core.connections.createSandbox('local', { providerId: 'gusto', customerName: 'Alpha Co' });
  const beta = await core.connections.createSandbox('local', { providerId: 'bamboo_hr', customerName: 'Beta Co' });
  await core.connections.createSandbox('local', { providerId: 'bamboo_hr', customerName: 'Gamma Co' });
  core.connections.setStatus('local', beta.id, 'reauth', 'reauth_required', []);
  await page.goto(`${workbench.harness.url}/#/connections`);
  const customers = page.getByRole('list', { name: 'Customers' }).locator(':scope > li');
  await expect(customers).toHaveCount(3);
  const filters = page.getByRole('search', { name: 'Filter connections' });
  await filters.getByLabel('Provider').selectOption('bamboo_hr');
  await expect(customers).toHaveCount(2);
  await filters.getByLabel('Status').selectOption('reauth');
  await expect(customers).toHaveCount(1);
  await expect(customers.first()).toContainText('Beta Co');
  await filters.getByLabel('Status').selectOption('');
  await filters.getByLabel('Provider').selectOption('');
  await filters.getByLabel('Customer').fill('gam');
  await expect(customers).toHaveCount(1);
  await expect(customers.first()).toContainText('Gamma Co');
  await filters.getByLabel('Customer').fill('nobody');
  await expect(page.getByText('No connection matches these filters.')).toBeVisible();
});

test('disconnect all lists what goes and asks for the count; disconnected connections archive out of the list, also after a restart', async ({
  page,
  workbench,
}) => {
  test.setTimeout(60_000);
  const core = workbench.harness.core;
  const big = await core.connections.createSandbox('local', { providerId: 'gusto', employeeSize: 2000, customerName: 'Big Co' });
  const small = await core.connections.createSandbox('local', { providerId: 'bamboo_hr', customerName: 'Small Co' });
  await page.goto(`${workbench.harness.url}/#/connections`);
  await page.getByRole('button', { name: 'Disconnect all test connections' }).click();

  // Nothing goes before the user has seen the list and typed how many.
  const dialog = page.getByRole('dialog', { name: 'Disconnect 2 test connections?' });
  const list = dialog.getByRole('list', { name: 'Connections to disconnect' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  const bigItem = list.getByRole('listitem').filter({ hasText: big.id });
  await expect(bigItem).toContainText('gusto');
  await expect(bigItem).toContainText('Big Co');
  await expect(bigItem).toContainText(big.companyId!);
  await expect(bigItem).toContainText('2,000 people');
  await expect(list.getByRole('listitem').filter({ hasText: small.id })).toContainText('people unknown');
  await expect(dialog).toContainText('There is no reconnect');
  const confirm = dialog.getByRole('button', { name: 'Disconnect 2' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type 2 to confirm/).fill('disconnect');
  await expect(confirm).toBeDisabled();
  expect(core.connections.list('local').every((c) => c.disconnectedAt === null)).toBe(true);
  await screenshot(page, 'connections-disconnect-all-review');
  await dialog.getByLabel(/Type 2 to confirm/).fill('2');
  await confirm.click();
  await expect(page.getByRole('status').filter({ hasText: 'Disconnected 2 test connection(s)' })).toBeVisible();
  expect(core.connections.list('local').every((c) => c.disconnectedAt !== null)).toBe(true);

  // Archive one, then every other disconnected one: out of the list, behind “Show archived”.
  const bigRow = page.getByTestId(`connection-${big.id}`);
  const smallRow = page.getByTestId(`connection-${small.id}`);
  await bigRow.getByRole('button', { name: `Archive ${big.id}` }).click();
  await expect(bigRow).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: 'Show archived (1)' })).not.toBeChecked();
  await page.getByRole('button', { name: 'Archive all disconnected (1)' }).click();
  await expect(smallRow).toHaveCount(0);
  await expect(page.getByText('Every connection here is archived')).toBeVisible();

  // Still archived after a restart.
  const harness = await workbench.restart();
  await page.goto(`${harness.url}/#/connections`);
  const showArchived = page.getByRole('checkbox', { name: 'Show archived (2)' });
  await expect(showArchived).not.toBeChecked();
  await expect(bigRow).toHaveCount(0);
  await expect(smallRow).toHaveCount(0);
  await showArchived.check();
  await expect(bigRow).toContainText('archived');
  await expect(smallRow).toContainText('archived');
  await screenshot(page, 'connections-archived-shown');
  await smallRow.getByRole('button', { name: `Unarchive ${small.id}` }).click();
  await expect(smallRow).not.toContainText('archived');
  await page.getByRole('checkbox', { name: 'Show archived (1)' }).uncheck();
  await expect(smallRow).toBeVisible();
  await expect(bigRow).toHaveCount(0);
});
