/**
 * The redirect flow's one decision: is this navigation the employer coming back to our
 * redirect_uri, and with what? Used by Electron's Connect window (navigation events) and the
 * browser harness (its callback route). Same scheme, host, port and path; query ignored.
 */
export type RedirectMatch =
  { kind: 'code'; code: string; state: string | null } | { kind: 'error'; error: string; description: string | null; state: string | null };

function normalizedPath(pathname: string): string {
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
}

export function matchRedirect(redirectUri: string, navigatedTo: string): RedirectMatch | null {
  let expected: URL;
  let actual: URL;
  try {
    expected = new URL(redirectUri);
    actual = new URL(navigatedTo);
  } catch {
    return null;
  }
  if (expected.protocol !== actual.protocol || expected.host !== actual.host) return null;
  if (normalizedPath(expected.pathname) !== normalizedPath(actual.pathname)) return null;
  const params = actual.searchParams;
  const state = params.get('state');
  const error = params.get('error');
  if (error) return { kind: 'error', error, description: params.get('error_description'), state };
  const code = params.get('code');
  if (!code) return { kind: 'error', error: 'missing_code', description: 'Finch sent the employer back without a code.', state };
  return { kind: 'code', code, state };
}

/** The authorize URL to open for a redirect-flow session, carrying our state. */
export function redirectLaunchUrl(connectUrl: string, state: string): string {
  const url = new URL(connectUrl);
  url.searchParams.set('state', state);
  return url.toString();
}
