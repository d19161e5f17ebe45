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
 * This file holds the logic; first-reads.ts starts it on the page's bridge.
 */
import type { WorkbenchApi } from '@shared/contract';
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

function startReads(bridge: WorkbenchApi) {
  return {
    environments: earlyRead(() => bridge.environments.getState(), bridge.environments.onChanged),
    settings: earlyRead(() => bridge.settings.get(), bridge.settings.onChanged),
    info: earlyRead(() => bridge.app.getInfo()),
    notices: earlyRead(() => bridge.app.listNotices(), bridge.app.onNoticesChanged),
  };
}

type EarlyReads = ReturnType<typeof startReads>;
type ValueOf<K extends keyof EarlyReads> = EarlyReads[K] extends EarlyRead<infer T> ? T : never;
export type FirstRead = <K extends keyof EarlyReads>(key: K, read: () => Promise<Result<ValueOf<K>>>) => Promise<Result<ValueOf<K>>>;

/**
 * Sends the reads now and returns `firstRead`: the early answer for a key the first time it is
 * asked for; afterwards (or without a bridge: the hooks then show workbench()'s error) `read()`.
 */
export function startEarlyReads(bridge: WorkbenchApi | undefined): FirstRead {
  const early: Partial<EarlyReads> = bridge ? startReads(bridge) : {};
  return (key, read) => {
    const started = early[key] as EarlyRead<ValueOf<typeof key>> | undefined;
    if (!started) return read();
    delete early[key];
    return started.take();
  };
}
