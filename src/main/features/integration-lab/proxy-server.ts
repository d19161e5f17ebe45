/**
 * The local Finch proxy: a plain Node `http` server on 127.0.0.1 that your backend calls instead
 * of Finch (SDK `baseURL` / FINCH_BASE_URL). Each call is decided by the scenario (injected
 * answer, added latency, or pass-through), forwarded to the upstream with bodies streamed both
 * ways and Finch's headers kept, and recorded (recorder.ts). Whatever a caller sends — broken
 * HTTP, a body past the limit, an upstream that is down — gets a Finch-shaped answer and the
 * server keeps serving.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { productForPath } from '@main/platform/finch/products';
import type { ScenarioRule } from '@shared/domain/integration-lab';
import { answers, drainAfterAnswer, sendAnswer } from './finch-answers';
import type { FinchAnswer } from './finch-answers';
import { credentialsFromHeaders, loggablePath, scrubText, secretsOf } from './credentials';
import type { CallFacts, ScenarioEngine } from './scenarios';
import { DEFAULT_RETRY_AFTER_SECONDS, DEFAULT_TIMEOUT_HOLD_MS, isBatchCall } from './scenarios';
import type { Attempt } from './recorder';
import { BodyTap } from './body-tap';
import type { CallOutcome, Forwarded, Upstream } from './forward';
import { forward } from './forward';
import type { Arrival, ProxyFingerprints } from './proxy-types';
export type { Arrival, ProxyFingerprints } from './proxy-types';

export const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;

export interface ProxyOptions {
  upstream: Upstream;
  engine: ScenarioEngine;
  record: (attempt: Attempt) => void;
  fingerprints: ProxyFingerprints;
  /** Production upstream: whether writes may pass now (armed). */
  writesAllowed: () => boolean;
  port?: number;
  maxBodyBytes?: number;
  log?: (line: string) => void;
}

export interface RunningProxy {
  url: string;
  port: number;
  close(): Promise<void>;
}

const READ_METHODS = new Set(['GET', 'HEAD']);
type Done = (outcome: CallOutcome) => void;

export async function startProxyServer(options: ProxyOptions): Promise<RunningProxy> {
  const log = options.log ?? (() => {});
  const sockets = new Set<Socket>();
  const server: Server = createServer({ requestTimeout: 0 }, (req, res) => {
    handle(options, req, res).catch((error: unknown) => {
      log(`[proxy] ${req.method ?? '?'} ${(req.url ?? '?').split('?')[0]} failed: ${(error as Error)?.message ?? String(error)}`);
      if (!res.headersSent) sendAnswer(res, { ...answers.serverError(500), body: internalBody() });
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // Broken HTTP never reaches a handler: answer it here, Finch-shaped, and close that socket only.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const answer = tooLarge
      ? { ...answers.badRequest('The request headers are too large.'), status: 431 }
      : answers.badRequest(`The request is not valid HTTP (${error.code ?? error.message}).`);
    const body = JSON.stringify(answer.body);
    socket.end(
      `HTTP/1.1 ${answer.status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nFinch-Request-ID: ${crypto.randomUUID()}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Held (timeout scenario) and keep-alive sockets must not keep the server open.
        for (const socket of sockets) socket.destroy();
      }),
  };
}

function internalBody(): Record<string, unknown> {
  return { ...answers.serverError(500).body, message: 'The workbench proxy failed on this request; it keeps serving others.' };
}

async function handle(options: ProxyOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const arrival = arrive(options, req);
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const done: Done = (outcome) => options.record(toAttempt(options, arrival, outcome));

  if (!arrival.rawUrl.startsWith('/')) {
    await drain(req, maxBody);
    const answer = answers.badRequest('The request target must be a path.');
    done({ status: 400, ...answerFacts(answer, sendAnswer(res, answer)) });
    return;
  }
  // Finch's API does not serve browsers: a CORS preflight gets no Access-Control-Allow-Origin.
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
    const requestId = crypto.randomUUID();
    res.writeHead(204, { 'Finch-Request-ID': requestId, Allow: 'GET, POST, PUT, DELETE' }).end();
    done({ status: 204, requestId, message: 'CORS preflight: answered without Access-Control-Allow-Origin, as Finch does.' });
    return;
  }
  const declared = Number(req.headers['content-length'] ?? '0');
  if (Number.isFinite(declared) && declared > maxBody) {
    const answer = answers.bodyTooLarge(maxBody);
    done({ status: 413, ...answerFacts(answer, sendAnswer(res, answer)) });
    drainAfterAnswer(req, res);
    return;
  }
  if (options.upstream.production && !READ_METHODS.has(arrival.method) && !isBatchCall(arrival) && !options.writesAllowed()) {
    const answer = answers.productionReadOnly(options.upstream.environmentName, arrival.method);
    const body = await drain(req, maxBody, bodyHash(options, arrival));
    done({ status: 403, bodyKey: body.key, ...answerFacts(answer, sendAnswer(res, answer)) });
    return;
  }

  const facts: CallFacts = { method: arrival.method, path: arrival.path, product: arrival.product, connectionKey: arrival.connectionKey };
  const decision = options.engine.decide(facts);
  if (decision.latencyMs > 0) {
    const closed = await holdFor(req, decision.latencyMs);
    if (closed) {
      done({
        status: null,
        message: 'The caller closed the connection during the added latency.',
        injectedBy: decision.latencyRuleIds[0] ?? null,
      });
      return;
    }
  }
  const rule = decision.rule;
  if (rule && replacesAnswer(rule)) {
    await injectAnswer(options, arrival, rule, req, res, done, maxBody);
    return;
  }
  const result: Forwarded = await forward({
    upstream: options.upstream,
    arrival,
    req,
    res,
    maxBodyBytes: maxBody,
    bodyHash: bodyHash(options, arrival),
    rewrite: rule ?? null,
    releaseRule: (id) => options.engine.release(id),
    fingerprints: options.fingerprints,
  });
  done({ ...result, injectedBy: result.rewritten ? (rule?.id ?? null) : (decision.latencyRuleIds[0] ?? null) });
}

function arrive(options: ProxyOptions, req: IncomingMessage): Arrival {
  const rawUrl = req.url ?? '';
  const path = rawUrl.split('?')[0] ?? '';
  const credentials = credentialsFromHeaders(req.headers);
  const retries = Number(req.headers['x-stainless-retry-count'] ?? '0');
  return {
    at: Date.now(),
    started: performance.now(),
    method: (req.method ?? 'GET').toUpperCase(),
    rawUrl,
    path,
    product: productForPath(path),
    attempt: Number.isInteger(retries) && retries >= 0 ? retries + 1 : 1,
    credentials,
    connectionKey: credentials.bearer ? options.fingerprints.of('tok', credentials.bearer) : null,
    fromBrowser:
      req.headers.origin !== undefined || (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined),
  };
}

function replacesAnswer(rule: ScenarioRule): boolean {
  return rule.inject !== 'batch_item_errors' && rule.inject !== 'all_null' && rule.inject !== 'latency';
}

function bodyHash(options: ProxyOptions, arrival: Arrival) {
  return READ_METHODS.has(arrival.method) ? null : options.fingerprints.incremental('body');
}

/** Reads a request body to its end without keeping it (fingerprinted when asked); stops at the limit. */
async function drain(
  req: IncomingMessage,
  limit: number,
  hash: ReturnType<typeof bodyHash> = null,
): Promise<{ key: string | null; tooLarge: boolean }> {
  const tap = new BodyTap({ limitBytes: limit, ...(hash ? { hash } : {}) });
  return new Promise((resolve) => {
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      if (!tap.see(chunk)) {
        tooLarge = true;
        req.pause();
        resolve({ key: null, tooLarge });
      }
    });
    req.once('end', () => !tooLarge && resolve({ key: hash && tap.bytes > 0 ? hash.finish() : null, tooLarge }));
    req.once('error', () => resolve({ key: null, tooLarge }));
    req.once('close', () => resolve({ key: null, tooLarge }));
  });
}

/** Waits `ms`; true when the caller hung up meanwhile. */
function holdFor(req: IncomingMessage, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      req.socket.off('close', onClose);
      resolve(false);
    }, ms);
    req.socket.once('close', onClose);
  });
}

async function injectAnswer(
  options: ProxyOptions,
  arrival: Arrival,
  rule: ScenarioRule,
  req: IncomingMessage,
  res: ServerResponse,
  done: Done,
  maxBody: number,
): Promise<void> {
  const body = await drain(req, maxBody, bodyHash(options, arrival));
  const injectedBy = rule.id;
  if (body.tooLarge) {
    const answer = answers.bodyTooLarge(maxBody);
    done({ status: 413, injectedBy: null, ...answerFacts(answer, sendAnswer(res, answer)) });
    drainAfterAnswer(req, res);
    return;
  }
  const bodyKey = body.key;
  switch (rule.inject) {
    case 'drop':
      req.socket.destroy();
      done({ status: null, bodyKey, injectedBy, message: 'Injected: the connection was dropped without an answer.' });
      return;
    case 'timeout': {
      const holdMs = rule.latencyMs ?? DEFAULT_TIMEOUT_HOLD_MS;
      const closedEarly = await holdFor(req, holdMs);
      req.socket.destroy();
      done({
        status: null,
        bodyKey,
        injectedBy,
        message: closedEarly ? 'Injected timeout: the caller gave up first.' : `Injected timeout: held ${holdMs} ms, then hung up.`,
      });
      return;
    }
    default: {
      const answer = injectedAnswer(rule, arrival.product);
      done({ status: answer.status, bodyKey, injectedBy, ...answerFacts(answer, sendAnswer(res, answer)) });
    }
  }
}

function injectedAnswer(rule: ScenarioRule, product: string | null): FinchAnswer {
  switch (rule.inject) {
    case 'rate_limit':
      return answers.rateLimited(rule.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS, product, rule.applicationWide === true);
    case 'server_error':
      return answers.serverError(rule.status ?? 500);
    case 'sync_in_progress':
      return answers.syncInProgress();
    case 'reauthenticate':
      return answers.reauthenticate();
    default:
      throw new Error(`not an answer-replacing injection: ${rule.inject}`);
  }
}

/** The facts an answer of the proxy's own gives the log. */
function answerFacts(answer: FinchAnswer, requestId: string): Omit<CallOutcome, 'status'> {
  const body = answer.body;
  const retryAfter = Number(answer.headers?.['Retry-After']);
  return {
    requestId,
    finchCode: typeof body['finch_code'] === 'string' ? body['finch_code'] : null,
    errorName: answer.status >= 400 && typeof body['name'] === 'string' ? body['name'] : null,
    message: typeof body['message'] === 'string' ? body['message'] : null,
    retryAfterMs: Number.isFinite(retryAfter) ? retryAfter * 1000 : null,
  };
}

function toAttempt(options: ProxyOptions, arrival: Arrival, outcome: CallOutcome): Attempt {
  const credentials = { ...arrival.credentials, ...outcome.credentials };
  const secrets = secretsOf(credentials, outcome.secretsSeen ?? []);
  const clean = (text: string | null | undefined) => (text ? scrubText(text.slice(0, 500), secrets) : null);
  return {
    environmentId: options.upstream.environmentId,
    at: arrival.at,
    durationMs: performance.now() - arrival.started,
    method: arrival.method,
    path: arrival.path,
    pathWithQuery: loggablePath(arrival.rawUrl, secrets),
    product: arrival.product,
    status: outcome.status,
    requestId: outcome.requestId ?? null,
    finchCode: outcome.finchCode ?? null,
    errorName: outcome.errorName ?? null,
    message: clean(outcome.message),
    retryAfterMs: outcome.retryAfterMs ?? null,
    clientId: credentials.clientId,
    connectionKey: arrival.connectionKey,
    fromBrowser: arrival.fromBrowser,
    sentClientSecret: credentials.clientSecret !== null,
    codeKey: credentials.code ? options.fingerprints.of('code', credentials.code) : null,
    issuedTokenKey: outcome.issuedTokenKey ?? null,
    batchItemErrors: outcome.batchItemErrors ?? 0,
    bodyKey: outcome.bodyKey ?? null,
    injectedBy: outcome.injectedBy ?? null,
    attempt: arrival.attempt,
    dataRetrieved: outcome.dataRetrieved ?? null,
    lastUpdateDate: outcome.lastUpdateDate ?? null,
    lastUpdateResult: outcome.lastUpdateResult ?? null,
  };
}
