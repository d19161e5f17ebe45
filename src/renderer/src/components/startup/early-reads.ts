/**
 * The first screen's reads (environments, settings, app info, notices), sent to main as soon as
 * the renderer's code starts — main.tsx imports this module before React — so their round trips
 * overlap React's evaluation and first render. Measured before (bench/startup): the shell
 * rendered, then its effects asked main and the environment switcher waited another 40–100 ms
 * for the answer. Each hook takes its early answer once (`firstRead`); every later read, a
 * reload or a second mount, asks main again.
 *
 * A change event that arrives before the hook has subscribed is kept: whichever of the reply and
 * the event arrives last is the newest (main answers and broadcasts over one ordered channel).
 * When the page carried the answers in (src/shared/ipc/first-reads.ts), `carried(key)` hands
 * them to the hooks' first render, so the first screen is drawn complete in one render instead
 * of rendering empty and again when the socket answers. The reads are still sent: their answer
 * confirms the carried one, and is handed back as the very object already shown when it is the
 * same (so a hook's setState changes nothing), or replaces it when main changed meanwhile.
 *
 * This file holds the logic; first-reads.ts starts it on the page's bridge.
 */
import type { WorkbenchApi } from '@shared/contract';
import type { Result } from '@shared/ipc/contract-kit';
import type { FirstReadKey } from '@shared/ipc/first-reads';

interface EarlyRead<T> {
  take(): Promise<Result<T>>;
  /** The newest answer already here (an event or reply, else the page's), for a first render. */
  carried(): T | null;
}

function earlyRead<T>(
  read: () => Promise<Result<T>>,
  onChanged: ((listener: (value: T) => void) => () => void) | undefined,
  fromPage: T | undefined,
): EarlyRead<T> {
  const reply = read();
  let latest: Result<T> | null = null;
  /** What carried() handed to a render; an equal answer later is returned as this very object. */
  let shown: T | undefined;
  reply.then(
    (result) => (latest = result),
    () => null,
  );
  const off = onChanged?.((value) => (latest = { ok: true, value }));
  return {
    take() {
      off?.();
      const answer = latest ? Promise.resolve(latest) : reply;
      return answer.then((result) =>
        result.ok && shown !== undefined && JSON.stringify(result.value) === JSON.stringify(shown) ? { ok: true, value: shown } : result,
      );
    },
    carried() {
      const value = latest?.ok ? latest.value : fromPage;
      if (value === undefined) return null;
      shown = value;
      return value;
    },
  };
}

/** The answers the page carried in, by key (each may be missing). */
export type CarriedAnswers = Partial<Record<FirstReadKey, unknown>>;

function startReads(bridge: WorkbenchApi, page: CarriedAnswers) {
  // The page's answers come from main's own guard, typed by the same contract as the replies.
  const from = <T>(key: FirstReadKey) => page[key] as T | undefined;
  return {
    environments: earlyRead(() => bridge.environments.getState(), bridge.environments.onChanged, from('environments')),
    settings: earlyRead(() => bridge.settings.get(), bridge.settings.onChanged, from('settings')),
    info: earlyRead(() => bridge.app.getInfo(), undefined, from('info')),
    notices: earlyRead(() => bridge.app.listNotices(), bridge.app.onNoticesChanged, from('notices')),
  } satisfies Record<FirstReadKey, EarlyRead<unknown>>;
}

type EarlyReads = ReturnType<typeof startReads>;
type ValueOf<K extends keyof EarlyReads> = EarlyReads[K] extends EarlyRead<infer T> ? T : never;
export type FirstRead = <K extends keyof EarlyReads>(key: K, read: () => Promise<Result<ValueOf<K>>>) => Promise<Result<ValueOf<K>>>;
export type CarriedRead = <K extends keyof EarlyReads>(key: K) => ValueOf<K> | null;

/**
 * Sends the reads now. `firstRead`: the early answer for a key the first time it is asked for;
 * afterwards (or without a bridge: the hooks then show workbench()'s error) `read()`.
 * `carried`: what a hook's first render can show at once (null: wait for firstRead).
 */
export function startEarlyReads(
  bridge: WorkbenchApi | undefined,
  page: CarriedAnswers = {},
): { firstRead: FirstRead; carried: CarriedRead } {
  const early: Partial<EarlyReads> = bridge ? startReads(bridge, page) : {};
  const all = { ...early };
  return {
    firstRead: (key, read) => {
      const started = early[key] as EarlyRead<ValueOf<typeof key>> | undefined;
      if (!started) return read();
      delete early[key];
      return started.take();
    },
    // Until its answer is taken: later renders come from the hook's own state.
    carried: (key) => (early[key] ? (all[key] as EarlyRead<ValueOf<typeof key>>).carried() : null),
  };
}
