/**
 * The data table's windowed rows as the table jumps far and back (each frame builds only the
 * window's rows, kept light for the scroll budget): the rows on screen are the right ones, in
 * page order, each at its place, and keyboard focus never moves to another person: it stays with
 * its person while the rows shift under it, waits on the table while that person is out of view,
 * and is back on their row when they are scrolled in again.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

const PEOPLE = 2_000;

/** Each row's position (aria-rowindex) and Individual id, in the order the rows are in the page. */
const rowsShown = (table: Locator) =>
  table.locator('.log-scroller [role="row"]').evaluateAll((rows) =>
    rows.map((r) => ({
      index: Number(r.getAttribute('aria-rowindex')),
      id: (r.querySelectorAll('[role="cell"]')[5]?.textContent ?? '').trim(),
      top: new DOMMatrixReadOnly(getComputedStyle(r).transform).m42,
    })),
  );

/** The focused row's position and Individual id, or null when focus is not on a row. */
const focusedRow = (table: Locator) =>
  table.evaluate(() => {
    const row = document.activeElement?.closest('[role="row"]');
    return row
      ? { index: Number(row.getAttribute('aria-rowindex')), id: (row.querySelectorAll('[role="cell"]')[5]?.textContent ?? '').trim() }
      : null;
  });

test('scrolling far and back: rows in order, and focus never moves to another person', async ({ page, workbench }) => {
  test.setTimeout(90_000);
  await workbench.harness.core.connections.createSandbox('local', { providerId: 'finch', employeeSize: PEOPLE, customerName: 'Rows Co' });
  await page.goto(`${workbench.harness.url}/#/explorer`);
  const directory = page.getByRole('region', { name: 'Directory' });
  const table = directory.getByRole('table', { name: 'Directory' });
  await expect(directory.getByRole('status')).toHaveText('2,000 of 2,000 people', { timeout: 60_000 });
  const scroller = table.locator('.log-scroller');

  // Each column's header sits right above its cells (the rows scroll beside a scrollbar the
  // header does not have, and still line up with it).
  const edges = (row: string) =>
    table
      .locator(row)
      .first()
      .evaluate((r) =>
        [...r.children].map((c) => {
          const box = c.getBoundingClientRect();
          return [Math.round(box.left), Math.round(box.width)];
        }),
      );
  const header = await edges('[role="row"]:not(.log-scroller [role="row"])');
  expect(header).toHaveLength(6);
  expect(await edges('.log-scroller [role="row"]')).toEqual(header);

  // Focus the fourth person, as a keyboard user would land there.
  await table.locator('[aria-rowindex="5"]').focus();
  const person = await focusedRow(table);
  expect(person?.index).toBe(5);
  expect(person?.id).toMatch(/^[0-9a-f-]{36}$/);

  // A small scroll (three rows): the person moves up the screen and focus moves with them.
  await scroller.evaluate((el) => (el.scrollTop = 3 * 32));
  await expect.poll(() => focusedRow(table)).toEqual(person);

  // Jump far down, step by step, then to the end: every window shows consecutive rows, in the
  // page's order, each at its own place; the focused person is gone from the window, so focus
  // is not on a row showing someone else.
  for (const fraction of [0.25, 0.5, 0.75, 1]) {
    await scroller.evaluate((el, f) => (el.scrollTop = el.scrollHeight * f), fraction);
    await expect
      .poll(async () => {
        const rows = await rowsShown(table);
        const first = rows[0]!.index;
        return rows.every((r, i) => r.index === first + i && r.top === (r.index - 2) * 32 && r.id !== '') && first > 5;
      })
      .toBe(true);
    // The person is out of view: focus waits on the table itself, not on someone else's row.
    expect(await focusedRow(table)).toBeNull();
    await expect(scroller).toBeFocused();
  }
  const end = await rowsShown(table);
  expect(end.at(-1)!.index).toBe(PEOPLE + 1);

  // Back at the top, the same person is in the fourth row, and focus is back on them: keyboard
  // moves go on from there.
  await scroller.evaluate((el) => (el.scrollTop = 0));
  await expect(table.locator('[aria-rowindex="5"]')).toContainText(person!.id);
  await expect.poll(() => focusedRow(table)).toEqual(person);
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(':focus')).toHaveAttribute('aria-rowindex', '6');
  await page.keyboard.press('PageDown');
  await expect(page.locator(':focus')).toHaveAttribute('aria-rowindex', '21');
  const focused = await focusedRow(table);
  const shown = await rowsShown(table);
  expect(shown.find((r) => r.index === 21)?.id).toBe(focused?.id);
});
