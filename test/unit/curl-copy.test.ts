/** Copy as cURL: runnable, credentials only as environment variables, and unchanged by the export gate. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '@main/core';
import { curlFor } from '@shared/domain/request-log';
import { startTestCore } from '../support/test-core';

let core: WorkbenchCore;
beforeAll(async () => {
  core = await startTestCore('curl');
});
afterAll(() => core.close());

describe('copy as cURL', () => {
  it('re-runs a logged read with the token from $FINCH_ACCESS_TOKEN, and passes the export gate untouched', async () => {
    const c = await core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 3 });
    await core.lifecycle.read('local', c.id, (client) => client.hris.directory.list({ limit: 2 }));
    const entry = core.requestLog.search({ environmentId: 'local', limit: 5 }).find((e) => e.path.startsWith('/employer/directory'))!;
    const curl = curlFor(entry);
    expect(curl).toContain(`curl -X GET "\${FINCH_BASE_URL:-https://api.tryfinch.com}"'/employer/directory?limit=2'`);
    expect(curl).toContain('-H "Authorization: Bearer $FINCH_ACCESS_TOKEN"');
    expect(curl).toContain(`Finch-Request-ID of the logged attempt: ${entry.requestId}`);
    const prepared = core.exportGate.prepare({ target: 'clipboard', source: { kind: 'command', text: curl }, raw: false } as never);
    expect(prepared.content).toBe(curl);
  });

  it('uses the application credentials for Basic-auth paths and asks for the unlogged body of a write', () => {
    const curl = curlFor({
      id: 1,
      callId: 'c',
      time: 0,
      environmentId: 'local',
      connectionId: null,
      method: 'POST',
      path: '/connect/sessions',
      product: null,
      status: 400,
      durationMs: 1,
      attempt: 1,
      requestId: 'r-1',
      outcome: 'client_error',
      errorName: null,
      finchCode: null,
      message: null,
      retryAfterMs: null,
      dataRetrieved: null,
      lastUpdateDate: null,
      lastUpdateResult: null,
      source: 'workbench',
      clientId: null,
      connectionKey: null,
      fromBrowser: false,
      injectedBy: null,
    });
    expect(curl).toContain('-u "$FINCH_CLIENT_ID:$FINCH_CLIENT_SECRET"');
    expect(curl).toContain('--data @body.json');
    expect(curl).not.toContain('Bearer');
  });
});
