/**
 * The app as the fuzzer meets it: the real core (startWorkbenchCore with Node adapters and the
 * embedded simulator, as the browser harness starts it) behind the real IPC guard. Finch
 * calls go through a loopback fence: anything not addressed to 127.0.0.1/localhost (an
 * environment the storm created with Finch's real hosts) is answered on the spot with a 401
 * (not retried by the SDK) and counted, so nothing leaves the machine and nothing waits.
 */
import { contract } from '@shared/contract';
import type { WorkbenchCore } from '@main/core';
import { startWorkbenchCore } from '@main/core';
import type { IpcGuard, SenderInfo } from '@main/platform/ipc/guard';
import { createIpcGuard } from '@main/platform/ipc/guard';
import type { Cipher } from '@main/platform/secrets/cipher';
import { createJsonFileStore } from '@main/platform/json-store/settings-store';

export const SENDER: SenderInfo = { origin: 'app://workbench', isMainFrame: true, id: 'fuzz-window' };

export interface World {
  core: WorkbenchCore;
  guard: IpcGuard;
  /** Requests that reached a loopback Finch (the embedded simulator). */
  finchCalls(): number;
  /** Requests to other hosts, refused by the fence. */
  fencedCalls(): number;
  internalErrors: string[];
  logLines: string[];
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export async function startWorld(dataFolder: string, cipher: Cipher): Promise<World> {
  let finchCalls = 0;
  let fencedCalls = 0;
  const fence: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (!LOOPBACK.has(url.hostname)) {
      fencedCalls += 1;
      const body = JSON.stringify({
        code: 401,
        name: 'authentication_error',
        finch_code: 'fenced_by_test',
        message: 'Not loopback: refused by the fuzz test.',
      });
      return new Response(body, { status: 401, headers: { 'content-type': 'application/json' } });
    }
    finchCalls += 1;
    return fetch(input, init);
  };
  const logLines: string[] = [];
  const internalErrors: string[] = [];
  const core = await startWorkbenchCore({
    app: {
      name: 'Finch Workbench',
      version: '0.0.0-fuzz',
      runtime: 'browser-harness',
      platform: `${process.platform} ${process.arch}`,
      dataFolder,
    },
    openSettingsStore: createJsonFileStore,
    cipher,
    embeddedSimulator: true,
    // Some channels legitimately take a Finch minute (the rate-limit storm drill waits out a
    // window, sync jobs run for a while): a fast clock keeps each within the dispatch timeout.
    simulatorClockSpeed: 30,
    fetch: fence,
    log: (line) => logLines.push(line),
    redirectOpener: { mode: 'popup', callbackUri: 'http://127.0.0.1:9/__workbench/connect/callback' },
  });
  const guard = createIpcGuard({
    contract,
    handlers: core.handlers,
    isTrustedSender: (sender) => sender.origin === SENDER.origin && sender.id === SENDER.id,
    onInternalError: (reference, channel, error) =>
      internalErrors.push(`${reference} ${channel}: ${(error as Error)?.stack ?? String(error)}`),
  });
  return { core, guard, finchCalls: () => finchCalls, fencedCalls: () => fencedCalls, internalErrors, logLines };
}
