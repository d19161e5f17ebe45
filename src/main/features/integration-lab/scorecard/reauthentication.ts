/**
 * "Ensure there are user flows built to support reauthentication_errors": after a 401
 * `reauthenticate_user` on a connection, the app stops calling that connection's data (the
 * answers cannot change until the customer reconnects) and creates a reauthentication Connect
 * session (POST /connect/sessions/reauthenticate) to send its customer through Connect again.
 */
import type { ObservedCall, ScorecardLine } from '@shared/domain/integration-lab';
import type { Evidence, LineHead } from './calls';
import { answeredAt, evidence, isDataCall, isSuccess, line, ms, plural } from './calls';
import { FOLLOW_UP_GRACE_MS, REAUTH_GRACE_CALLS } from './thresholds';

export const REAUTHENTICATION: LineHead = {
  id: 'reauthentication-flow',
  checklist:
    'Ensure there are user flows built to support reauthentication_errors, i.e. when your customer needs to go through Finch Connect again to reconnect their provider.',
  title: 'After reauthenticate_user: data calls on that connection stop and a reauthentication session is created',
};

export const REAUTH_SESSION_PATH = '/connect/sessions/reauthenticate';

const isReauthAnswer = (c: ObservedCall) => c.status === 401 && c.finchCode === 'reauthenticate_user' && c.connectionKey !== null;

export function reauthenticationLine(calls: readonly ObservedCall[], now: number): ScorecardLine {
  const limits =
    "The reauthentication session's connection_id is in its body, which the proxy does not keep, so any session the application created after the 401 counts. " +
    'Traffic cannot show that the customer was told, or that the Connect link reached them.';
  // The first reauthenticate_user per connection starts the clock; later ones are the app calling again.
  const firsts = new Map<string, ObservedCall>();
  for (const c of calls) if (isReauthAnswer(c) && !firsts.has(c.connectionKey!)) firsts.set(c.connectionKey!, c);
  if (firsts.size === 0) return line(REAUTHENTICATION, 'not_observed', 'No 401 reauthenticate_user answers seen.', [], limits);

  const failures: Evidence[] = [];
  const passes: Evidence[] = [];
  let pending = 0;
  for (const [connectionKey, reauth] of firsts) {
    const answered = answeredAt(reauth);
    const sessions = calls.filter(
      (c) =>
        c.method === 'POST' &&
        c.path === REAUTH_SESSION_PATH &&
        c.at >= reauth.at &&
        (c.clientId === null || reauth.clientId === null || c.clientId === reauth.clientId),
    );
    const created = sessions.find(isSuccess) ?? null;
    // Once the customer reconnected (a new code exchanged after the session), calls may resume.
    const reconnected = created ? calls.find((c) => c.path === '/auth/token' && isSuccess(c) && c.at >= answeredAt(created)) : undefined;
    const until = reconnected ? reconnected.at : Number.POSITIVE_INFINITY;
    const after = calls.filter(
      (c) => c !== reauth && c.connectionKey === connectionKey && isDataCall(c) && c.at >= answered && c.at < until,
    );

    const problems: string[] = [];
    if (after.length > REAUTH_GRACE_CALLS) problems.push(`${plural(after.length, 'data call')} on the connection after it`);
    if (created === null) {
      if (sessions.length > 0)
        problems.push(`reauthentication session attempted but Finch answered ${sessions.map((s) => s.status ?? 'nothing').join(', ')}`);
      else if (now - answered > FOLLOW_UP_GRACE_MS) problems.push(`no reauthentication session created in the ${ms(now - answered)} since`);
      else if (problems.length === 0) {
        pending++;
        continue;
      }
    }
    const head = `reauthenticate_user on connection ${connectionKey}`;
    if (problems.length > 0) failures.push(evidence(`${head}: ${problems.join('; ')}`, [reauth, ...sessions, ...after]));
    else
      passes.push(
        evidence(
          `${head}: ${after.length === 0 ? 'no data calls after it' : `only ${plural(after.length, 'call')} already under way`}; session created ${ms(created!.at - answered)} later`,
          [reauth, created!],
        ),
      );
  }
  const tally = `${plural(firsts.size, 'connection')} told to reauthenticate`;
  if (failures.length > 0) return line(REAUTHENTICATION, 'fail', `${failures.length} of ${tally} not handled.`, failures, limits);
  if (passes.length === 0)
    return line(
      REAUTHENTICATION,
      'not_observed',
      `${tally} moments ago; no reauthentication session yet (waiting ${ms(FOLLOW_UP_GRACE_MS)}).`,
      [],
      limits,
    );
  const waiting = pending > 0 ? ` (${pending} still within the ${ms(FOLLOW_UP_GRACE_MS)} to follow up)` : '';
  return line(REAUTHENTICATION, 'pass', `${tally}: the app stopped and created a reauthentication session${waiting}.`, passes, limits);
}
