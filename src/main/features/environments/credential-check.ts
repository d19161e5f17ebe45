/**
 * "Check credentials" with the least side effect Finch offers: exchange a code that cannot
 * exist. Finch answers 401 when the client_id/secret are wrong and 400 invalid_grant when they
 * are right (it then refuses the code); either way nothing is created.
 */
import type { CredentialCheck } from '@shared/contract/environments';
import { WorkbenchError } from '@main/platform/errors';
import type { FinchGateway, GatewayTarget } from '@main/platform/finch/gateway';

const PROBE_CODE = 'finch-workbench-credential-check';

export async function checkCredentials(gateway: FinchGateway, target: GatewayTarget): Promise<CredentialCheck> {
  try {
    const result = await gateway.call(target, (client) => client.accessTokens.create({ code: PROBE_CODE }));
    return {
      ok: false,
      status: result.status,
      requestId: result.requestId,
      message: 'Finch accepted a code that should not exist. Is this API really Finch?',
    };
  } catch (error) {
    if (!(error instanceof WorkbenchError)) throw error;
    const requestId = error.details.requestId ?? null;
    const said = error.message;
    if (error.details.finchCode === 'invalid_grant' || error.details.finchCode === 'invalid_grant_error' || /\b400\b/.test(said)) {
      return {
        ok: true,
        status: 400,
        requestId,
        message:
          'Credentials accepted. (The check exchanged a deliberately invalid code, which Finch refused as expected; nothing was created.)',
      };
    }
    if (/\b401\b/.test(said)) return { ok: false, status: 401, requestId, message: `Finch rejected this client_id/client_secret. ${said}` };
    if (error.kind === 'network') return { ok: false, status: null, requestId, message: `Could not reach the API: ${said}` };
    return { ok: false, status: null, requestId, message: said };
  }
}
