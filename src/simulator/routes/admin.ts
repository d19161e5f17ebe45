/**
 * The simulator's admin API under /_simulator (documented in ../README.md): faults, reset,
 * clock, rate-limit switch, state summary. Answered only to loopback clients whose Host is
 * the loopback address (no DNS rebinding) and, when a browser sends an Origin, only to the
 * simulator's own origin (no cross-site requests).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isoDateTime } from '../data/dates';
import { FaultInputError } from '../policy/faults';
import { FINCH_RATE_LIMITS, RATE_WINDOW_MS } from '../policy/rate-limit';
import { errorBody } from '../http/finch-errors';
import { isLoopbackAddress, parseJsonBody, readBody, sendJson } from '../http/io';
import type { SimulatorCore } from '../simulator-core';
import { PayRunError, runPayroll } from './pay-runs';
import { WEBHOOK_ADMIN_ENDPOINTS, handleWebhookAdmin } from './webhook-admin';
import { isObject } from './input';

export const ADMIN_ENDPOINTS = [
  'GET    /_simulator                 this list',
  'GET    /_simulator/health          { ok, base_url, connect_url }',
  'GET    /_simulator/state           connections, sessions, companies (no secrets)',
  'POST   /_simulator/reset           forget all connections, sessions, edits, faults, rate-limit windows',
  'GET    /_simulator/faults          active fault rules',
  'POST   /_simulator/faults          { kind, path?, method?, connection_id?, count?, latency_ms?, status?, retry_after_seconds?, finch_code?, individual_ids?, fail_count?, message? }',
  'DELETE /_simulator/faults          remove all fault rules',
  'DELETE /_simulator/faults/{id}     remove one fault rule',
  'GET    /_simulator/clock           { now, iso, speed }',
  'POST   /_simulator/clock           { advance_ms?, set?: ISO date-time, speed? }',
  'GET    /_simulator/rate-limits     { enabled, limits, window_ms }',
  'PUT    /_simulator/rate-limits     { enabled: boolean }',
  'DELETE /_simulator/rate-limits     clear the rolling windows',
  'POST   /_simulator/pay-runs        { connection_id, type?: regular_payroll|off_cycle_payroll } → 201 { payment_id, pay_date, type, individual_ids }',
  ...WEBHOOK_ADMIN_ENDPOINTS,
] as const;

function bad(res: ServerResponse, status: number, message: string): void {
  sendJson(
    res,
    status,
    errorBody(
      status,
      status === 403 ? 'forbidden_error' : status === 404 ? 'not_found_error' : 'invalid_request_error',
      'simulator_admin',
      message,
    ),
  );
}

function allowed(core: SimulatorCore, req: IncomingMessage): string | null {
  if (!isLoopbackAddress(req.socket.remoteAddress)) return 'The admin API answers loopback clients only.';
  const host = req.headers.host ?? '';
  if (!/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host)) return 'The admin API answers requests addressed to 127.0.0.1 only.';
  const origin = req.headers.origin;
  if (origin !== undefined && !core.isOwnOrigin(origin)) return 'Cross-origin requests to the admin API are refused.';
  return null;
}

function stateSummary(core: SimulatorCore): Record<string, unknown> {
  const now = core.clock.now();
  for (const c of core.store.state.connections) core.refresh(c);
  return {
    companies: core.store.state.companies.map((c) => ({ id: c.id, employee_size: c.employeeSize, created_at: isoDateTime(c.createdAt) })),
    connections: core.store.state.connections.map((c) => ({
      connection_id: c.id,
      client_id: c.clientId,
      company_id: c.companyId,
      provider_id: c.providerId,
      authentication_type: c.authenticationType,
      connection_type: c.connectionType,
      status: c.status,
      customer_id: c.customerId,
      disconnected: c.disconnectedAt !== null,
      active_tokens: core.store.state.tokens.filter((t) => t.connectionId === c.id && t.revokedAt === null).length,
    })),
    sessions: core.store.state.sessions.map((s) => ({
      session_id: s.id,
      kind: s.kind,
      customer_id: s.customerId,
      expired: now >= s.expiresAt,
      completed: s.completedAt !== null,
    })),
  };
}

export function createAdminHandler(core: SimulatorCore) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const refusal = allowed(core, req);
    if (refusal) {
      bad(res, 403, refusal);
      return true;
    }
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/\/+$/, '') || '/';
    let body: unknown;
    try {
      body = method === 'GET' ? undefined : parseJsonBody(await readBody(req, 1024 * 1024));
    } catch {
      bad(res, 400, 'The request body is not valid JSON.');
      return true;
    }
    const input = isObject(body) ? body : {};

    const route = `${method} ${path}`;
    if (path.startsWith('/_simulator/webhooks/') && handleWebhookAdmin(core, method, path, url, input, res)) return true;
    if (route === 'GET /_simulator') {
      sendJson(res, 200, { name: 'Finch simulator admin API', base_url: core.baseUrl, endpoints: ADMIN_ENDPOINTS });
    } else if (route === 'GET /_simulator/health') {
      sendJson(res, 200, { ok: true, base_url: core.baseUrl, connect_url: core.connectUrl });
    } else if (route === 'GET /_simulator/state') {
      sendJson(res, 200, stateSummary(core));
    } else if (route === 'POST /_simulator/reset') {
      core.reset();
      sendJson(res, 200, { status: 'reset' });
    } else if (route === 'GET /_simulator/faults') {
      sendJson(res, 200, { faults: core.faults.list() });
    } else if (route === 'POST /_simulator/faults') {
      try {
        sendJson(res, 201, core.faults.add(body));
      } catch (error) {
        if (!(error instanceof FaultInputError)) throw error;
        bad(res, 400, error.message);
      }
    } else if (route === 'DELETE /_simulator/faults') {
      core.faults.clear();
      sendJson(res, 200, { faults: [] });
    } else if (method === 'DELETE' && path.startsWith('/_simulator/faults/')) {
      const removed = core.faults.remove(path.slice('/_simulator/faults/'.length));
      if (removed) sendJson(res, 200, { removed: true });
      else bad(res, 404, 'No such fault rule.');
    } else if (route === 'GET /_simulator/clock' || route === 'POST /_simulator/clock') {
      try {
        if (typeof input['set'] === 'string') {
          const at = Date.parse(input['set']);
          if (Number.isNaN(at)) throw new RangeError('"set" must be an ISO date-time');
          core.clock.set(at);
        }
        if (input['advance_ms'] !== undefined) core.clock.advance(Number(input['advance_ms']));
        if (input['speed'] !== undefined) core.clock.setSpeed(Number(input['speed']));
      } catch (error) {
        bad(res, 400, (error as Error).message);
        return true;
      }
      const now = core.clock.now();
      sendJson(res, 200, { now, iso: isoDateTime(now), speed: core.clock.getSpeed() });
    } else if (route === 'GET /_simulator/rate-limits') {
      sendJson(res, 200, { enabled: core.rateLimiter.enabled, limits: FINCH_RATE_LIMITS, window_ms: RATE_WINDOW_MS });
    } else if (route === 'PUT /_simulator/rate-limits') {
      if (typeof input['enabled'] !== 'boolean') {
        bad(res, 400, '"enabled" must be a boolean.');
        return true;
      }
      core.rateLimiter.enabled = input['enabled'];
      sendJson(res, 200, { enabled: core.rateLimiter.enabled, limits: FINCH_RATE_LIMITS, window_ms: RATE_WINDOW_MS });
    } else if (route === 'POST /_simulator/pay-runs') {
      try {
        const run = runPayroll(core, input['connection_id'], input['type'] ?? 'regular_payroll');
        sendJson(res, 201, { payment_id: run.paymentId, pay_date: run.payDate, type: run.type, individual_ids: run.individualIds });
      } catch (error) {
        if (!(error instanceof PayRunError)) throw error;
        bad(res, error.status, error.message);
      }
    } else if (route === 'DELETE /_simulator/rate-limits') {
      core.rateLimiter.clear();
      sendJson(res, 200, { enabled: core.rateLimiter.enabled, cleared: true });
    } else {
      bad(res, 404, `No admin endpoint ${route}. GET /_simulator lists them.`);
    }
    return true;
  };
}
