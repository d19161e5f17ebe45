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
 */
import type { Result } from '@shared/ipc/contract-kit';

interface EarlyRead<T> {
  take(): Promise<Result<T>>;
}

function earlyRead<T>(read: () => Promise<Result<T>>, onChanged?: (listener: (value: T) => void) => () => void): EarlyRead<T> {
  const reply = read();
  let latest: Result<T> | null = null;
  reply.then(
    (result) => (latest = result),
    () => null,
  );
  const off = onChanged?.((value) => (latest = { ok: true, value }));
  return {
    take() {
      off?.();
      return latest ? Promise.resolve(latest) : reply;
    },
  };
}

function startReads() {
  const bridge = window.workbench;
  // Without a bridge the hooks read as usual and show workbench()'s error.
  if (!bridge) return null;
  return {
    environments: earlyRead(() => bridge.environments.getState(), bridge.environments.onChanged),
    settings: earlyRead(() => bridge.settings.get(), bridge.settings.onChanged),
    info: earlyRead(() => bridge.app.getInfo()),
    notices: earlyRead(() => bridge.app.listNotices(), bridge.app.onNoticesChanged),
  };
}

type EarlyReads = NonNullable<ReturnType<typeof startReads>>;
type ValueOf<K extends keyof EarlyReads> = EarlyReads[K] extends EarlyRead<infer T> ? T : never;

const early: Partial<EarlyReads> = startReads() ?? {};

/** The early answer for `key` the first time it is asked for; afterwards (or without one) `read()`. */
export function firstRead<K extends keyof EarlyReads>(key: K, read: () => Promise<Result<ValueOf<K>>>): Promise<Result<ValueOf<K>>> {
  const started = early[key] as EarlyRead<ValueOf<K>> | undefined;
  if (!started) return read();
  delete early[key];
  return started.take();
}
