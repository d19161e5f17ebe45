/**
 * The Webhooks area: start the receiver, trigger an event from the Local simulator and see it
 * arrive verified; send a tampered one and see it flagged; forward to a dev server; verify a
 * pasted payload in a real environment.
 */
import { secretRefs } from '@main/platform/secrets/secret-vault';
import { signHeaders } from '@main/features/webhooks/signature';
import { startCaptureServer } from '../support/capture-server';
import { expect, screenshot, test } from './fixtures';

test('trigger an event, see it arrive verified, see a tampered one flagged, forward it to a dev server', async ({ page, workbench }) => {
  const devServer = await startCaptureServer();
  devServer.respond = () => 204;
  try {
    const connection = await workbench.harness.core.connections.createSandbox('local', {
      providerId: 'gusto',
      employeeSize: 8,
      customerName: 'Webhook Co',
    });
    await page.goto(`${workbench.harness.url}/#/webhooks`);
    await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();
    await expect(page.getByText('Start the receiver: every event it gets appears here')).toBeVisible();
    await screenshot(page, 'webhooks-empty');

    const receiver = page.getByRole('region', { name: 'Receiver' });
    await receiver.getByRole('button', { name: 'Start receiver' }).click();
    await expect(receiver.getByText(/Listening on port \d+/)).toBeVisible();
    await expect(receiver.getByLabel('Receiver URL')).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/webhooks\/local$/);
    // Starting generated the simulator's secret: shown this once, to set on a dev server.
    const reveal = receiver.getByRole('region', { name: 'New webhook secret' });
    await expect(reveal.getByLabel('New webhook secret value')).toHaveText(
      workbench.harness.core.vault.reveal(secretRefs.webhookSecret('local')),
    );
    await reveal.getByRole('button', { name: 'Done, I saved it' }).click();
    await expect(receiver.getByText('It is never shown again')).toBeVisible();

    // Trigger: the preview is the simulator's own payload, for a real person of this connection.
    const trigger = page.getByRole('region', { name: 'Trigger an event' });
    await expect(trigger.getByRole('combobox', { name: 'Connection', exact: true })).toHaveValue(connection.id);
    const payload = trigger.getByLabel(/^Payload/);
    await expect(payload).toHaveValue(/"event_type": "individual.updated"/);
    await expect(payload).toHaveValue(new RegExp(`"connection_id": "${connection.id}"`));
    await trigger.getByRole('button', { name: 'Send event' }).click();
    await expect(trigger.getByRole('status')).toContainText('Sent individual.updated');

    const list = page.getByRole('table', { name: 'Webhook events' });
    const verified = list.getByRole('row', { name: 'individual.updated Verified' });
    await expect(verified).toBeVisible();
    await expect(verified).toContainText('Webhook Co');
    await verified.click();
    const detail = page.getByRole('complementary', { name: 'Webhook event' });
    await expect(detail.getByRole('status').first()).toContainText('Verified.');
    await expect(detail.getByRole('list', { name: 'Checks' })).toContainText(
      '✓ Signature: Signed with the secret stored for “Local simulator”',
    );
    await expect(detail.getByRole('rowheader', { name: 'finch-signature' })).toBeVisible();
    await expect(detail.getByLabel('Body', { exact: true })).toContainText('"individual_id"');
    await detail.scrollIntoViewIfNeeded();
    await screenshot(page, 'webhooks-verified');

    // A deliberately tampered delivery, with an edited payload.
    await trigger.getByRole('combobox', { name: 'Event type', exact: true }).selectOption('payment.created');
    await expect(payload).toHaveValue(/"event_type": "payment.created"/);
    await payload.fill('{ not json');
    await expect(trigger.getByText('Not valid JSON yet')).toBeVisible();
    await expect(trigger.getByRole('button', { name: 'Send event' })).toBeDisabled();
    await trigger.getByRole('button', { name: 'Reset to preview' }).click();
    await trigger.getByRole('combobox', { name: 'Signing', exact: true }).selectOption('tampered_body');
    await trigger.getByRole('button', { name: 'Send event' }).click();
    const flagged = list.getByRole('row', { name: 'payment.created Invalid signature' });
    await expect(flagged).toBeVisible();
    await flagged.click();
    await expect(detail.getByRole('status').first()).toContainText('Invalid signature.');
    await expect(detail.getByRole('status').first()).toContainText('None of the 1 signature match');
    await expect(detail.getByLabel('Body', { exact: true })).toContainText('"tampered": true');
    await detail.getByRole('list', { name: 'Checks' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'webhooks-tampered');

    // Forward the verified one to a dev server and see its status.
    const forwarding = page.getByRole('form', { name: 'Forwarding' });
    await forwarding.getByLabel('Dev server URL').fill(`${devServer.url}/webhooks`);
    await forwarding.getByRole('button', { name: 'Save forwarding' }).click();
    await expect(page.getByRole('region', { name: 'Forward to your dev server' }).getByRole('status')).toContainText(
      'Use “Forward” on an event',
    );
    await verified.click();
    await detail.getByRole('button', { name: 'Forward to dev server' }).click();
    await expect(detail.getByText(/Your server answered 204 in \d+ ms/)).toBeVisible();
    await expect(list.getByRole('row', { name: 'individual.updated Verified' })).toContainText('204');
    expect(devServer.requests).toHaveLength(1);
    expect(JSON.parse(devServer.requests[0]!.body.toString('utf8'))).toMatchObject({ event_type: 'individual.updated' });

    await page.getByRole('group', { name: 'Simulator delivery log' }).locator('summary').click();
    await expect(page.getByRole('group', { name: 'Simulator delivery log' })).toContainText('tampered body');
    await page.getByRole('group', { name: 'Simulator delivery log' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'webhooks-forwarded');
  } finally {
    await devServer.close();
  }
});

test('a real environment: paste a payload and see each failure explained', async ({ page, workbench }) => {
  const core = workbench.harness.core;
  core.environments.create({ name: 'Acme Sandbox', kind: 'sandbox', clientId: 'sandbox-client-01', clientSecret: 'sandbox-secret-01' });
  core.environments.setActive(core.environments.state().environments.find((e) => e.name === 'Acme Sandbox')!.id);
  const secret = Buffer.from('acme finch webhook secret 32 byt').toString('base64');
  await page.goto(`${workbench.harness.url}/#/webhooks`);
  await expect(page.getByRole('region', { name: 'Trigger an event' })).toHaveCount(0);

  const secretForm = page.getByRole('form', { name: 'Webhook secret' });
  await secretForm.getByLabel('Secret', { exact: true }).fill('whsec_not base64');
  await secretForm.getByRole('button', { name: 'Store secret' }).click();
  await expect(page.getByRole('region', { name: 'Receiver' }).getByRole('alert')).toContainText('must be base64');
  await secretForm.getByLabel('Secret', { exact: true }).fill(secret);
  await secretForm.getByRole('button', { name: 'Store secret' }).click();
  await expect(page.getByText('Secret stored.')).toBeVisible();

  const body = JSON.stringify({
    event_type: 'account.updated',
    company_id: 'c1',
    account_id: 'a1',
    connection_id: 'conn1',
    data: { status: 'reauth', authentication_method: { type: 'credential' } },
  });
  const old = Math.floor(Date.now() / 1000) - 400;
  const headers = Object.entries(signHeaders(secret, 'evt_pasted', old, body))
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  const form = page.getByRole('form', { name: 'Verify a payload' });
  await form.getByLabel('Headers').fill(headers);
  await form.getByLabel('Raw body').fill(JSON.stringify(JSON.parse(body), null, 2));
  await form.getByRole('button', { name: 'Verify' }).click();
  const result = page.getByRole('status', { name: 'Verification result' });
  await expect(result).toContainText('Rejected: The timestamp is 7 minutes old');
  await expect(result).toContainText(
    '✗ Signature: The signature matches a slightly different body: the JSON was re-formatted after signing',
  );
  await expect(
    page.getByRole('table', { name: 'Webhook events' }).getByRole('row', { name: 'account.updated Stale timestamp' }),
  ).toBeVisible();
  await screenshot(page, 'webhooks-verify-pasted');
});

test('an event that fails verification is never re-signed: forwarded unchanged or not at all, and the forward log says which', async ({
  page,
  workbench,
}) => {
  const devServer = await startCaptureServer();
  try {
    const connection = await workbench.harness.core.connections.createSandbox('local', {
      providerId: 'gusto',
      employeeSize: 3,
      customerName: 'Tamper Co',
    });
    await page.goto(`${workbench.harness.url}/#/webhooks`);
    await page.getByRole('region', { name: 'Receiver' }).getByRole('button', { name: 'Start receiver' }).click();
    await expect(page.getByRole('region', { name: 'Receiver' }).getByText(/Listening on port \d+/)).toBeVisible();

    // Re-signed, automatic, and failed events forwarded unchanged.
    const forwarding = page.getByRole('form', { name: 'Forwarding' });
    await forwarding.getByLabel('Dev server URL').fill(`${devServer.url}/hooks`);
    await forwarding.getByRole('combobox', { name: 'Mode' }).selectOption({ label: 'Re-signed now (fresh timestamp)' });
    await forwarding
      .getByRole('combobox', { name: 'Events that fail verification' })
      .selectOption({ label: 'Forward unchanged (your server should reject them)' });
    await forwarding.getByLabel('Forward every received event automatically').check();
    await forwarding.getByRole('button', { name: 'Save forwarding' }).click();
    await expect(page.getByRole('region', { name: 'Forward to your dev server' }).getByRole('status')).toContainText(
      'Every event received from now on goes',
    );

    const trigger = page.getByRole('region', { name: 'Trigger an event' });
    await expect(trigger.getByRole('combobox', { name: 'Connection', exact: true })).toHaveValue(connection.id);
    await trigger.getByRole('combobox', { name: 'Event type', exact: true }).selectOption('payment.created');
    await expect(trigger.getByLabel(/^Payload/)).toHaveValue(/"event_type": "payment.created"/);
    await trigger.getByRole('combobox', { name: 'Signing', exact: true }).selectOption('tampered_body');
    await trigger.getByRole('button', { name: 'Send event' }).click();
    const sentId = /finch-event-id (\S+)\)/.exec((await trigger.getByRole('status').textContent()) ?? '')?.[1];
    expect(sentId).toBeTruthy();

    const list = page.getByRole('table', { name: 'Webhook events' });
    const flagged = list.getByRole('row', { name: 'payment.created Invalid signature' }).first();
    await expect(flagged).toBeVisible();
    const relayed = await devServer.waitFor((r) => r.headers['finch-event-id'] === sentId);
    await flagged.click();
    const detail = page.getByRole('complementary', { name: 'Webhook event' });
    await expect(detail.getByLabel('Failed verification')).toContainText('never re-signed');
    await expect(detail.getByRole('list', { name: 'Forwards' })).toContainText('forwarded unchanged (failed verification)');
    // Byte for byte, with the signature it arrived with: not a fresh valid one.
    await expect(detail.getByRole('row', { name: /^finch-signature/ })).toContainText(String(relayed.headers['finch-signature']));
    await screenshot(page, 'webhooks-unverified-forwarded-unchanged');

    // What the dev server got does not verify here either.
    const verify = page.getByRole('form', { name: 'Verify a payload' });
    await verify
      .getByLabel('Headers')
      .fill(['finch-event-id', 'finch-timestamp', 'finch-signature'].map((h) => `${h}: ${String(relayed.headers[h])}`).join('\n'));
    await verify.getByLabel('Raw body').fill(relayed.body.toString('utf8'));
    await verify.getByRole('button', { name: 'Verify' }).click();
    await expect(page.getByRole('status', { name: 'Verification result' })).toContainText('Rejected:');

    // A manual re-signed forward goes unchanged too, and says so.
    await detail.getByRole('button', { name: 'Forward to dev server' }).click();
    await expect(detail.getByRole('status').filter({ hasText: 'Forwarded unchanged (it failed verification' })).toContainText(
      'Your server answered 200',
    );

    // “Don’t forward”: the next tampered event never reaches the dev server.
    await forwarding.getByRole('combobox', { name: 'Events that fail verification' }).selectOption({ label: 'Don’t forward' });
    await forwarding.getByRole('button', { name: 'Save forwarding' }).click();
    await detail.getByRole('button', { name: 'Close event' }).click();
    await trigger.getByRole('combobox', { name: 'Event type', exact: true }).selectOption('company.updated');
    await expect(trigger.getByLabel(/^Payload/)).toHaveValue(/"event_type": "company.updated"/);
    await trigger.getByRole('combobox', { name: 'Signing', exact: true }).selectOption('tampered_body');
    await trigger.getByRole('button', { name: 'Send event' }).click();
    await expect(trigger.getByRole('status')).toContainText('Sent company.updated');
    const heldId = /finch-event-id (\S+)\)/.exec((await trigger.getByRole('status').textContent()) ?? '')?.[1];
    const held = list.getByRole('row', { name: 'company.updated Invalid signature' }).first();
    await expect(held).toContainText('held');
    await held.click();
    await expect(detail.getByRole('list', { name: 'Forwards' })).toContainText('not forwarded: failed verification');
    await detail.getByRole('button', { name: 'Replay to receiver' }).click();
    await expect(detail.getByRole('alert')).toContainText('Not replayed: it failed verification');
    await screenshot(page, 'webhooks-unverified-held');
    expect(devServer.requests.filter((r) => r.headers['finch-event-id'] === heldId)).toEqual([]);
  } finally {
    await devServer.close();
  }
});

test('a generated webhook secret is shown once, with a Copy through the export gate; or the user pastes their own', async ({
  page,
  context,
  workbench,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const received: string[] = [];
  const sent: string[] = [];
  page.on('websocket', (ws) => {
    ws.on('framereceived', (frame) => received.push(String(frame.payload)));
    ws.on('framesent', (frame) => sent.push(String(frame.payload)));
  });
  const vaultSecret = () => workbench.harness.core.vault.reveal(secretRefs.webhookSecret('local'));
  await page.goto(`${workbench.harness.url}/#/webhooks`);
  const receiver = page.getByRole('region', { name: 'Receiver' });
  await expect(receiver.getByText('None yet. Generate one (shown once')).toBeVisible();

  await receiver.getByRole('button', { name: 'Generate', exact: true }).click();
  const reveal = receiver.getByRole('region', { name: 'New webhook secret' });
  await expect(reveal).toContainText('shown only this once');
  const secret = vaultSecret();
  await expect(reveal.getByLabel('New webhook secret value')).toHaveText(secret);
  await reveal.getByRole('button', { name: 'Copy secret' }).click();
  await expect(reveal.getByRole('status')).toHaveText('Copied the new secret.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await screenshot(page, 'webhooks-secret-shown-once');

  await reveal.getByRole('button', { name: 'Done, I saved it' }).click();
  await expect(reveal).toHaveCount(0);
  await expect(receiver.getByText(`Set, ending in “…${secret.slice(-4)}”`)).toBeVisible();
  await expect(receiver.getByText('It is never shown again')).toBeVisible();
  expect(await page.content()).not.toContain(secret);
  // With a secret stored, starting the receiver generates and shows nothing.
  await receiver.getByRole('button', { name: 'Start receiver' }).click();
  await expect(receiver.getByText(/Listening on port \d+/)).toBeVisible();
  await expect(reveal).toHaveCount(0);
  await page.reload();
  await expect(receiver.getByText(`Set, ending in “…${secret.slice(-4)}”`)).toBeVisible();
  expect(await page.content()).not.toContain(secret);
  // It crossed to the renderer in exactly one message: the gate's answer for the reveal id. The copy sent nothing back.
  expect(received.filter((frame) => frame.includes(secret))).toHaveLength(1);
  expect(sent.filter((frame) => frame.includes(secret))).toEqual([]);

  // Use my own: pasted, stored, hinted, never shown.
  const own = Buffer.from('my dev server already has this!!').toString('base64');
  const secretForm = page.getByRole('form', { name: 'Webhook secret' });
  await secretForm.getByLabel('Replace secret').fill(own);
  await secretForm.getByRole('button', { name: 'Use my own' }).click();
  await expect(receiver.getByRole('status')).toHaveText('Secret stored.');
  await expect(receiver.getByText(`Set, ending in “…${own.slice(-4)}”`)).toBeVisible();
  await expect(reveal).toHaveCount(0);
  expect(vaultSecret()).toBe(own);
  expect(received.filter((frame) => frame.includes(own))).toEqual([]);
});
