/**
 * Finch's per-endpoint auth: Bearer for connection data, Basic for application calls, none
 * for /auth/token; the wrong kind, a missing header or a bad credential is a 401 with a
 * Finch error body. Also: malformed JSON bodies, API version, unknown routes.
 */
import Finch from '@tryfinch/finch-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSimulator } from './helpers/test-simulator';
import { CLIENT_ID, CLIENT_SECRET, startTestSimulator } from './helpers/test-simulator';

let t: TestSimulator;
let token: string;

beforeAll(async () => {
  t = await startTestSimulator();
  token = (await t.sandboxConnection({ employee_size: 5 })).access_token;
});

afterAll(async () => {
  await t.close();
  expect(t.recorder.failures).toEqual([]);
});

const finchError = expect.objectContaining({
  code: 401,
  name: expect.any(String),
  finch_code: expect.any(String),
  message: expect.any(String),
});

describe('Bearer endpoints', () => {
  it('answer with a Bearer token', async () => {
    const result = await t.call('GET', '/employer/company', { token });
    expect(result.status).toBe(200);
  });

  it('refuse Basic credentials with 401 naming the Bearer scheme', async () => {
    const result = await t.call('GET', '/employer/company', { basic: [CLIENT_ID, CLIENT_SECRET] });
    expect(result.status).toBe(401);
    expect(result.body).toEqual(finchError);
    expect(result.body).toMatchObject({ name: 'invalid_token_error', finch_code: 'wrong_authorization_scheme' });
    expect(result.body.message).toMatch(/Bearer/);
  });

  it('refuse a missing Authorization header and an unknown token', async () => {
    const missing = await t.call('GET', '/introspect');
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ finch_code: 'missing_access_token' });
    const unknown = await t.call('GET', '/introspect', { token: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toMatchObject({ name: 'invalid_token_error', finch_code: 'invalid_access_token' });
  });

  it('surface as AuthenticationError in the SDK', async () => {
    const sdk = t.sdk({ accessToken: 'not-a-token' });
    await expect(sdk.hris.company.retrieve()).rejects.toBeInstanceOf(Finch.AuthenticationError);
  });
});

describe('Basic endpoints', () => {
  it('refuse a Bearer token with 401 naming the Basic scheme', async () => {
    for (const path of ['/connect/sessions', '/sandbox/connections']) {
      const result = await t.call('POST', path, {
        token,
        body: { provider_id: 'finch', customer_id: 'x', customer_name: 'X', products: ['company'] },
      });
      expect(result.status, path).toBe(401);
      expect(result.body).toMatchObject({ name: 'authentication_error', finch_code: 'wrong_authorization_scheme' });
    }
  });

  it('refuse a missing header and empty credentials', async () => {
    const missing = await t.call('POST', '/sandbox/connections', { body: { provider_id: 'finch' } });
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ finch_code: 'missing_client_credentials' });
    const empty = await t.call('POST', '/sandbox/connections', { basic: ['', ''], body: { provider_id: 'finch' } });
    expect(empty.status).toBe(401);
    expect(empty.body).toMatchObject({ finch_code: 'invalid_client_credentials' });
  });

  it('accept any non-empty pair when not restricted, each client_id its own application', async () => {
    const result = await t.call('POST', '/sandbox/connections', { basic: ['another-app', 'whatever'], body: { provider_id: 'gusto' } });
    expect(result.status).toBe(200);
    const introspect = await t.call('GET', '/introspect', { token: result.body.access_token });
    expect(introspect.body.client_id).toBe('another-app');
  });
});

describe('/auth/token', () => {
  it('takes no Authorization header but checks client_id/client_secret in the body', async () => {
    const result = await t.call('POST', '/auth/token', { body: { client_id: '', client_secret: '', code: 'x' } });
    expect(result.status).toBe(401);
    expect(result.body).toMatchObject({ finch_code: 'invalid_client_credentials' });
  });
});

describe('with --client-id/--client-secret', () => {
  it('only that pair is an application', async () => {
    const restricted = await startTestSimulator({ credentials: { clientId: 'only-app', clientSecret: 'only-secret' } });
    try {
      const wrongSecret = await restricted.call('POST', '/sandbox/connections', {
        basic: ['only-app', 'nope'],
        body: { provider_id: 'finch' },
      });
      expect(wrongSecret.status).toBe(401);
      const other = await restricted.call('POST', '/sandbox/connections', {
        basic: ['other-app', 'only-secret'],
        body: { provider_id: 'finch' },
      });
      expect(other.status).toBe(401);
      const right = await restricted.call('POST', '/sandbox/connections', {
        basic: ['only-app', 'only-secret'],
        body: { provider_id: 'finch' },
      });
      expect(right.status).toBe(200);
      expect(restricted.recorder.failures).toEqual([]);
    } finally {
      await restricted.close();
    }
  });
});

describe('request hygiene', () => {
  it('answers malformed JSON with a Finch-shaped 400', async () => {
    const result = await t.call('POST', '/employer/individual', { token, rawBody: '{"requests": [' });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ code: 400, name: 'invalid_request_error', finch_code: 'invalid_json' });
    expect(result.body.message).toMatch(/not valid JSON/);
    // Where the spec fixes the 400 body (/connect/sessions: finch_code enum + context), it is kept.
    const session = await t.call('POST', '/connect/sessions', { basic: [CLIENT_ID, CLIENT_SECRET], rawBody: '{"customer_id":' });
    expect(session.status).toBe(400);
    expect(session.body).toMatchObject({ finch_code: 'invalid_request', context: {} });
    // …and keeps serving afterwards.
    expect((await t.call('GET', '/employer/company', { token })).status).toBe(200);
  });

  it('answers a body of the wrong shape with 400, not a crash', async () => {
    for (const body of [[], 'text', 42, { requests: 'nope' }, { requests: [{}] }]) {
      const result = await t.call('POST', '/employer/employment', { token, body });
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.body.name).toBe('invalid_request_error');
    }
  });

  it('gives every response a unique Finch-Request-ID', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 15; i++) {
      const result = await t.call('GET', i % 3 === 0 ? '/nope' : '/employer/company', { token: i % 2 ? token : undefined });
      const id = result.headers.get('finch-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      ids.add(id ?? '');
    }
    expect(ids.size).toBe(15);
    expect(new Set(t.recorder.seenRequestIds).size).toBe(t.recorder.seenRequestIds.length);
  });

  it('answers unparseable HTTP with a Finch-shaped 400 and survives it', async () => {
    const { connect } = await import('node:net');
    const url = new URL(t.baseUrl);
    const raw = await new Promise<string>((resolve, reject) => {
      let text = '';
      const socket = connect(Number(url.port), url.hostname, () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({ code: 400, finch_code: 'malformed_http_request' });
    expect((await t.call('GET', '/employer/company', { token })).status).toBe(200);
  });

  it('rejects an unsupported Finch-API-Version and unknown routes', async () => {
    const version = await t.call('GET', '/employer/company', { token, headers: { 'Finch-API-Version': '2019-01-01' } });
    expect(version.status).toBe(400);
    expect(version.body.finch_code).toBe('unsupported_api_version');
    const unknown = await t.call('GET', '/employer/unknown', { token });
    expect(unknown.status).toBe(404);
    const method = await t.call('DELETE', '/employer/company', { token });
    expect(method.status).toBe(405);
  });
});
