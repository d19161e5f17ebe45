/** The lab session survives a restart: its calls are rebuilt from the request log (lab_calls). */
import Finch from '@tryfinch/finch-api';
import { describe, expect, it } from 'vitest';
import { secretRefs } from '@main/platform/secrets/secret-vault';
import { startTestCore } from '../support/test-core';

describe('lab session after a restart', () => {
  it('comes back with the same calls, fingerprints and session', async () => {
    const first = await startTestCore('proxy-restore');
    const status = await first.integrationLab.start({ upstream: 'local' });
    const connection = await first.connections.createSandbox('local', { providerId: 'finch', employeeSize: 3 });
    const token = first.vault.reveal(secretRefs.accessToken('local', connection.id));
    const app = new Finch({ accessToken: token, baseURL: status.url!, maxRetries: 0, logLevel: 'off' });
    await app.hris.company.retrieve();
    await app.hris.directory.list();
    const before = first.integrationLab.calls({});
    const session = first.integrationLab.status().session;
    await first.close();

    const second = await startTestCore('proxy-restore', { app: first.app });
    try {
      expect(second.integrationLab.calls({})).toEqual(before);
      expect(second.integrationLab.status()).toMatchObject({ session, callsSeen: 2, running: false });
      second.integrationLab.reset();
      expect(second.integrationLab.calls({})).toEqual([]);
      expect(second.integrationLab.status().session).not.toBe(session);
    } finally {
      await second.close();
    }
  });
});
