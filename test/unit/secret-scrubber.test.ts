/**
 * What the app stores itself — request-log messages and paths, event details — loses the
 * vault's secrets before it reaches SQLite: a provider (or proxy) that echoes the bearer token
 * in an error message, or a network error quoting it, must not leave it on disk in plaintext.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '@main/core';
import { SCRUBBED, SecretScrubber } from '@main/platform/secrets/secret-scrubber';
import { secretRefs } from '@main/platform/secrets/secret-vault';
import { scanFolder } from '../support/secret-scan';
import { startTestCore } from '../support/test-core';

let core: WorkbenchCore;
/** What the fake network does to GET /employer/company: pass, echo the token in a 400, or fail quoting it. */
let mode: 'pass' | 'echo' | 'network' = 'pass';

const bearer = (init?: RequestInit) => new Headers(init?.headers).get('authorization')?.replace(/^Bearer /, '') ?? '';

beforeAll(async () => {
  core = await startTestCore('scrubber', {
    fetch: async (input, init) => {
      const url = new URL(String(input instanceof Request ? input.url : input));
      if (url.pathname === '/employer/company' && mode === 'echo') {
        return new Response(
          JSON.stringify({ code: 400, name: 'bad_request', message: `Token ${bearer(init)} is not valid for this provider` }),
          {
            status: 400,
            headers: { 'content-type': 'application/json', 'finch-request-id': 'req-echo-1' },
          },
        );
      }
      if (url.pathname === '/employer/company' && mode === 'network')
        throw new TypeError(`socket hang up while sending Authorization: Bearer ${bearer(init)}`);
      return fetch(input, init);
    },
  });
});
afterAll(() => core.close());

describe('secrets in what the app stores', () => {
  it('a token echoed by Finch or quoted by a network error is stored as a placeholder; the data folder holds no plaintext token', async () => {
    const c = await core.connections.createSandbox('local', { providerId: 'gusto', customerName: 'Scrub Co' });
    const token = core.vault.reveal(secretRefs.accessToken('local', c.id));
    mode = 'echo';
    await core.lifecycle.read('local', c.id, (client) => client.hris.company.retrieve()).catch(() => null);
    mode = 'network';
    await core.lifecycle.read('local', c.id, (client) => client.hris.company.retrieve({}, { maxRetries: 0 })).catch(() => null);
    mode = 'pass';
    core.connections.recordEvent('local', c.id, null, 'connect_error', { message: `employer login failed, token=${token}` }, []);

    const echoed = core.requestLog.search({ environmentId: 'local', text: 'req-echo-1', limit: 5 })[0]!;
    expect(echoed.message).toBe(`Token ${SCRUBBED} is not valid for this provider`);
    const network = core.requestLog.search({ environmentId: 'local', limit: 50 }).find((e) => e.outcome === 'network')!;
    expect(network.message).toContain(`Bearer ${SCRUBBED}`);
    // What the user sees stays useful: the explanation and the request id are still there.
    expect(core.diagnostics.explainRequest('local', echoed.id)?.requestIds).toEqual(['req-echo-1']);

    core.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(scanFolder(core.app.dataFolder, [token])).toEqual([]);
  });

  it('follows the vault: a secret stored after the first scrub is removed too, URL-encoded as well', () => {
    const vault = {
      version: 0,
      secrets: ['sk_first_secret_value'],
      allSecretsForRedaction() {
        return this.secrets;
      },
    };
    const scrubber = new SecretScrubber(vault);
    expect(scrubber.scrub('x sk_first_secret_value y')).toBe(`x ${SCRUBBED} y`);
    expect(scrubber.scrub('tok/en+with=chars later')).toBe('tok/en+with=chars later');
    vault.secrets.push('tok/en+with=chars');
    vault.version++;
    expect(scrubber.scrub('tok/en+with=chars and ?t=tok%2Fen%2Bwith%3Dchars')).toBe(`${SCRUBBED} and ?t=${SCRUBBED}`);
    expect(scrubber.scrub(null)).toBeNull();
    expect(scrubber.scrub('nothing to see')).toBe('nothing to see');
  });
});
