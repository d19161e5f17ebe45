/**
 * The automatic half of the screen review (screen-review.spec.ts): what one screen, as drawn,
 * must never show. Runs inside the page (`page.evaluate`), so `inspectScreen` is self-contained.
 *
 * Heuristics, kept narrow so a finding is a real defect:
 * - **Raw channel names**: only the contract's own `feature:name` channel and event names
 *   (e.g. `sandbox:createConnection`), so times (10:30), URLs and ids never match. Searched in
 *   the visible text, visible input/textarea values, and `title` tooltips.
 * - **Unmasked sensitive values** (while "Reveal sensitive values" is off): any SSN-shaped
 *   `ddd-dd-dddd`, and the seeded company's real values (bank account and routing numbers,
 *   dates of birth, SSNs, yearly salaries) passed in by the test, matched as whole tokens.
 * - **Overlapping text**: for *leaf text elements* (`dt`/`dd`, table and grid cells, headers,
 *   buttons, badges, labels, tabs, legends, headings) the rectangles of the text as drawn
 *   (text nodes' client rects, clipped by any ancestor up to the element that clips overflow)
 *   of two element siblings must not intersect by more than 1 px both ways. Siblings only:
 *   nested elements and absolutely placed decorations are not compared.
 * - **Overflowing text**: such an element, or a card/drawer/dialog/the content pane, whose
 *   `scrollWidth` exceeds its `clientWidth` by more than 1 px while it is not a scroll container
 *   (`overflow-x` auto/scroll) and does not ellipsize on purpose (`text-overflow: ellipsis`).
 *   Inline boxes (no client width) are skipped. Only elements actually rendered count
 *   (`checkVisibility`), so a closed `<details>` or a hidden tab panel is not inspected.
 */

export interface ScreenFindings {
  /** Raw channel names and enum ids shown as labels. */
  raw: string[];
  sensitive: string[];
  overlaps: string[];
  overflows: string[];
}

export interface ScreenCheckInput {
  channels: string[];
  /** Exact values that must not appear while masking is on. */
  secrets: string[];
}

export function inspectScreen({ channels, secrets }: ScreenCheckInput): ScreenFindings {
  const TEXT = [
    'dt',
    'dd',
    'th',
    'td',
    '[role=columnheader]',
    '[role=rowheader]',
    '[role=cell]',
    '[role=gridcell]',
    'button',
    '.badge',
    '.kind-badge',
    '.status',
    'label',
    '.tab',
    'legend',
    'h1',
    'h2',
    'h3',
    'summary',
    '.log-row > *',
    '.dir-row > *',
    '.wh-row > *',
    '.nav-item',
    '.explorer-nav-item > span',
  ].join(', ');
  const BOXES = '.card, .drawer, .dialog, dialog[open], main.content';

  const visible = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  };
  // Screen-reader-only text (.visually-hidden, a segmented control's legend) is clipped to a few pixels on purpose.
  const drawnForEyes = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    return visible(el) && r.width > 4 && r.height > 4;
  };
  const describe = (el: Element): string => {
    const cls = el.getAttribute('class');
    const text = (el as HTMLElement).innerText?.replace(/\s+/g, ' ').trim().slice(0, 60) ?? '';
    return `${el.tagName.toLowerCase()}${cls ? `.${cls.trim().split(/\s+/).join('.')}` : ''} “${text}”`;
  };

  // ---- the text a user can see ------------------------------------------------------------
  const fields = [
    ...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
      'input:not([type=checkbox]):not([type=radio]):not([type=password]):not([type=hidden]), textarea',
    ),
  ]
    .filter(visible)
    .map((e) => e.value);
  const titles = [...document.querySelectorAll('[title]')].filter(visible).map((e) => e.getAttribute('title') ?? '');
  const seen = [document.body.innerText, ...fields, ...titles].join('\n');

  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const found = (needle: string) => new RegExp(`(^|[^\\w])${escape(needle)}($|[^\\w])`).test(seen);
  const rawChannels = channels.filter(found);
  // Where a value shows (the element holding it), so a finding says where to look.
  const where = (needle: string): string => {
    const inField = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].find(
      (e) => visible(e) && e.value.includes(needle),
    );
    if (inField) return `in ${inField.tagName.toLowerCase()} “${inField.getAttribute('aria-label') ?? inField.id ?? inField.name}”`;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement && node.textContent?.includes(needle))
        return `in ${describe(node.parentElement.closest('td, dd, [role=cell], li, p, pre, code') ?? node.parentElement)}`;
    }
    return '';
  };
  const ssnShaped = [...seen.matchAll(/(^|[^\w-])(\d{3}-\d{2}-\d{4})(?![\w-])/g)].map((m) => `SSN-shaped ${m[2]} ${where(m[2]!)}`);
  const sensitive = [...new Set([...ssnShaped, ...secrets.filter(found).map((s) => `seeded value ${s} ${where(s)}`)])];

  // ---- overlapping text -------------------------------------------------------------------
  const clips = (el: Element): boolean => getComputedStyle(el).overflowX !== 'visible';
  const drawnRects = (el: Element, ownTextOnly = false): DOMRect[] => {
    const rects: DOMRect[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim() || (ownTextOnly && node.parentElement !== el)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      // Clip by every ancestor up to `el` that clips its overflow (an ellipsized cell, a scroller).
      const clippers: DOMRect[] = [];
      for (let p = node.parentElement; p; p = p === el ? null : p.parentElement) if (clips(p)) clippers.push(p.getBoundingClientRect());
      for (const r of range.getClientRects()) {
        let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom];
        for (const c of clippers)
          [left, top, right, bottom] = [Math.max(left, c.left), Math.max(top, c.top), Math.min(right, c.right), Math.min(bottom, c.bottom)];
        if (right - left > 0.5 && bottom - top > 0.5) rects.push(new DOMRect(left, top, right - left, bottom - top));
      }
    }
    return rects;
  };
  const meet = (a: DOMRect, b: DOMRect) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  const leaves = [...document.querySelectorAll(TEXT)].filter((el) => drawnForEyes(el) && (el as HTMLElement).innerText?.trim());
  const byParent = new Map<Element, Element[]>();
  for (const el of leaves) if (el.parentElement) byParent.set(el.parentElement, [...(byParent.get(el.parentElement) ?? []), el]);
  const overlaps: string[] = [];
  for (const siblings of byParent.values()) {
    if (siblings.length < 2) continue;
    const drawn = siblings.map((el) => drawnRects(el));
    for (let i = 0; i < siblings.length; i++) {
      for (let j = i + 1; j < siblings.length; j++) {
        if (drawn[i]!.some((a) => drawn[j]!.some((b) => meet(a, b))))
          overlaps.push(`${describe(siblings[i]!)} overlaps ${describe(siblings[j]!)}`);
      }
    }
  }

  // ---- overflowing or clipped text --------------------------------------------------------
  const overflows: string[] = [];
  // Boxes that clip sideways (rounded tables, cut cells) hide whatever sticks out: look at them too.
  const clippers = [...document.querySelectorAll('body *')].filter((el) => {
    const x = getComputedStyle(el).overflowX;
    return (x === 'hidden' || x === 'clip') && drawnForEyes(el);
  });
  for (const el of new Set([...leaves, ...[...document.querySelectorAll(BOXES)].filter(visible), ...clippers])) {
    const style = getComputedStyle(el);
    if (style.display === 'inline' || style.display === 'contents') continue;
    if (style.overflowX === 'auto' || style.overflowX === 'scroll') {
      // The content pane scrolls vertically by design; sideways at 1440 px wide is a defect.
      if (el.matches('main.content') && el.scrollWidth > el.clientWidth + 1)
        overflows.push(`${describe(el)}: the page scrolls sideways (${el.scrollWidth} > ${el.clientWidth} px)`);
      continue;
    }
    if (style.textOverflow === 'ellipsis') continue;
    if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
      overflows.push(`${describe(el)}: content ${el.scrollWidth} px in a ${el.clientWidth} px box`);
  }
  // A pill or a number broken over two lines reads as two things (a number cell's own text:
  // a second block under it, such as a date range, is meant to be a line of its own).
  const oneLine = [...document.querySelectorAll('.badge, .kind-badge, .status, td.num')].filter(drawnForEyes);
  for (const el of oneLine) {
    const tops = drawnRects(el, el.matches('td'))
      .map((r) => r.top)
      .sort((a, b) => a - b);
    const lines = tops.filter((t, i) => i === 0 || t - tops[i - 1]! > 4).length;
    if (lines > 1) overflows.push(`${describe(el)}: broken over ${lines} lines`);
  }

  // ---- raw internals in badges --------------------------------------------------------------
  // A badge names a state for people: `local-simulator` or `needs_reauth` is an enum id, not a label.
  const rawBadges = [...document.querySelectorAll('.badge, .kind-badge')]
    .filter((el) => drawnForEyes(el) && /^[a-z]+([-_][a-z]+)+$/i.test(el.textContent?.trim() ?? ''))
    .map((el) => `${describe(el)}: a raw enum id as a badge`);
  return { raw: [...rawChannels, ...rawBadges], sensitive, overlaps: [...new Set(overlaps)], overflows: [...new Set(overflows)] };
}
