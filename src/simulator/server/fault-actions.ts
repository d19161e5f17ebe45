/**
 * Carries out an injected fault on a live request: waits, answers with an error, 202 or 429,
 * writes broken JSON, never answers (timeout) or drops the connection.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultRule } from '../policy/faults';
import { errorBody, errors } from '../http/finch-errors';
import { sendJson } from '../http/io';

const ERROR_NAMES: Record<number, readonly [string, string, string]> = {
  400: ['invalid_request_error', 'invalid_request', 'Injected fault: bad request.'],
  401: ['authentication_error', 'reauthenticate_user', 'Injected fault: reauthentication required.'],
  403: ['error_permissions', 'insufficient_account_permissions', 'Injected fault: insufficient permissions.'],
  404: ['not_found_error', 'not_found', 'Injected fault: not found.'],
  408: ['client_connection_closed', 'client_connection_closed', 'Injected fault: the connection was closed before the request completed.'],
  409: ['conflict_error', 'conflict', 'Injected fault: conflict.'],
  500: ['server_error', 'server_error', 'Injected fault: internal server error.'],
  501: ['not_implemented_error', 'not_implemented', 'Injected fault: not implemented for this provider.'],
  502: ['bad_gateway_error', 'upstream_provider_error', 'Injected fault: the provider returned an error.'],
  503: ['service_unavailable_error', 'service_unavailable', 'Injected fault: service unavailable.'],
  504: ['gateway_timeout_error', 'upstream_timeout', 'Injected fault: the provider timed out.'],
};

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Returns true if the fault answered (or killed) the request; false to continue normally. */
export async function performFault(rule: FaultRule, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  switch (rule.kind) {
    case 'latency':
      await delay(rule.latencyMs);
      return false;
    case 'drop':
      req.socket.destroy();
      return true;
    case 'timeout': {
      // Hold the request open, then hang up without a response.
      const timer = setTimeout(() => req.socket.destroy(), rule.latencyMs);
      req.socket.once('close', () => clearTimeout(timer));
      return true;
    }
    case 'malformed_json': {
      const broken = '{"responses": [{"individual_id": "';
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(broken.length) });
      res.end(broken);
      return true;
    }
    case 'accepted':
      sendJson(res, 202, {
        code: 202,
        name: 'sync_in_progress',
        finch_code: rule.finchCode ?? 'data_sync_in_progress',
        message: 'Injected fault: the data is being synced. Please check back later.',
      });
      return true;
    case 'rate_limit': {
      const code = rule.finchCode ?? 'finch_application_rl';
      sendJson(res, 429, errorBody(429, 'rate_limit_exceeded_error', code, `Injected fault: rate limit exceeded (${code}).`), {
        'Retry-After': String(rule.retryAfterSeconds),
      });
      return true;
    }
    case 'reauth':
      sendJson(res, 401, errors.reauthenticate().toBody());
      return true;
    case 'error': {
      const [name, code, message] = ERROR_NAMES[rule.status] ?? ['server_error', 'server_error', `Injected fault: HTTP ${rule.status}.`];
      sendJson(res, rule.status, errorBody(rule.status, name, rule.finchCode ?? code, message));
      return true;
    }
    // Deduction faults never reach here (FaultInjector.take skips them); the job routes apply them.
    case 'enrollment_partial_failure':
    case 'manual_job_pending':
    case 'benefit_type_unsupported':
      return false;
  }
}
