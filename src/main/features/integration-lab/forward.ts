/**
 * Forwards one call to the upstream Finch (the simulator, or an environment's API) and streams
 * the answer back unchanged: status, Finch's headers (Finch-Request-ID, Retry-After,
 * Finch-API-Version, content-type, the Finch-Data-* headers) and body. Bodies are not held:
 * only the first 64 KB of an error (for finch_code) or of /auth/token (for the client_id, the
 * code and the token issued, fingerprinted at once) are kept, and batch item codes are counted
 * as they pass. The one exception is a scenario that rewrites the answer (all-null, batch item
 * errors): that needs the whole JSON, up to the body limit.
 *
 * The proxy asks the upstream for an uncompressed answer (`accept-encoding: identity`) so what
 * it reads is JSON; your app is on loopback and loses nothing by it.
 */
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import type { ClientRequest, IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { ScenarioRule } from '@shared/domain/integration-lab';
import { answers, drainAfterAnswer, sendAnswer } from './finch-answers';
import type { CallerCredentials } from './credentials';
import { credentialsFromTokenBody, issuedAccessToken } from './credentials';
import { injectBatchItemErrors, nullEveryNullable } from './answer-rewrites';
import { BatchCodeScanner } from './batch-scanner';
import { BodyTap, BodyTooLargeError, HEAD_BYTES } from './body-tap';
import { isBatchCall } from './scenarios';
import type { Arrival, ProxyFingerprints } from './proxy-types';

export interface Upstream {
  kind: 'local' | 'environment';
  baseUrl: string;
  environmentId: string;
  environmentName: string;
  production: boolean;
}

/** What became of a call, as the recorder needs it (every field but status optional). */
export interface CallOutcome {
  status: number | null;
  requestId?: string | null;
  finchCode?: string | null;
  errorName?: string | null;
  message?: string | null;
  retryAfterMs?: number | null;
  issuedTokenKey?: string | null;
  batchItemErrors?: number;
  bodyKey?: string | null;
  injectedBy?: string | null;
  dataRetrieved?: string | null;
  lastUpdateDate?: string | null;
  lastUpdateResult?: string | null;
  /** Credentials found in the body (/auth/token). */
  credentials?: Partial<CallerCredentials>;
  /** Secrets seen in the answer (an issued token): removed from anything logged. */
  secretsSeen?: string[];
}

export interface Forwarded extends CallOutcome {
  /** A scenario rule rewrote Finch's answer. */
  rewritten: boolean;
}

export interface ForwardInput {
  upstream: Upstream;
  arrival: Arrival;
  req: IncomingMessage;
  res: ServerResponse;
  maxBodyBytes: number;
  bodyHash: { update(chunk: Buffer): void; finish(): string } | null;
  /** An all-null or batch-item-errors rule to apply to a 2xx JSON answer. */
  rewrite: ScenarioRule | null;
  releaseRule: (ruleId: string) => void;
  fingerprints: ProxyFingerprints;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);
/**
 * How long a kept-alive upstream socket may sit idle. Node's agent retires a socket a second
 * before the server's announced `Keep-Alive: timeout=N`, but only when the agent has a timeout of
 * its own (without one the hint is ignored and the socket is kept until the server closes it,
 * and a call that reuses it at that instant is reset: a full bench run lost 13 POSTs so). For an
 * upstream that announces nothing, 4 s stays under common idle timeouts (Node's 5 s). A busy
 * call is not cut by it: on a socket in use the timeout only emits an event no one listens to.
 */
const IDLE_SOCKET_MS = 4_000;
const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 128, timeout: IDLE_SOCKET_MS });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 128, timeout: IDLE_SOCKET_MS });

/** Where an upstream is, parsed once (not once per call). */
interface Target {
  https: boolean;
  hostname: string;
  port: number;
  /** The base URL's path, without its trailing slash: the call's path is appended. */
  basePath: string;
  host: string;
}
const targets = new Map<string, Target>();

function targetOf(baseUrl: string): Target {
  let target = targets.get(baseUrl);
  if (!target) {
    const url = new URL(baseUrl);
    const https = url.protocol === 'https:';
    target = {
      https,
      // URL keeps an IPv6 literal's brackets; the socket wants the bare address.
      hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port ? Number(url.port) : https ? 443 : 80,
      basePath: url.pathname.replace(/\/$/, ''),
      host: url.host,
    };
    targets.set(baseUrl, target);
  }
  return target;
}

export function forward(input: ForwardInput): Promise<Forwarded> {
  const { upstream, arrival, req, res } = input;
  const target = targetOf(upstream.baseUrl);
  const tokenCall = arrival.path.replace(/\/$/, '') === '/auth/token';
  const withBody = hasBody(req);
  // A body is watched on its way (limit, fingerprint, the /auth/token fields); most reads have none.
  const requestTap = withBody
    ? new BodyTap({
        limitBytes: input.maxBodyBytes,
        keep: tokenCall ? HEAD_BYTES : 0,
        ...(input.bodyHash ? { hash: input.bodyHash } : {}),
      })
    : null;
  const open = () =>
    (target.https ? httpsRequest : httpRequest)({
      hostname: target.hostname,
      port: target.port,
      path: target.basePath + arrival.rawUrl,
      method: arrival.method,
      headers: forwardedHeaders(req.headers, target.host),
      agent: target.https ? httpsAgent : httpAgent,
    });
  let upstreamReq = open();

  return new Promise<Forwarded>((resolve) => {
    let settled = false;
    let requestEnded = !requestTap;
    const requestFacts = (): CallOutcome => {
      const bodyKey = requestEnded && input.bodyHash && requestTap && requestTap.bytes > 0 ? input.bodyHash.finish() : null;
      const body = requestTap ? requestTap.head() : Buffer.alloc(0);
      const credentials = tokenCall ? credentialsFromTokenBody(header(req.headers, 'content-type'), body) : {};
      return { status: null, bodyKey, credentials };
    };
    let facts: CallOutcome | null = null;
    const finish = (outcome: Omit<Forwarded, 'rewritten'> & { rewritten?: boolean }) => {
      if (settled) return;
      settled = true;
      facts ??= requestFacts();
      resolve({ ...facts, ...outcome, credentials: facts.credentials ?? {}, rewritten: outcome.rewritten ?? false });
    };
    requestTap?.once('finish', () => {
      requestEnded = true;
      facts = requestFacts();
    });

    requestTap?.once('error', (error) => {
      upstreamReq.destroy();
      if (error instanceof BodyTooLargeError && !res.headersSent) {
        const answer = answers.bodyTooLarge(error.limitBytes);
        const requestId = sendAnswer(res, answer);
        drainAfterAnswer(req, res);
        finish({
          status: 413,
          requestId,
          finchCode: 'payload_too_large',
          errorName: 'invalid_request_error',
          message: String(answer.body['message']),
        });
      } else finish({ status: null, message: 'The request body could not be read.' });
    });
    let retried = false;
    const onUpstreamError = (error: NodeJS.ErrnoException) => {
      if (settled) return;
      // A kept-alive socket the upstream closed just as we reused it: nothing was answered, and
      // a bodiless request can go again, once, on a fresh socket (the caller never sees the race).
      if (!requestTap && !retried && upstreamReq.reusedSocket && isStaleSocket(error)) {
        retried = true;
        upstreamReq = open();
        wire(upstreamReq);
        upstreamReq.end();
        return;
      }
      if (res.headersSent) {
        res.destroy();
        finish({ status: res.statusCode, message: `Finch’s answer was cut off: ${error.code ?? error.message}` });
        return;
      }
      const answer = answers.upstreamUnreachable(upstream.baseUrl, error.code ?? error.message);
      const requestId = sendAnswer(res, answer);
      // The caller may still be sending its body: read and drop the rest so its connection stays
      // usable (left unread, the upload stalls and the socket is eventually cut).
      if (requestTap && !requestEnded) {
        req.unpipe(requestTap);
        drainAfterAnswer(req, res);
      }
      finish({
        status: 502,
        requestId,
        finchCode: String(answer.body['finch_code']),
        errorName: 'bad_gateway_error',
        message: String(answer.body['message']),
      });
    };
    // The caller hung up before the answer was complete: stop asking Finch.
    res.once('close', () => {
      if (settled || res.writableFinished) return;
      upstreamReq.destroy();
      finish({ status: null, message: 'The caller closed the connection before the answer was complete.' });
    });
    const wire = (outgoing: ClientRequest) => {
      outgoing.once('error', onUpstreamError);
      outgoing.once('response', (up) => {
        void relay(input, up, tokenCall).then(finish, (error: unknown) => {
          res.destroy();
          finish({ status: up.statusCode ?? null, message: `Relaying Finch’s answer failed: ${(error as Error).message}` });
        });
      });
    };
    wire(upstreamReq);
    if (requestTap) req.pipe(requestTap).pipe(upstreamReq);
    else {
      // No body (most reads): nothing to watch, the request goes out at once.
      req.resume();
      upstreamReq.end();
    }
  });
}

/** The socket was closed under us before any answer: the classic keep-alive reuse race. */
function isStaleSocket(error: NodeJS.ErrnoException): boolean {
  return error.code === 'ECONNRESET' || error.code === 'EPIPE' || error.code === 'ECONNABORTED';
}

/** Streams (or rewrites) the upstream's answer to the caller; resolves when the caller has it all. */
async function relay(input: ForwardInput, up: IncomingMessage, tokenCall: boolean): Promise<Omit<Forwarded, 'bodyKey' | 'credentials'>> {
  const { res, arrival, rewrite } = input;
  const status = up.statusCode ?? 502;
  const json = /json/i.test(header(up.headers, 'content-type') ?? '');
  const base = {
    status,
    requestId: header(up.headers, 'finch-request-id'),
    retryAfterMs: retryAfterMs(up.headers),
    dataRetrieved: header(up.headers, 'finch-data-retrieved'),
    lastUpdateDate: header(up.headers, 'finch-last-attempted-update-date'),
    lastUpdateResult: header(up.headers, 'finch-last-attempted-update-result'),
  };
  const rewritable = rewrite !== null && status >= 200 && status < 300 && json;
  if (rewrite && !rewritable) input.releaseRule(rewrite.id);
  if (rewrite && rewritable) {
    const rewritten = await rewriteAnswer(input, up, rewrite);
    if (rewritten) return { ...base, ...rewritten, rewritten: true };
    input.releaseRule(rewrite.id);
    return { ...base, rewritten: false };
  }

  const readHead = status >= 400 || status === 202 || tokenCall;
  const scanner = isBatchCall(arrival) && status < 300 ? new BatchCodeScanner() : null;
  const tap = readHead || scanner ? new BodyTap({ keep: readHead ? HEAD_BYTES : 0, ...(scanner ? { scanner } : {}) }) : null;
  res.writeHead(status, up.statusMessage, responseHeaders(up.rawHeaders));
  await new Promise<void>((resolve, reject) => {
    up.once('error', reject);
    up.once('aborted', () => reject(new Error('the upstream closed the answer early')));
    res.once('finish', resolve);
    res.once('close', () => (res.writableFinished ? resolve() : reject(new Error('the caller closed the connection'))));
    // Watched beside the pipe, not inside it: the bytes flow straight through.
    if (tap) {
      up.on('data', (chunk: Buffer) => void tap.see(chunk));
      up.once('end', () => scanner?.end());
    }
    up.pipe(res);
  });
  const head = readHead && tap ? tap.head() : null;
  const error = head && status !== 200 ? errorFacts(head) : {};
  const token = tokenCall && status < 300 && head ? issuedAccessToken(head) : null;
  return {
    ...base,
    ...error,
    batchItemErrors: scanner?.failed ?? 0,
    ...(token ? { issuedTokenKey: input.fingerprints.of('tok', token), secretsSeen: [token] } : {}),
    rewritten: false,
  };
}

/** Buffers a 2xx JSON answer (up to the body limit), applies the rule, sends it; null when it could not. */
async function rewriteAnswer(input: ForwardInput, up: IncomingMessage, rule: ScenarioRule): Promise<Partial<Forwarded> | null> {
  const { res, arrival } = input;
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  for await (const chunk of up as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > input.maxBodyBytes) over = true;
    chunks.push(chunk);
  }
  const raw = Buffer.concat(chunks);
  let body: unknown = null;
  if (!over) {
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      body = null;
    }
  }
  let batchItemErrors = 0;
  let out: Buffer = raw;
  let applied = false;
  if (body !== null) {
    if (rule.inject === 'all_null') {
      out = Buffer.from(JSON.stringify(nullEveryNullable(arrival.product, arrival.path, body as never)));
      applied = true;
    } else if (rule.inject === 'batch_item_errors' && injectBatchItemErrors(arrival.path, body as never) > 0) {
      out = Buffer.from(JSON.stringify(body));
      applied = true;
    }
    const items = (body as { responses?: { code?: unknown }[] }).responses;
    if (Array.isArray(items)) batchItemErrors = items.filter((i) => typeof i?.code === 'number' && (i.code < 200 || i.code >= 300)).length;
  }
  const headers = responseHeaders(up.rawHeaders);
  const pairs: string[] = [];
  for (let i = 0; i + 1 < headers.length; i += 2)
    if (headers[i]!.toLowerCase() !== 'content-length') pairs.push(headers[i]!, headers[i + 1]!);
  pairs.push('Content-Length', String(out.length));
  res.writeHead(up.statusCode ?? 200, up.statusMessage, pairs);
  await new Promise<void>((resolve) => res.end(out, () => resolve()));
  return applied ? { batchItemErrors } : null;
}

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function forwardedHeaders(headers: IncomingHttpHeaders, host: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || HOP_BY_HOP.has(name) || name === 'host' || name === 'accept-encoding') continue;
    out[name] = value;
  }
  out['host'] = host;
  out['accept-encoding'] = 'identity';
  return out;
}

/** The upstream's headers as a flat [name, value, …] list (repeats kept), hop-by-hop ones left out. */
function responseHeaders(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) if (!HOP_BY_HOP.has(raw[i]!.toLowerCase())) out.push(raw[i]!, raw[i + 1]!);
  return out;
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  return typeof value === 'string' ? value : Array.isArray(value) ? (value[0] ?? null) : null;
}

function retryAfterMs(headers: IncomingHttpHeaders): number | null {
  const ms = Number.parseFloat(header(headers, 'retry-after-ms') ?? '');
  if (Number.isFinite(ms)) return ms;
  const seconds = Number.parseFloat(header(headers, 'retry-after') ?? '');
  return Number.isFinite(seconds) ? seconds * 1000 : null;
}

function errorFacts(head: Buffer): Partial<CallOutcome> {
  try {
    const body = JSON.parse(head.toString('utf8')) as Record<string, unknown>;
    const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : null);
    return { finchCode: text('finch_code'), errorName: text('name'), message: text('message')?.slice(0, 500) ?? null };
  } catch {
    return {};
  }
}
