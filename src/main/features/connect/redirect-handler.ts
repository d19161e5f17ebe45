/**
 * The `connect:startRedirect` channel: picks the redirect URI, starts the session, and either
 * lets main's window run the flow to its end or hands the renderer the pop-up URL.
 */
import type { ConnectSessionInput } from '@shared/domain/connect';
import { WorkbenchError } from '@main/platform/errors';
import type { Contract } from '@shared/contract';
import type { EventHub } from '@main/platform/events/event-hub';
import type { EnvironmentService } from '@main/platform/workspace/environment-service';
import type { ConnectFlow } from './connect-flow';
import type { RedirectMatch } from './redirect-interceptor';
import type { RedirectOpener } from './redirect-opener';

/** What the redirect flow needs, given by the composition root (no service locator). */
export interface RedirectFlowDeps {
  connect: ConnectFlow;
  environments: Pick<EnvironmentService, 'get'>;
  events: Pick<EventHub<Contract>, 'emit'>;
  redirectOpener: RedirectOpener | null;
  activeId: () => string;
}

export async function startRedirectFlow(s: RedirectFlowDeps, input: ConnectSessionInput) {
  const opener = s.redirectOpener;
  if (!opener) throw new WorkbenchError('validation', 'The redirect flow is not available in this window; use embedded Connect.');
  const environmentId = s.activeId();
  const env = s.environments.get(environmentId);
  let redirectUri: string;
  if (opener.mode === 'popup') redirectUri = opener.callbackUri;
  else if (env.redirectUri) redirectUri = env.redirectUri;
  else if (env.kind === 'local-simulator') redirectUri = opener.defaultRedirectUri;
  else
    throw new WorkbenchError(
      'validation',
      `Set “${env.name}”’s redirect URI (the one registered in the Finch Dashboard) to use the redirect flow.`,
    );

  const session = await s.connect.startRedirect(environmentId, input, redirectUri);
  if (opener.mode === 'popup')
    return { state: session.state, launchUrl: session.launchUrl, warnings: session.warnings, requestId: session.requestId };
  void opener.open(session.launchUrl, redirectUri).then((match) => finishRedirect(s, environmentId, session.state, match));
  return { state: session.state, launchUrl: null, warnings: session.warnings, requestId: session.requestId };
}

/** Completes (or reports) a redirect attempt and tells the renderer how it ended. */
export async function finishRedirect(
  s: Pick<RedirectFlowDeps, 'connect' | 'events'>,
  environmentId: string,
  state: string,
  match: RedirectMatch | null,
): Promise<string> {
  if (!match) {
    s.connect.report(environmentId, state, 'closed');
    s.events.emit('connect', 'redirectFinished', {
      state,
      ok: false,
      message: 'The Connect window was closed before the employer finished. Nothing was stored.',
      connectionId: null,
    });
    return 'closed';
  }
  try {
    const connection = await s.connect.completeRedirect(environmentId, { ...match, state: match.state ?? state });
    const message = `Connected ${connection.providerId} for ${connection.customerName} (connection ${connection.id}, ${connection.status}).`;
    s.events.emit('connect', 'redirectFinished', { state, ok: true, message, connectionId: connection.id });
    return message;
  } catch (error) {
    const failure = error instanceof WorkbenchError ? error : new WorkbenchError('internal', String(error));
    const message = `${failure.message}${failure.details.requestId ? ` Finch-Request-ID: ${failure.details.requestId}` : ''}`;
    s.events.emit('connect', 'redirectFinished', { state, ok: false, message, connectionId: null });
    return message;
  }
}
