/**
 * Accessibility over every screen, in light and dark: axe-core (WCAG 2 A/AA rules) must find
 * no serious or critical violation. Screens are filled with data first (a sandbox connection,
 * logged requests), since empty screens hide most problems.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { AREAS, SETTINGS_AREA_ID } from '@renderer/areas';
import { expect, test } from './fixtures';

const ROUTES = [...AREAS.map((a) => a.id), SETTINGS_AREA_ID];

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

/** Routes in groups of four: each group is a test of its own, so a slow machine meets one group's timeout, not twelve screens'. */
const GROUPS = Array.from({ length: Math.ceil(ROUTES.length / 4) }, (_, i) => ROUTES.slice(i * 4, i * 4 + 4));

for (const scheme of ['light', 'dark'] as const) {
  for (const routes of GROUPS) {
    test(`${routes.join(', ')} in ${scheme}: no serious or critical axe violation`, async ({ page, workbench }) => {
      test.setTimeout(90_000);
      const core = workbench.harness.core;
      const c = await core.connections.createSandbox('local', { providerId: 'gusto', employeeSize: 20, customerName: 'Axe Co' });
      await core.lifecycle.read('local', c.id, (client) => client.hris.company.retrieve());
      await page.emulateMedia({ colorScheme: scheme });
      const found: string[] = [];
      for (const route of routes) {
        await page.goto(`${workbench.harness.url}/#/${route}`);
        await expect(page.locator('main h1').first()).toBeVisible();
        await page.waitForTimeout(300); // let data-bound parts render
        for (const line of await violations(page)) found.push(`#/${route}: ${line}`);
      }
      expect(found).toEqual([]);
    });
  }
}
