/**
 * The page's own clock for bench/startup. Runs in the page before any of its scripts (plain JS:
 * the page is not type-checked with Node's types). `performance.now()` counts from the page's
 * navigation start, so the figure excludes what is not navigation: Playwright's commands over
 * CDP, the browser context and its renderer process being created.
 *
 * Ready is the frame drawn once the condition holds (a requestAnimationFrame, then a task), as
 * bench/explorer measures its first row. For the first screen: the Environments heading laid
 * out and the environment switcher enabled with its environments listed; for the baseline
 * page: its text in the body. Each IPC call on the harness WebSocket is stamped too (sent,
 * answered), to show which calls the first screen waits for.
 */
export function pageClock(condition: 'first-screen' | 'text'): string {
  return `
(() => {
  const clock = (window.__startup = { heading: null, switcher: null, domReady: null, ready: null, ipc: [] });
  const Socket = window.WebSocket;
  window.WebSocket = class extends Socket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (message) => {
        try {
          const data = JSON.parse(message.data);
          const call = data.type === 'result' ? clock.ipc.find((c) => c.id === data.id) : null;
          if (call) call.answered = performance.now();
        } catch {}
      });
    }
    send(data) {
      try {
        const message = JSON.parse(data);
        clock.ipc.push({ id: message.id, channel: message.channel, sent: performance.now(), answered: null });
      } catch {}
      return super.send(data);
    }
  };
  const check = ${
    condition === 'text'
      ? `() => (document.body && document.body.textContent.trim() !== '' ? true : false)`
      : `() => {
    const heading = document.querySelector('main h1');
    if (clock.heading === null && heading && heading.textContent === 'Environments') clock.heading = performance.now();
    const select = document.querySelector('header select');
    if (clock.switcher === null && select && !select.disabled && select.querySelector('option')) clock.switcher = performance.now();
    return clock.heading !== null && clock.switcher !== null;
  }`
  };
  // Laid out and visible, asked only in the frame itself: asking on every DOM change (as this clock
  // once did) forced a layout of the half-built page each time, ~50 ms the app never spends.
  const shown = ${
    condition === 'text'
      ? `() => true`
      : `() => {
    const heading = document.querySelector('main h1');
    return Boolean(heading && heading.getClientRects().length > 0);
  }`
  };
  const observe = () => observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const observer = new MutationObserver(() => {
    if (clock.domReady !== null || !check()) return;
    clock.domReady = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      if (shown()) setTimeout(() => (clock.ready = performance.now()), 0);
      else {
        // In the DOM but not laid out (a hidden subtree): wait for the next change.
        clock.domReady = null;
        clock.heading = null;
        observe();
      }
    });
  });
  observe();
})();
`;
}

export interface PageClock {
  heading: number | null;
  switcher: number | null;
  /** Both conditions hold in the DOM. */
  domReady: number | null;
  /** The frame showing them has been drawn. */
  ready: number | null;
  ipc: { id: number; channel: string; sent: number; answered: number | null }[];
}

/** What the page reports once ready: its clock, its navigation and resource timings. */
export const READ_PAGE = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource').map((r) => ({
    name: r.name.replace(/^.*\\//, ''),
    start: r.startTime,
    end: r.responseEnd,
    bytes: r.encodedBodySize,
  }));
  return {
    clock: window.__startup,
    nav: { responseEnd: nav.responseEnd, domInteractive: nav.domInteractive, domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd },
    resources,
  };
})()`;

export interface PageReport {
  clock: PageClock;
  nav: { responseEnd: number; domInteractive: number; domContentLoaded: number; load: number };
  resources: { name: string; start: number; end: number; bytes: number }[];
}
