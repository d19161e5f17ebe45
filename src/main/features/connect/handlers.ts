/** The `connect` channels: sessions (embedded, redirect, reauth), the code exchange, Connect's reports. */
import type { HandlerMap } from '@shared/contract';
import type { ConnectFlow } from './connect-flow';
import type { RedirectFlowDeps } from './redirect-handler';
import { startRedirectFlow } from './redirect-handler';

export function buildConnectHandlers(d: RedirectFlowDeps & { connect: ConnectFlow }): HandlerMap['connect'] {
  const { connect, activeId } = d;
  return {
    start: (input) => connect.start(activeId(), input),
    complete: ({ code, state }) => connect.complete(activeId(), code, state),
    report: ({ state, kind, message, errorType }) => (connect.report(activeId(), state, kind, message, errorType), null),
    startRedirect: (input) => startRedirectFlow(d, input),
    startReauth: ({ connectionId }) => connect.startReauth(activeId(), connectionId),
  };
}
