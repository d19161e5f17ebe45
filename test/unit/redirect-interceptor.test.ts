import { describe, expect, it } from 'vitest';
import { matchRedirect, redirectLaunchUrl } from '@main/features/connect/redirect-interceptor';

const REDIRECT = 'https://app.example.com/finch/callback';

describe('redirect interception', () => {
  it('takes code and state from a navigation to the redirect URI', () => {
    expect(matchRedirect(REDIRECT, `${REDIRECT}?code=abc-123&state=s1`)).toEqual({ kind: 'code', code: 'abc-123', state: 's1' });
    expect(matchRedirect(REDIRECT, `${REDIRECT}/?code=abc&extra=1`)).toEqual({ kind: 'code', code: 'abc', state: null });
  });

  it('lets every other navigation through (Connect’s own pages, OAuth providers)', () => {
    expect(matchRedirect(REDIRECT, 'https://connect.tryfinch.com/authorize?session=x')).toBeNull();
    expect(matchRedirect(REDIRECT, 'https://app.example.com/finch/callbacks?code=x')).toBeNull();
    expect(matchRedirect(REDIRECT, 'http://app.example.com/finch/callback?code=x')).toBeNull();
    expect(matchRedirect(REDIRECT, 'https://app.example.com:8443/finch/callback?code=x')).toBeNull();
    expect(matchRedirect(REDIRECT, 'https://evil.example/finch/callback?code=x')).toBeNull();
    expect(matchRedirect(REDIRECT, 'not a url')).toBeNull();
  });

  it('reports an error redirect, and a redirect without a code, as errors', () => {
    expect(matchRedirect(REDIRECT, `${REDIRECT}?error=access_denied&error_description=User+cancelled&state=s2`)).toEqual({
      kind: 'error',
      error: 'access_denied',
      description: 'User cancelled',
      state: 's2',
    });
    expect(matchRedirect(REDIRECT, `${REDIRECT}?state=s3`)).toMatchObject({ kind: 'error', error: 'missing_code', state: 's3' });
  });

  it('adds our state to the session’s Connect URL', () => {
    const url = new URL(redirectLaunchUrl('https://connect.tryfinch.com/authorize?session=abc', 'st-1'));
    expect(url.searchParams.get('session')).toBe('abc');
    expect(url.searchParams.get('state')).toBe('st-1');
  });
});
