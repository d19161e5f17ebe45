/**
 * Explanations of what happens inside Finch Connect, before any code exists: the frame's
 * `error` and `closed` messages (react-connect's onError / onClose) and errors sent back to a
 * redirect URI. Per FINCH.md, Connect's error types are `employer_connection_error` (the
 * provider side) and `validation_error` (the session), and an error may keep the frame open
 * (`shouldClose: false`) so the employer can try again. Every Connect outcome ends on a rule
 * here: the last one catches any error Connect reports, typed or not.
 */
import type { Observed, Rule } from './explainer';

/** The `path` a Connect-side outcome is recorded under (there is no HTTP path to name). */
export const CONNECT_PATH = 'Finch Connect';

const inConnect = (o: Observed) => o.path === CONNECT_PATH;
const type = (o: Observed) => (o.finchCode ?? o.errorName ?? '').toLowerCase();
const said = (o: Observed) => `${o.message ?? ''}`.toLowerCase();
const quote = (o: Observed) => (o.message ? ` Connect said: “${o.message}”` : '');

export const CONNECT_RULES: Rule[] = [
  {
    id: 'connect-closed',
    matches: (o) => inConnect(o) && o.outcome === 'connect_closed',
    explain: () => ({
      title: 'The employer closed Connect',
      meaning:
        'Connect was closed before the employer finished (react-connect’s onClose): no code was issued, nothing was exchanged, and Finch reported no error.',
      nextStep:
        'Nothing to fix on your side. Start a new Connect session when the employer is ready; if they closed it because something looked wrong, ask them what they saw.',
    }),
  },
  {
    id: 'connect-session-expired',
    matches: (o) => inConnect(o) && /expired/.test(said(o)),
    explain: () => ({
      title: 'The Connect session expired',
      meaning: 'Connect sessions are valid for a limited time (minutes_to_expire); this one ran out before the employer finished.',
      nextStep: 'Create a new session when the employer is ready, or give the session a longer minutes_to_expire.',
    }),
  },
  {
    // The simulator, like Finch, refuses the sixth Provider Sandbox connection inside Connect.
    id: 'connect-provider-sandbox-limit',
    matches: (o) => inConnect(o) && /at most \d+ active/.test(said(o)),
    explain: () => ({
      title: 'Provider Sandbox connection limit reached',
      meaning: 'Finch allows at most 5 active Provider Sandbox connections per application; Connect refused a sixth.',
      nextStep: 'Disconnect a Provider Sandbox connection you no longer need (Connections), or test this flow in the Finch Sandbox.',
    }),
  },
  {
    id: 'connect-provider-error',
    matches: (o) => inConnect(o) && type(o).includes('employer_connection_error'),
    explain: (o) => ({
      title: 'The payroll provider failed during Connect',
      meaning: `Connect reached the payroll provider while signing the employer in, and the provider answered with an error (an outage, a provider-side login problem, or an account without admin access). No code was issued, so nothing was exchanged; Connect usually keeps its frame open (shouldClose: false) so the employer can retry.${quote(o)}`,
      nextStep:
        'Let the employer try again in the same Connect window. If it keeps failing, check the provider’s and Finch’s status pages and try later; if one provider fails for many employers, contact Finch support with the session’s Finch-Request-ID.',
    }),
  },
  {
    id: 'connect-session-refused',
    matches: (o) => inConnect(o) && type(o).includes('validation_error'),
    explain: (o) => ({
      title: 'Connect refused this session',
      meaning: `The session cannot be used: it does not exist, was already used to connect, or the page that opened Connect passed a bad parameter (such as sdk_host_url).${quote(o)}`,
      nextStep: 'Create a new Connect session (POST /connect/sessions) for each attempt and open it once; sessions are single-use.',
    }),
  },
  {
    id: 'connect-error',
    matches: (o) => inConnect(o),
    explain: (o) => ({
      title: 'Connect reported an error',
      meaning: `Connect showed the employer an error${type(o) ? ` (${type(o)})` : ' without an error type'} and told the app; no code was issued, so nothing was exchanged.${quote(o)}`,
      nextStep:
        'Read Connect’s message above, let the employer try again or start a new session; if it repeats, quote the session’s Finch-Request-ID to Finch support.',
    }),
  },
];

/** How a trace names an error Connect reported, by its type (“a provider error (employer_connection_error)”). */
export function describeConnectError(errorType: string | null | undefined): string {
  if (!errorType) return 'an error (no error type given)';
  if (errorType.includes('employer_connection_error')) return `a provider error (${errorType})`;
  if (errorType.includes('validation_error')) return `a session error (${errorType})`;
  return `an error (${errorType})`;
}
