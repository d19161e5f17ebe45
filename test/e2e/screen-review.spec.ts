/**
 * Screen review (issue #22's acceptance): every screen at 1440×900, in light and in dark, with
 * realistic data — a 2,500-person company and a few small ones, drills run, a failed request,
 * coverage runs, two snapshots and their diff, webhook events, a second environment. Each screen
 * is saved full height as test/artifacts/screenshots/review/<screen>-<theme>.png for a person to
 * look at, and checked automatically (screen-review-checks.ts says how, and which heuristics
 * keep it free of false positives):
 * - no raw IPC channel name (`sandbox:createConnection`) in what the user sees;
 * - no unmasked sensitive value while "Reveal sensitive values" is off (SSN-shaped text, and
 *   the seeded companies' real bank numbers, dates of birth, SSNs and salaries, read through
 *   the harness core's own Finch reads);
 * - no text overlapping sibling text, no text overflowing its box.
 * All findings of a theme are gathered and asserted at the end, so every screenshot is saved.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { contract } from '@shared/contract';
import { secretRefs } from '@main/platform/secrets/secret-vault';
import { listChannels, listEvents } from '@shared/ipc/contract-kit';
import { ARTIFACTS, expect, test } from './fixtures';
import type { HarnessFixture } from './fixtures';
import type { Page } from '@playwright/test';
import { inspectScreen } from './screen-review-checks';

const CHANNELS = [...listChannels(contract), ...listEvents(contract)].map((c) => c.channel);
const REVIEW = join(ARTIFACTS, 'screenshots', 'review');
// Unrolls the app's own scroll pane so a screenshot shows the whole screen, not its first 900 px.
const UNROLL =
  'html, body, #root, .shell { height: auto !important; } .shell { min-height: 100vh; } main.content { overflow: visible !important; }';

test.describe.configure({ mode: 'parallel' });

type Core = HarnessFixture['harness']['core'];
type Person = { id: string };

/** The values masking must hide, as Finch holds them (read through the app's own gateway). */
async function sensitiveValues(core: Core, connectionId: string, people: Person[]): Promise<string[]> {
  const values: string[] = [];
  const company = (await core.lifecycle.read('local', connectionId, (c) => c.hris.company.retrieve())).data;
  for (const a of company.accounts ?? []) values.push(a.account_number ?? '', a.routing_number ?? '');
  const requests = people.map((p) => ({ individual_id: p.id }));
  const individuals = (await core.lifecycle.read('local', connectionId, (c) => c.hris.individuals.retrieveMany({ requests }))).data
    .responses;
  const employments = (await core.lifecycle.read('local', connectionId, (c) => c.hris.employments.retrieveMany({ requests }))).data
    .responses;
  // Dates that are not sensitive (start dates…) could equal someone's birthday: never flag those.
  const plainDates = new Set(JSON.stringify(employments).match(/\d{4}-\d{2}-\d{2}/g) ?? []);
  for (const r of individuals) {
    const body = r.body as { dob?: string | null; ssn?: string | null } | undefined;
    if (body?.ssn) values.push(body.ssn);
    if (body?.dob && !plainDates.has(body.dob)) values.push(body.dob);
  }
  for (const r of employments) {
    const income = (r.body as { income?: { amount?: number | null; unit?: string | null } | null } | undefined)?.income;
    // A yearly salary in cents has 6+ digits; shorter figures (hourly rates) could be anything else on screen.
    if (income?.amount && income.amount >= 100_000) values.push(String(income.amount));
  }
  return values.filter((v) => v.length >= 6);
}

async function seed(core: Core) {
  core.environments.create({ name: 'Acme Sandbox', kind: 'sandbox', clientId: 'sandbox-client-0001', clientSecret: 'sandbox-secret-0001' });
  await core.webhooks.startReceiver(0);
  const tiny = await core.connections.createSandbox('local', { providerId: 'gusto', employeeSize: 8, customerName: 'Tiny Bakery' });
  const adp = await core.connections.createSandbox('local', {
    providerId: 'adp_run',
    employeeSize: 30,
    customerName: 'Harbor Dental on ADP',
  });
  const drill = await core.connections.createSandbox('local', {
    providerId: 'finch',
    employeeSize: 12,
    products: ['company', 'directory', 'individual'],
    customerName: 'Drill Works',
  });
  const big = await core.connections.createSandbox('local', {
    providerId: 'bamboo_hr',
    employeeSize: 2500,
    customerName: 'Evergreen Logistics',
  });

  await core.drills.run('local', 'reauth', drill.id);
  await core.drills.run('local', 'batch-partial-failure', drill.id);
  core.simulator!.admin.addFault({ kind: 'error', status: 503, path: '/employer/company', count: 3, finch_code: 'server_error' });
  await core.lifecycle.read('local', tiny.id, (c) => c.hris.company.retrieve()).catch(() => null);
  core.simulator!.admin.clearFaults();

  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  for (const c of [tiny, adp])
    await core.coverage.run('local', { connectionId: c.id, operationId: `cov-${c.id}`, startDate: day(-90), endDate: day(0) });
  await core.snapshots.take('local', {
    connectionId: tiny.id,
    operationId: 'snap-1',
    startDate: day(-60),
    endDate: day(0),
    label: 'before edits',
  });
  const tinyPeople = (await core.lifecycle.read('local', tiny.id, (c) => c.hris.directory.list())).data.individuals.map((p) => ({
    id: p.id!,
  }));
  await core.lifecycle.read('local', tiny.id, (c) => c.sandbox.individual.update(tinyPeople[0]!.id, { preferred_name: 'Sunny' }));
  await core.lifecycle.read('local', tiny.id, (c) => c.sandbox.jobs.create({ type: 'data_sync_all' }));
  core.simulator!.clock.advance(10_000);
  await core.snapshots.take('local', {
    connectionId: tiny.id,
    operationId: 'snap-2',
    startDate: day(-60),
    endDate: day(0),
    label: 'after edits',
  });

  await core.webhooks.trigger('local', { connectionId: tiny.id, eventType: 'individual.updated' });
  await core.webhooks.trigger('local', { connectionId: tiny.id, eventType: 'payment.created', tamper: 'tampered_body' });

  const bigPeople = (await core.lifecycle.read('local', big.id, (c) => c.hris.directory.list({ limit: 100 }))).data.individuals.map(
    (p) => ({ id: p.id! }),
  );
  const adpPeople = (await core.lifecycle.read('local', adp.id, (c) => c.hris.directory.list())).data.individuals.map((p) => ({
    id: p.id!,
  }));
  const secrets = [
    ...(await sensitiveValues(core, big.id, bigPeople)),
    ...(await sensitiveValues(core, tiny.id, tinyPeople)),
    ...(await sensitiveValues(core, adp.id, adpPeople)),
  ];
  const failure = core.requestLog.search({ environmentId: 'local', statusClass: '5xx', limit: 1 })[0]!;
  return { tiny, adp, drill, big, secrets: [...new Set(secrets)], failure };
}

type Seeded = Awaited<ReturnType<typeof seed>>;
interface Walk {
  page: Page;
  core: Core;
  data: Seeded;
  url: string;
  findings: string[];
  review: (screen: string) => Promise<void>;
  go: (hash: string, heading: string) => Promise<void>;
}

/*
 * The screens in three walks, each its own test with its own seeded harness, so a slow machine
 * spends at most one walk's time against a timeout and the two workers share the load.
 */
const WALKS: { name: string; screens: number; walk: (w: Walk) => Promise<void> }[] = [
  {
    name: 'environments, connections and the explorer reads',
    screens: 7,
    walk: async ({ page, data, review, go }) => {
      await go('environments', 'Environments');
      await expect(page.getByRole('heading', { name: /Acme Sandbox/ })).toBeVisible();
      await review('environments');

      await go('connections', 'Connections');
      await page.getByRole('button', { name: `Health check of ${data.tiny.id}` }).click();
      await expect(page.getByRole('region', { name: `Health of ${data.tiny.id}` })).toContainText('token');
      await review('connections');

      await go('explorer', 'Explorer');
      await page.getByRole('combobox', { name: 'Connection', exact: true }).selectOption(data.big.id);
      const directory = page.getByRole('region', { name: 'Directory' });
      await expect(directory.getByRole('status')).toHaveText('2,500 of 2,500 people', { timeout: 20_000 });
      await review('explorer-overview');
      await directory.getByRole('row').nth(1).click();
      const person = page.getByRole('region', { name: 'Person' });
      await expect(person).toContainText('Employment');
      await expect(person.locator('.value-masked').first()).toBeVisible();
      await review('explorer-person');

      await page.getByRole('combobox', { name: 'Connection', exact: true }).selectOption(data.adp.id);
      const endpoints = page.getByRole('navigation', { name: 'Endpoints' });
      for (const [view, label] of [
        ['individuals', 'Individuals'],
        ['employments', 'Employments'],
      ] as const) {
        await endpoints.getByRole('button', { name: new RegExp(`^${label}`) }).click();
        const card = page.getByRole('region', { name: label });
        await card.getByRole('button', { name: /^Read everyone \(30 people\)/ }).click();
        await expect(card.getByRole('table').first()).toBeVisible({ timeout: 15_000 });
        await review(`explorer-${view}`);
      }
      await endpoints.getByRole('button', { name: /^Payments & pay statements/ }).click();
      await page.getByRole('button', { name: 'Read payments' }).click();
      await expect(page.getByRole('region', { name: 'Payments' }).getByRole('table').first()).toBeVisible({ timeout: 15_000 });
      await review('explorer-payments');
    },
  },
  {
    name: 'the explorer tools, coverage and snapshots',
    screens: 8,
    walk: async ({ page, data, review, go }) => {
      await go('explorer', 'Explorer');
      await page.getByRole('combobox', { name: 'Connection', exact: true }).selectOption(data.adp.id);
      const endpoints = page.getByRole('navigation', { name: 'Endpoints' });
      for (const [view, label] of [
        ['benefits', 'Benefits'],
        ['documents', 'Documents (W-4)'],
        ['jobs', 'Jobs'],
        ['providers', 'Providers'],
        ['introspect', 'Introspect'],
        ['forward', 'Request forwarding'],
      ] as const) {
        await endpoints.getByRole('button', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) }).click();
        // The view's first card is drawn once its read has answered (or failed, which is also a screen).
        await expect(page.locator('main.content .card h2').first()).toBeVisible({ timeout: 15_000 });
        await page.waitForTimeout(300);
        await review(`explorer-${view}`);
      }

      await go('coverage', 'Field coverage');
      await expect(page.getByRole('table', { name: 'Coverage matrix' })).toBeVisible();
      await review('coverage');

      await go('snapshots', 'Snapshots');
      await page.getByRole('button', { name: 'Compare' }).first().click();
      await expect(page.getByRole('region', { name: 'Snapshot diff' })).toBeVisible();
      await review('snapshots');
    },
  },
  {
    name: 'the integration lab',
    screens: 1,
    walk: async ({ page, data, review, go, core }) => {
      // The proxy in front of the simulator, the storm preset, and a burst of calls through it: a scorecard with verdicts.
      const lab = core.integrationLab;
      const proxy = await lab.start({ upstream: 'local' });
      lab.setScenario({ presetId: 'storm-reauth-batch' });
      const token = core.vault.reveal(secretRefs.accessToken('local', data.tiny.id));
      for (let i = 0; i < 30; i++)
        await fetch(`${proxy.url}/employer/${i % 2 ? 'company' : 'directory'}`, { headers: { authorization: `Bearer ${token}` } });
      await go('integration-lab', 'Integration lab');
      await expect(page.getByRole('region', { name: 'Scorecard' }).getByRole('status')).toContainText('30 calls');
      await review('integration-lab');
    },
  },
  {
    name: 'the deductions lab',
    screens: 2,
    walk: async ({ page, data, review, go, core }) => {
      // A benefit with a match, ten people enrolled (one refused), the job followed, the pay run checked.
      const lab = core.deductions;
      const created = await lab.writes.createBenefit('local', {
        connectionId: data.adp.id,
        type: '401k',
        description: 'Harbor Dental 401(k)',
        companyContribution: { type: 'match', tiers: [{ match: 10_000, threshold: 300 }] },
      });
      await lab.follower.follow('local', created.jobs[0]!.jobId, 30_000, 100);
      const people = (await lab.reads.people('local', data.adp.id)).people.slice(0, 10);
      const enrolled = await lab.writes.enroll('local', {
        connectionId: data.adp.id,
        benefitId: created.benefitId!,
        people: people.map((p, i) => ({
          individualId: p.individualId,
          configuration: { employeeDeduction: { type: 'percent', amount: i === 0 ? 12_000 : 400 } },
        })),
      });
      await lab.follower.follow('local', enrolled.jobs[0]!.jobId, 30_000, 100);
      await go('deductions', 'Deductions');
      await page.getByRole('combobox', { name: 'Connection', exact: true }).selectOption(data.adp.id);
      await expect(page.getByRole('table', { name: 'Benefit support' })).toBeVisible();
      await page
        .getByRole('table', { name: 'Benefits' })
        .getByRole('row', { name: /Harbor Dental 401\(k\)/ })
        .getByRole('button', { name: 'Enroll people' })
        .click();
      await expect(page.getByRole('region', { name: 'Enrolled now' }).getByRole('heading')).toHaveText(/Enrolled now \(\d+\)/);
      await review('deductions');
      await page.getByRole('button', { name: 'Run the simulator’s next pay run and check it' }).click();
      await expect(page.getByRole('region', { name: 'Paycheck check' }).getByRole('status').filter({ hasText: 'matching' })).toBeVisible({
        timeout: 30_000,
      });
      await review('deductions-reconciled');
    },
  },
  {
    name: 'sandbox, webhooks, request log, support and settings',
    screens: 12,
    walk: async ({ page, data, url, findings, review, go }) => {
      await go('sandbox', 'Sandbox');
      await page.getByRole('combobox', { name: 'Working on', exact: true }).selectOption(data.big.id);
      const mock = page.getByRole('region', { name: 'Mock data' });
      await expect(
        mock.getByRole('form', { name: 'Mock data: Edit a person (individual)' }).getByLabel('first_name', { exact: true }),
      ).not.toHaveValue('');
      await review('sandbox');
      // A drill's title that wraps stays beside its Run button, not under it.
      const underButtons = await page.locator('.drill-buttons li').evaluateAll((items) =>
        items.flatMap((li) => {
          const button = li.querySelector('button')!.getBoundingClientRect();
          const range = document.createRange();
          range.setStartAfter(li.querySelector('button')!);
          range.setEnd(li, li.childNodes.length);
          return [...range.getClientRects()].some((r) => r.width > 1 && r.left < button.right) ? [li.textContent?.trim() ?? ''] : [];
        }),
      );
      for (const title of underButtons) findings.push(`sandbox: drill title runs under its Run button: ${title}`);
      for (const [write, label] of [
        ['company', 'Company'],
        ['directory', 'Add a person'],
        ['employment', 'Edit employment'],
        ['payment', 'New payment'],
      ] as const) {
        await mock.getByRole('combobox', { name: 'Change', exact: true }).selectOption(write);
        await expect(mock.getByRole('form', { name: `Mock data: ${label}` })).toBeVisible();
        await expect(mock.getByText('Loading what Finch has now…')).toHaveCount(0);
        await review(`sandbox-${write}`);
      }

      await go('webhooks', 'Webhooks');
      const events = page.getByRole('table', { name: 'Webhook events' });
      await events.getByRole('row', { name: 'individual.updated Verified' }).first().click();
      await expect(page.getByRole('complementary', { name: 'Webhook event' })).toBeVisible();
      await review('webhooks');

      await go('request-log', 'Request log');
      await review('request-log');
      // The failed attempts are older than most: narrow to them, as a user hunting a failure would.
      await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('5xx');
      await page.getByRole('row').filter({ hasText: data.failure.requestId! }).click();
      await expect(page.getByRole('complementary', { name: 'Request details' })).toBeVisible();
      await review('request-log-drawer');

      await page.goto(`${url}/#/support?failure=${data.failure.id}`);
      await expect(page.getByRole('heading', { name: /^Preview: finch-support-/ })).toBeVisible();
      await review('support-bundle');
      await page.getByRole('tab', { name: 'Go-live readiness' }).click();
      await expect(page.getByRole('heading', { name: 'Reauthentication drill', exact: true })).toBeVisible();
      await review('support-readiness');

      await go('settings', 'Settings');
      await review('settings');

      await page.keyboard.press('Control+k');
      await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
      await review('command-palette');
      await page.keyboard.press('Escape');
    },
  },
];

for (const theme of ['light', 'dark'] as const) {
  for (const { name, screens, walk } of WALKS) {
    test(`${name} at 1440×900 in ${theme}: no raw channel name, no unmasked value, no overlapping text`, async ({ page, workbench }) => {
      test.setTimeout(180_000);
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.emulateMedia({ colorScheme: theme });
      const data = await seed(workbench.harness.core);
      const url = workbench.harness.url;
      const findings: string[] = [];
      const reviewed: string[] = [];
      mkdirSync(REVIEW, { recursive: true });

      const review = async (screen: string): Promise<void> => {
        await page.waitForTimeout(150); // let data-bound parts settle
        const f = await page.evaluate(inspectScreen, { channels: CHANNELS, secrets: data.secrets });
        for (const c of f.raw) findings.push(`${screen}: raw ${c}`);
        for (const s of f.sensitive) findings.push(`${screen}: unmasked ${s}`);
        for (const o of f.overlaps) findings.push(`${screen}: ${o}`);
        for (const o of f.overflows) findings.push(`${screen}: ${o}`);
        const style = await page.addStyleTag({ content: UNROLL });
        await page.screenshot({ path: join(REVIEW, `${screen}-${theme}.png`), fullPage: true });
        await style.evaluate((el) => (el as Element).remove());
        reviewed.push(screen);
      };
      const go = async (hash: string, heading: string): Promise<void> => {
        await page.goto(`${url}/#/${hash}`);
        await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      };

      await walk({ page, data, url, findings, review, go, core: workbench.harness.core });
      expect(reviewed).toHaveLength(screens);
      expect(findings).toEqual([]);
    });
  }
}
