/**
 * Scorecard rules about connections and credentials: reauthentication, the code exchange,
 * credentials from a browser, /introspect after new tokens, all-null answers, Finch-Request-ID.
 * Each rule gets a trace that passes and one that fails.
 */
import { describe, expect, it } from 'vitest';
import { call, lineOf, linkedLogIds, series } from './observed-calls';

const reauthAnswer = (at = 0, durationMs = 20) =>
  call({ at, durationMs, path: '/employer/directory', status: 401, finchCode: 'reauthenticate_user' });
const reauthSession = (at: number, status = 200) =>
  call({ at, method: 'POST', path: '/connect/sessions/reauthenticate', status, connectionKey: null, clientId: 'app-1' });

describe('reauthentication-flow', () => {
  it('passes stopping the connection and creating a reauthentication session', () => {
    const l = lineOf([reauthAnswer(), reauthSession(300), call({ at: 500, connectionKey: 'conn-b' })], 'reauthentication-flow');
    expect(l.status).toBe('pass');
    expect(l.evidence[0]!.text).toMatch(/no data calls after it; session created/);
  });

  it('fails calling the connection on and on, with no session, linking the calls after it', () => {
    const first = reauthAnswer();
    const after = series(5, 100, { path: '/employer/individual', method: 'POST', status: 401, finchCode: 'reauthenticate_user' }, 200);
    const l = lineOf([first, ...after], 'reauthentication-flow');
    expect(l.status).toBe('fail');
    expect(l.evidence[0]!.text).toMatch(/5 data calls on the connection after it; no reauthentication session created/);
    expect(linkedLogIds(l)).toEqual([first, ...after].map((c) => c.logId));
  });

  it('does not count the 401 itself among the calls after it when it was answered at once', () => {
    const calls = [reauthAnswer(0, 0), ...series(2, 0, {}, 0), reauthSession(100)];
    const l = lineOf(calls, 'reauthentication-flow');
    expect(l.status).toBe('pass');
    expect(l.evidence[0]!.text).toMatch(/only 2 calls already under way/);
  });

  it('fails a session created while data calls go on', () => {
    expect(lineOf([reauthAnswer(), reauthSession(100), ...series(4, 100, {}, 200)], 'reauthentication-flow').status).toBe('fail');
  });

  it('forgives calls already under way, and calls after the customer reconnected', () => {
    const calls = [
      reauthAnswer(),
      call({ at: 30 }),
      reauthSession(100),
      call({ at: 5_000, method: 'POST', path: '/auth/token', connectionKey: null, sentClientSecret: true, codeKey: 'code-2' }),
      ...series(5, 100, {}, 6_000),
    ];
    expect(lineOf(calls, 'reauthentication-flow').status).toBe('pass');
  });

  it('waits a little for the session before failing, then fails without one', () => {
    expect(lineOf([reauthAnswer()], 'reauthentication-flow', 5_000).status).toBe('not_observed');
    expect(lineOf([reauthAnswer()], 'reauthentication-flow', 120_000).summary).toMatch(/not handled/);
  });

  it('does not count a session Finch refused as created', () => {
    expect(lineOf([reauthAnswer(), reauthSession(100, 400)], 'reauthentication-flow').evidence[0]!.text).toMatch(
      /attempted but Finch answered 400/,
    );
  });
});

const exchange = (overrides: Parameters<typeof call>[0] = {}) =>
  call({
    method: 'POST',
    path: '/auth/token',
    connectionKey: null,
    clientId: 'app-1',
    sentClientSecret: true,
    codeKey: 'code-1',
    issuedTokenKey: 'tok-1',
    ...overrides,
  });

describe('code-exchange-server-side', () => {
  it('passes one server-side exchange per code, with the secret', () => {
    expect(
      lineOf([exchange(), exchange({ at: 100, codeKey: 'code-2', issuedTokenKey: 'tok-2' })], 'code-exchange-server-side').status,
    ).toBe('pass');
  });

  it('fails an exchange from a browser', () => {
    const preflight = call({ method: 'OPTIONS', path: '/auth/token', connectionKey: null, fromBrowser: true });
    const l = lineOf([preflight, exchange({ at: 10, fromBrowser: true })], 'code-exchange-server-side');
    expect(l.status).toBe('fail');
    expect(l.evidence[0]!.text).toMatch(/2 exchanges sent by a browser/);
  });

  it('fails an exchange without the client secret', () => {
    expect(lineOf([exchange({ sentClientSecret: false, status: 401, issuedTokenKey: null })], 'code-exchange-server-side').status).toBe(
      'fail',
    );
  });

  it('fails a code exchanged twice, but not a retry after no answer', () => {
    const twice = [exchange(), exchange({ at: 500, status: 400, finchCode: 'invalid_grant_error', issuedTokenKey: null })];
    expect(lineOf(twice, 'code-exchange-server-side').evidence[0]!.text).toMatch(
      /code code-1 exchanged again after POST \/auth\/token → 200/,
    );
    const retried = [exchange({ status: null, issuedTokenKey: null }), exchange({ at: 2_000 })];
    expect(lineOf(retried, 'code-exchange-server-side').status).toBe('pass');
  });
});

describe('credentials-server-side', () => {
  it('passes tokens and client credentials sent only from a server', () => {
    expect(lineOf([exchange(), call({ at: 100, connectionKey: 'tok-1' })], 'credentials-server-side').status).toBe('pass');
  });

  it('fails a data call from a browser page carrying the access token', () => {
    const leak = call({ fromBrowser: true });
    const l = lineOf([exchange(), leak], 'credentials-server-side');
    expect(l.status).toBe('fail');
    expect(linkedLogIds(l)).toEqual([leak.logId]);
  });
});

describe('introspect-new-tokens', () => {
  it('passes /introspect with each new token', () => {
    const calls = [exchange(), call({ at: 100, path: '/introspect', connectionKey: 'tok-1' })];
    expect(lineOf(calls, 'introspect-new-tokens').status).toBe('pass');
  });

  it('fails a token never introspected (an introspect with another token does not count)', () => {
    const token = exchange();
    const l = lineOf([token, call({ at: 100, path: '/introspect', connectionKey: 'tok-other' })], 'introspect-new-tokens');
    expect(l.status).toBe('fail');
    expect(linkedLogIds(l)).toEqual([token.logId]);
  });

  it('gives a just-issued token time before failing', () => {
    expect(lineOf([exchange()], 'introspect-new-tokens', 1_000).status).toBe('not_observed');
  });
});

describe('nullable-fields', () => {
  const rules = [{ id: 'nulls-on-company', inject: 'all_null' as const }];
  const nulled = (at = 0) => call({ at, injectedBy: 'nulls-on-company' });

  it('passes carrying on to the next endpoint after an all-null answer', () => {
    const l = lineOf([nulled(), call({ at: 100, path: '/employer/directory' })], 'nullable-fields', 3_600_000, { rules });
    expect(l.status).toBe('pass');
  });

  it('fails stopping that connection while the app goes on with another', () => {
    const answer = nulled();
    const elsewhere = call({ at: 100, connectionKey: 'conn-b' });
    const l = lineOf([answer, elsewhere], 'nullable-fields', 3_600_000, { rules });
    expect(l.status).toBe('fail');
    expect(linkedLogIds(l)).toEqual([answer.logId, elsewhere.logId]);
  });

  it('does not count asking the same endpoint again (treating nulls as a failure) as carrying on', () => {
    const calls = [nulled(), call({ at: 100 }), call({ at: 200, connectionKey: 'conn-b' })];
    expect(lineOf(calls, 'nullable-fields', 3_600_000, { rules }).status).toBe('fail');
  });

  it('fails going quiet for longer than the follow-up grace, and not before', () => {
    expect(lineOf([nulled()], 'nullable-fields', 120_000, { rules }).status).toBe('fail');
    expect(lineOf([nulled()], 'nullable-fields', 1_000, { rules }).status).toBe('not_observed');
  });

  it('knows an all-null answer only from the rule that made it (or a rule named after the kind)', () => {
    expect(lineOf([nulled()], 'nullable-fields').status).toBe('not_observed');
    expect(lineOf([call({ injectedBy: 'all_null' })], 'nullable-fields').status).toBe('fail');
    const latency = [{ id: 'nulls-on-company', inject: 'latency' as const }];
    expect(lineOf([nulled()], 'nullable-fields', 3_600_000, { rules: latency }).status).toBe('not_observed');
  });
});

describe('finch-request-id', () => {
  it('stays a question for a person, linking the failed calls to quote to support', () => {
    const failed = call({ status: 500, at: 10 });
    const l = lineOf([call(), failed, call({ at: 20, requestId: null })], 'finch-request-id');
    expect(l.status).toBe('manual');
    expect(l.summary).toMatch(/2 of 3 answers carried a Finch-Request-ID/);
    expect(l.evidence[0]!.requestIds).toEqual([failed.requestId]);
  });
});
