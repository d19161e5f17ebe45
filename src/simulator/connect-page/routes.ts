/**
 * HTTP side of the simulated Finch Connect: GET /authorize (the page), its script, stylesheet
 * and provider logos under /connect/assets/, and the small JSON API the page calls under
 * /connect/api/. The page works under a strict CSP (no inline script or style) and may be
 * framed by any origin, as Finch Connect is (react-connect embeds it in an iframe).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { findProvider } from '../data/providers';
import { isoDateTime } from '../data/dates';
import { parseJsonBody, readBody, sendJson, sendText } from '../http/io';
import type { SimulatorCore } from '../simulator-core';
import { authorizeSession, describeSession, findOpenSession } from './flow';
import { CONNECT_CSS } from './page-style';
import { CONNECT_SCRIPT } from './page-script';
import { connectPageHtml } from './page-html';
import { providerLogoSvg } from './logos';

export const CONNECT_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const ASSET_HEADERS = { 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function createConnectPageHandler(core: SimulatorCore) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname;

    if (path === '/authorize' && method === 'GET') {
      sendText(res, 200, 'text/html; charset=utf-8', connectPageHtml(), { 'Content-Security-Policy': CONNECT_PAGE_CSP, ...ASSET_HEADERS });
      return true;
    }
    if (path === '/connect/assets/connect.js' && method === 'GET') {
      sendText(res, 200, 'text/javascript; charset=utf-8', CONNECT_SCRIPT, ASSET_HEADERS);
      return true;
    }
    if (path === '/connect/assets/connect.css' && method === 'GET') {
      sendText(res, 200, 'text/css; charset=utf-8', CONNECT_CSS, ASSET_HEADERS);
      return true;
    }
    const logo = /^\/connect\/assets\/logos\/([a-z0-9_]+)\.svg$/.exec(path);
    if (logo && method === 'GET') {
      const provider = findProvider(logo[1] ?? '');
      if (!provider) return false;
      sendText(res, 200, 'image/svg+xml', providerLogoSvg(provider), ASSET_HEADERS);
      return true;
    }

    const api = /^\/connect\/api\/sessions\/([^/]+)(\/authorize)?$/.exec(path);
    if (!api) return false;
    // The page calls these same-origin; a browser on another site sends a foreign Origin.
    const origin = req.headers.origin;
    if (origin !== undefined && !core.isOwnOrigin(origin)) {
      sendJson(res, 403, {
        error: { message: 'Cross-origin calls to the Connect page API are refused.', type: 'validation_error', shouldClose: true },
      });
      return true;
    }
    const session = findOpenSession(core, decodeURIComponent(api[1] ?? ''));
    if ('error' in session) {
      sendJson(res, session.status, { error: session.error });
      return true;
    }
    if (!api[2] && method === 'GET') {
      sendJson(res, 200, { ...describeSession(core, session), expires_at: isoDateTime(session.expiresAt) });
      return true;
    }
    if (api[2] && method === 'POST') {
      let body: unknown;
      try {
        body = parseJsonBody(await readBody(req, 64 * 1024));
      } catch {
        sendJson(res, 400, { error: { message: 'The request body is not valid JSON.', type: 'validation_error', shouldClose: false } });
        return true;
      }
      const input = isObject(body) ? body : {};
      const outcome = authorizeSession(core, session, {
        providerId: input['provider_id'],
        authMethod: input['auth_method'],
        username: input['username'],
        password: input['password'],
        apiToken: input['api_token'],
        mfaCode: input['mfa_code'],
        state: input['state'],
        embedded: typeof input['sdk_host_url'] === 'string' && input['sdk_host_url'] !== '',
      });
      if ('error' in outcome) sendJson(res, outcome.status, { error: outcome.error });
      else sendJson(res, 200, outcome.body);
      return true;
    }
    sendJson(res, 405, { error: { message: `${method} is not supported here.`, type: 'validation_error', shouldClose: false } });
    return true;
  };
}
