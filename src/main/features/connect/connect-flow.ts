/**
 * Finch Connect, the way Finch recommends: main creates the session (client secret stays
 * here), the renderer only hosts Connect, and main exchanges the code once, introspects the
 * new token and stores it. The `state` ties a code to the attempt main started; a replayed
 * code is sent to Finch again only so the engineer sees Finch's own answer (invalid_grant).
 */
import { randomBytes } from 'node:crypto';
import type { ConnectSession, ConnectSessionInput } from '@shared/domain/connect';
import type { ConnectionView } from '@shared/domain/connection';
import { WorkbenchError } from '@main/platform/errors';
import type { Verdict } from '@main/platform/workspace/environment-rules';
import type { AttemptInput } from '@main/platform/workspace/attempt-check';
import { checkAttempt } from '@main/platform/workspace/attempt-check';
import type { EnvironmentService } from '@main/platform/workspace/environment-service';
import type { SimulatorAddress } from '@main/platform/workspace/targets';
import { applicationTarget, endpointsOf } from '@main/platform/workspace/targets';
import type { FinchGateway } from '@main/platform/finch/gateway';
import type { SecretVault } from '@main/platform/secrets/secret-vault';
import type { ConnectionService } from '@main/platform/workspace/connection-service';
import type { RedirectMatch } from './redirect-interceptor';
import type { ConnectTraces } from '@main/platform/connect-traces/connect-trace';
import { CONNECT_PATH, describeConnectError } from '@main/platform/explainer/connect-rules';
import { redirectLaunchUrl } from './redirect-interceptor';

interface Attempt {
  environmentId: string;
  customerId: string;
  customerName: string;
  customerEmail: string | null;
  sessionId: string;
  startedAt: number;
  completedConnectionId: string | null;
  /** Set for a reauthentication: the connection whose token the new one replaces. */
  reauthOf: string | null;
  /** Set for the redirect flow: the exchange must send this same redirect_uri. */
  redirectUri: string | null;
  /**
   * Timeline events recorded before the attempt had a connection (its start, Connect's errors):
   * they are given to the connection it produces, so its timeline shows this attempt and no other.
   */
  eventIds: number[];
}

export interface ConnectFlowOptions {
  traces: ConnectTraces;
  /** Finds a logged attempt by its Finch request id (to explain a failed exchange precisely). */
  lookupAttempt: (requestId: string) => { status: number | null; finchCode: string | null; message: string | null } | undefined;
  environments: EnvironmentService;
  connections: ConnectionService;
  gateway: FinchGateway;
  vault: SecretVault;
  simulator: () => SimulatorAddress | null;
  now?: () => number;
}

/** Attempts older than this are forgotten (Finch sessions expire long before). */
const ATTEMPT_TTL_MS = 24 * 60 * 60 * 1000;

export class ConnectFlow {
  private readonly attempts = new Map<string, Attempt>();
  private readonly now: () => number;

  constructor(private readonly options: ConnectFlowOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Embedded flow: the renderer opens the session in react-connect. */
  async start(environmentId: string, input: ConnectSessionInput): Promise<ConnectSession> {
    return (await this.createSession(environmentId, input, null)).session;
  }

  /**
   * Redirect flow: the session carries a redirect_uri; the caller opens `launchUrl` in a
   * window and hands whatever comes back to the redirect URI to `completeRedirect`.
   */
  async startRedirect(
    environmentId: string,
    input: ConnectSessionInput,
    redirectUri: string,
  ): Promise<ConnectSession & { launchUrl: string }> {
    const { session, connectUrl } = await this.createSession(environmentId, input, redirectUri);
    return { ...session, launchUrl: redirectLaunchUrl(connectUrl, session.state) };
  }

  /** The employer came back to the redirect URI: the code is exchanged with that same redirect_uri. */
  async completeRedirect(environmentId: string, match: RedirectMatch): Promise<ConnectionView> {
    const attempt = match.state ? this.attempts.get(match.state) : undefined;
    if (!attempt || !attempt.redirectUri) {
      throw new WorkbenchError(
        'validation',
        'This redirect does not belong to a redirect-flow attempt started here (unknown state). Nothing was exchanged.',
      );
    }
    if (match.kind === 'error') {
      const said = `${match.error}${match.description ? `: ${match.description}` : ''}`;
      this.recordAttemptEvent(attempt, 'connect_failed', { stage: 'redirect', message: said }, []);
      this.options.traces.add(match.state!, {
        kind: 'report',
        requestId: null,
        summary: `Connect sent the employer back to the redirect URI with an error: ${said}`,
      });
      this.options.traces.finish(match.state!, 'failed', {
        status: null,
        finchCode: match.error,
        message: said,
        path: CONNECT_PATH,
        outcome: 'connect_error',
      });
      throw new WorkbenchError(
        'finch_error',
        `Connect sent the employer back with an error: ${match.error}${match.description ? ` (${match.description})` : ''}.`,
      );
    }
    return this.complete(environmentId, match.code, match.state!);
  }

  /**
   * The environment's rules for a connection like this, with the live count of active Provider
   * Sandbox connections: what "Before you connect" shows is exactly what a session enforces.
   */
  check(environmentId: string, attempt: AttemptInput): Verdict {
    return checkAttempt(this.options.environments, this.options.connections, environmentId, attempt);
  }

  private async createSession(environmentId: string, input: ConnectSessionInput, redirectUri: string | null) {
    const env = this.options.environments.get(environmentId);
    const verdict = this.check(environmentId, {
      providerId: input.providerId ?? null,
      authMethod: input.authMethod ?? null,
      sandboxMode: input.sandboxMode ?? null,
    });
    if (!verdict.allowed) throw new WorkbenchError('validation', verdict.reason ?? 'This connection is not allowed in this environment.');
    const customerId = input.customerId ?? `cust_${randomBytes(6).toString('hex')}`;
    const target = applicationTarget(env, this.options.simulator(), this.options.vault);
    const sandbox = env.kind === 'sandbox' || env.kind === 'local-simulator' ? (input.sandboxMode ?? null) : null;
    const result = await this.options.gateway.call(target, (client) =>
      client.connect.sessions.new({
        customer_id: customerId,
        customer_name: input.customerName,
        products: input.products,
        ...(input.customerEmail ? { customer_email: input.customerEmail } : {}),
        ...(sandbox ? { sandbox } : {}),
        ...(input.providerId
          ? { integration: { provider: input.providerId, ...(input.authMethod ? { auth_method: input.authMethod } : {}) } }
          : {}),
        ...(input.manual !== undefined ? { manual: input.manual } : {}),
        ...(redirectUri ? { redirect_uri: redirectUri } : {}),
      }),
    );
    this.forgetOld();
    const state = randomBytes(16).toString('hex');
    const attempt: Attempt = {
      environmentId,
      customerId,
      customerName: input.customerName,
      customerEmail: input.customerEmail ?? null,
      sessionId: result.data.session_id,
      startedAt: this.now(),
      completedConnectionId: null,
      reauthOf: null,
      redirectUri,
      eventIds: [],
    };
    this.attempts.set(state, attempt);
    this.recordAttemptEvent(
      attempt,
      'connect_started',
      {
        products: input.products,
        sandbox,
        providerId: input.providerId ?? null,
        redirectUri,
      },
      [result.requestId],
    );
    this.options.traces.begin(
      state,
      environmentId,
      {
        customerName: input.customerName,
        flow: redirectUri ? 'redirect' : 'embedded',
        params: { products: input.products, sandbox, redirectUri, providerId: input.providerId ?? null },
      },
      result.requestId,
    );
    const connectUrl =
      result.data.connect_url ?? `${endpointsOf(env, this.options.simulator()).connectUrl}/authorize?session=${result.data.session_id}`;
    const session: ConnectSession = {
      sessionId: result.data.session_id,
      state,
      connectUrl: new URL(connectUrl).origin,
      warnings: verdict.warnings,
      requestId: result.requestId,
    };
    return { session, connectUrl };
  }

  /** POST /connect/sessions/reauthenticate for a connection that needs it; same Connect, same completion. */
  async startReauth(environmentId: string, connectionId: string): Promise<ConnectSession> {
    const env = this.options.environments.get(environmentId);
    const connection = this.options.connections.get(environmentId, connectionId);
    if (connection.disconnectedAt !== null)
      throw new WorkbenchError('conflict', 'A disconnected connection cannot be reconnected; make a new connection.');
    const target = applicationTarget(env, this.options.simulator(), this.options.vault);
    const result = await this.options.gateway.call(target, (client) =>
      client.connect.sessions.reauthenticate({ connection_id: connectionId, minutes_to_expire: 60 }),
    );
    const state = randomBytes(16).toString('hex');
    this.attempts.set(state, {
      environmentId,
      customerId: connection.customerId ?? `cust_${randomBytes(6).toString('hex')}`,
      customerName: connection.customerName ?? 'Customer',
      customerEmail: null,
      sessionId: result.data.session_id,
      startedAt: this.now(),
      completedConnectionId: null,
      reauthOf: connectionId,
      redirectUri: null,
      eventIds: [],
    });
    this.options.connections.recordEvent(
      environmentId,
      connectionId,
      connection.customerId,
      'reauth_started',
      { sessionId: result.data.session_id },
      [result.requestId],
    );
    this.options.traces.begin(
      state,
      environmentId,
      {
        customerName: connection.customerName ?? connectionId,
        flow: 'reauth',
        params: { products: connection.products, sandbox: null, redirectUri: null, providerId: connection.providerId },
      },
      result.requestId,
    );
    const connectUrl = new URL(result.data.connect_url ?? endpointsOf(env, this.options.simulator()).connectUrl).origin;
    return { sessionId: result.data.session_id, state, connectUrl, warnings: [], requestId: result.requestId };
  }

  /** Connect's success: exchange the code (embedded flow: no redirect_uri), introspect, store. */
  async complete(environmentId: string, code: string, state: string): Promise<ConnectionView> {
    const attempt = this.attempts.get(state);
    if (!attempt) {
      throw new WorkbenchError(
        'validation',
        'This Connect result does not belong to an attempt started here (unknown state). Nothing was exchanged.',
      );
    }
    this.options.environments.assertSameEnvironment(environmentId, attempt.environmentId, 'This Connect attempt');
    const env = this.options.environments.get(environmentId);
    const app = applicationTarget(env, this.options.simulator(), this.options.vault);
    const flow = attempt.redirectUri ? 'redirect' : 'embedded';
    this.options.traces.add(state, {
      kind: 'exchange',
      requestId: null,
      summary: `Exchanging the code in main ${attempt.redirectUri ? 'with' : 'without'} redirect_uri`,
    });
    let exchanged;
    try {
      // The redirect flow must repeat its redirect_uri; the embedded flow must not send one
      // (getting this wrong is Finch's classic 400 invalid_grant).
      exchanged = await this.options.gateway.call(app, (client) =>
        client.accessTokens.create({ code, ...(attempt.redirectUri ? { redirect_uri: attempt.redirectUri } : {}) }),
      );
    } catch (error) {
      const failure = error instanceof WorkbenchError ? error : new WorkbenchError('internal', String(error));
      const requestId = failure.details.requestId ?? null;
      const logged = requestId ? this.options.lookupAttempt(requestId) : undefined;
      this.options.traces.add(state, { kind: 'exchange', requestId, summary: `Exchange failed: ${failure.message}` });
      this.options.traces.finish(state, 'failed', {
        status: logged?.status ?? null,
        finchCode: logged?.finchCode ?? failure.details.finchCode ?? null,
        message: logged?.message ?? failure.message,
        path: '/auth/token',
        requestIds: [requestId],
        exchange: { redirectUriSent: attempt.redirectUri !== null, flow },
      });
      this.recordAttemptEvent(
        attempt,
        'connect_failed',
        {
          stage: 'exchange',
          message: failure.message,
          replay: attempt.completedConnectionId !== null,
        },
        [failure.details.requestId ?? null],
      );
      throw failure;
    }
    const connection = await this.options.connections.storeNew(
      environmentId,
      exchanged.data.access_token,
      {
        customerId: attempt.customerId,
        customerName: attempt.customerName,
        customerEmail: attempt.customerEmail,
      },
      [exchanged.requestId],
      attempt.reauthOf ? 'reauth_succeeded' : 'connect_succeeded',
    );
    attempt.completedConnectionId = connection.id;
    this.options.connections.linkEvents(environmentId, connection.id, attempt.eventIds);
    attempt.eventIds = [];
    this.options.traces.add(state, {
      kind: 'stored',
      requestId: exchanged.requestId,
      summary: `Token stored in the vault for connection ${connection.id} (${connection.providerId}, ${connection.status})`,
    });
    this.options.traces.finish(state, 'connected');
    return connection;
  }

  /** Connect's error or close: nothing to exchange, but the attempt goes on the timeline. */
  report(environmentId: string, state: string, kind: 'error' | 'closed', message?: string, errorType?: string): void {
    const attempt = this.attempts.get(state);
    if (!attempt || attempt.environmentId !== environmentId) return;
    this.recordAttemptEvent(
      attempt,
      kind === 'closed' ? 'connect_closed' : 'connect_failed',
      {
        stage: 'connect',
        message: message ?? null,
        errorType: errorType ?? null,
      },
      [],
    );
    this.options.traces.add(state, {
      kind: 'report',
      requestId: null,
      summary:
        kind === 'closed'
          ? 'The employer closed Connect'
          : `Connect reported ${describeConnectError(errorType)}${message ? `: ${message}` : ''}`,
    });
    if (kind === 'closed') this.options.traces.finish(state, 'closed', { status: null, path: CONNECT_PATH, outcome: 'connect_closed' });
    else
      this.options.traces.finish(state, 'failed', {
        status: null,
        finchCode: errorType ?? null,
        message: message ?? null,
        path: CONNECT_PATH,
        outcome: 'connect_error',
      });
  }

  /** A message the Connect frame posted, as the renderer saw it (codes already masked there). */
  traceMessage(environmentId: string, state: string, kind: string, origin: string, detail?: string): void {
    const attempt = this.attempts.get(state);
    if (!attempt || attempt.environmentId !== environmentId) return;
    this.options.traces.add(state, {
      kind: 'message',
      requestId: null,
      summary: `finch-auth-message-v2 “${kind}” from ${origin}${detail ? ` (${detail})` : ''}`,
    });
  }

  /**
   * An event of this attempt: on the connection it is for when that is known (a reauth, a
   * replay after success), otherwise kept aside to be given to the connection it produces.
   */
  private recordAttemptEvent(attempt: Attempt, type: string, detail: Record<string, unknown>, requestIds: (string | null)[]): void {
    const connectionId = attempt.completedConnectionId ?? attempt.reauthOf;
    const id = this.options.connections.recordEvent(
      attempt.environmentId,
      connectionId,
      attempt.customerId,
      type,
      { sessionId: attempt.sessionId, ...detail },
      requestIds,
    );
    if (connectionId === null) attempt.eventIds.push(id);
  }

  private forgetOld(): void {
    const cutoff = this.now() - ATTEMPT_TTL_MS;
    for (const [state, attempt] of this.attempts) if (attempt.startedAt < cutoff) this.attempts.delete(state);
  }
}
