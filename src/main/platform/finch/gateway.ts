/**
 * FinchGateway: the only way main calls Finch. One SDK client per environment and
 * credential (or connection), each with the logging, rate-limited fetch; every call returns
 * its data with the Finch-Request-ID it came from, and every failure becomes a WorkbenchError
 * carrying the request id of the failing attempt.
 */
import { createHash } from 'node:crypto';
import Finch from '@tryfinch/finch-api';
import type { Clock } from '../clock';
import { newCallId } from '../request-log/call-id';
import type { RequestLog } from '../request-log/request-log';
import type { Outcome } from '../request-log/types';
import { toWorkbenchError } from './classify';
import type { CallObservation } from './logging-fetch';
import { callContext, createLoggingFetch } from './logging-fetch';
import { bodyBytes } from './body-bytes';
import { responseBytesOf } from './raw-answer';
import type { RateLimiter } from './rate-limiter';
import { textOf } from '../json/text-of';

export interface GatewayTarget {
  environmentId: string;
  baseURL: string;
  /** The application (client_id): every call spends its rate-limit budget. */
  clientId: string;
  /** For Basic-auth calls (connect sessions, sandbox connections). Decrypted only for the call. */
  clientSecret?: string;
  /** For Bearer calls on a connection. */
  accessToken?: string;
  connectionId?: string | null;
}

export interface GatewayOptions {
  log: RequestLog;
  limiter: RateLimiter;
  clock: Clock;
  fetch?: typeof fetch;
  maxRetries?: number;
  timeoutMs?: number;
}

export interface CallResult<T> {
  data: T;
  status: number;
  outcome: Outcome;
  requestId: string | null;
  callId: string;
  /** Every attempt's request id, oldest first (retries included). */
  attemptRequestIds: (string | null)[];
}

/** An SDK call whose raw response (headers: Finch-Request-ID…) can be read alongside its data. */
export type WithResponse<T> = { withResponse(): Promise<{ data: T; response: Response }> };
/** An SDK call whose response can be had unparsed. */
export type AsResponse = { asResponse(): Promise<Response> };

/** An answer as bytes; its value parsed only if asked for, and once. */
export interface RawAnswer {
  bytes: Uint8Array;
  value(): unknown;
}

function rawAnswer(bytes: Uint8Array): RawAnswer {
  let parsed: { value: unknown } | null = null;
  return {
    bytes,
    value: () => (parsed ??= { value: bytes.length === 0 ? null : JSON.parse(textOf(bytes)) }).value,
  };
}

export class FinchGateway {
  private readonly clients = new Map<string, Finch>();

  constructor(private readonly options: GatewayOptions) {}

  /** Runs one SDK call, e.g. `gateway.call(target, (client) => client.hris.company.retrieve())`. */
  call<T>(target: GatewayTarget, fn: (client: Finch) => WithResponse<T>, onAnswering?: () => void): Promise<CallResult<T>> {
    return this.run(target, { raw: false, onAnswering }, (client) => fn(client).withResponse());
  }

  /**
   * Runs one SDK call whose answer is read as bytes, not parsed (the SDK's `asResponse`): a
   * snapshot stores batch answers as Finch sent them (json/raw-batch.ts). The SDK still
   * retries, and throws for a failed call, as for `call`.
   */
  callRaw(target: GatewayTarget, fn: (client: Finch) => AsResponse, onAnswering?: () => void): Promise<CallResult<RawAnswer>> {
    return this.run(target, { raw: true, onAnswering }, async (client) => {
      const response = await fn(client).asResponse();
      const bytes = responseBytesOf(response) ?? (await bodyBytes(response));
      return { data: rawAnswer(bytes), response };
    });
  }

  /** `onAnswering`: told when the server's answer starts coming (its headers), before its body is read. */
  private async run<T>(
    target: GatewayTarget,
    how: Pick<CallObservation, 'raw' | 'onAnswering'>,
    send: (client: Finch) => Promise<{ data: T; response: Response }>,
  ): Promise<CallResult<T>> {
    const callId = newCallId();
    const client = this.clientFor(target);
    const observed: CallObservation = { callId, attempts: [], ...how };
    try {
      const { data, response } = await callContext.run(observed, () => send(client));
      const attempts = observed.attempts;
      const last = attempts.at(-1);
      return {
        data,
        status: response.status,
        outcome: last?.outcome ?? 'ok',
        requestId: response.headers.get('finch-request-id'),
        callId,
        attemptRequestIds: attempts.map((a) => a.requestId),
      };
    } catch (error) {
      const failing = observed.attempts.at(-1);
      throw toWorkbenchError(error, failing?.requestId ?? null);
    }
  }

  /** Drops cached clients of an environment (credentials changed, environment deleted). */
  forget(environmentId: string): void {
    for (const key of [...this.clients.keys()]) if (key.startsWith(`${environmentId}\u0000`)) this.clients.delete(key);
  }

  private clientFor(target: GatewayTarget): Finch {
    // Keyed by a fingerprint of the credential, never the credential itself, so a replaced
    // token or secret gets a fresh client.
    const credential = target.accessToken ? `token:${fingerprint(target.accessToken)}` : `secret:${fingerprint(target.clientSecret ?? '')}`;
    const key = [target.environmentId, target.baseURL, target.clientId, target.connectionId ?? '', credential].join('\u0000');
    let client = this.clients.get(key);
    if (!client) {
      client = new Finch({
        baseURL: target.baseURL,
        clientID: target.clientId,
        clientSecret: target.clientSecret ?? null,
        accessToken: target.accessToken ?? null,
        maxRetries: this.options.maxRetries ?? 2,
        timeout: this.options.timeoutMs ?? 60_000,
        fetch: createLoggingFetch(
          {
            fetch: this.options.fetch ?? globalThis.fetch,
            log: this.options.log,
            limiter: this.options.limiter,
            clock: this.options.clock,
          },
          { environmentId: target.environmentId, connectionId: target.connectionId ?? null, clientId: target.clientId },
        ),
        logLevel: 'off',
      });
      this.clients.set(key, client);
    }
    return client;
  }
}

function fingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 16);
}
