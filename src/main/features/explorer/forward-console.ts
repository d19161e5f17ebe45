/**
 * The raw request console over POST /forward. Finch forwards a request to the provider's own
 * API, so it only makes sense where Finch reaches the provider through an API: connections
 * authenticated by OAuth or an API token. Assisted connections have no API behind them (Finch's
 * team reads the data by hand) and are refused without a call; credential connections may or
 * may not, and the provider's answer says.
 *
 * In Production the forwarded request reaches the employer's real payroll system, so the
 * console refuses to send until the user has confirmed exactly that.
 */
import type { ForwardInput, ForwardResult, ForwardSupport } from '@shared/domain/explorer';
import { WorkbenchError } from '@main/platform/errors';
import type { ReadContext } from '@main/platform/reads/finch-read';
import { readEndpoint } from '@main/platform/reads/finch-read';

const API_METHODS = new Set(['oauth', 'api_token', 'api_credential']);

export async function forwardSupport(ctx: ReadContext, environmentKind: string): Promise<ForwardSupport> {
  const introspection = await readEndpoint(ctx, (client) => client.account.introspect());
  const info = (introspection.data ?? {}) as { provider_id?: string; manual?: boolean; authentication_methods?: { type?: string }[] };
  const types = [...new Set((info.authentication_methods ?? []).map((m) => m.type).filter((t): t is string => typeof t === 'string'))];
  const base = {
    providerId: info.provider_id ?? null,
    authenticationTypes: types,
    environmentKind,
    production: environmentKind === 'production',
    requestIds: introspection.requestIds,
  };
  const provider = info.provider_id ?? 'this provider';
  if (types.some((t) => API_METHODS.has(t))) {
    return {
      ...base,
      verdict: 'supported',
      reason: `${provider} is connected through its API (${types.join(', ')}): Finch can forward raw requests to it.`,
    };
  }
  if (info.manual === true || (types.length > 0 && types.every((t) => t === 'assisted'))) {
    return {
      ...base,
      verdict: 'unsupported',
      reason: `This is an assisted connection to ${provider}: Finch's team reads its data by hand, so there is no provider API to forward a request to. Use the standard endpoints.`,
    };
  }
  return {
    ...base,
    verdict: 'unknown',
    reason: `${provider} is connected with ${types.join(', ') || 'an unknown method'}: request forwarding works only where the provider exposes an API behind that login. Send a request to find out; the answer is shown as the provider gave it.`,
  };
}

export async function forward(
  ctx: ReadContext,
  environmentKind: string,
  input: Omit<ForwardInput, 'connectionId'>,
): Promise<ForwardResult> {
  if (environmentKind === 'production' && input.productionConfirmed !== true) {
    throw new WorkbenchError(
      'validation',
      'This is Production: a forwarded request reaches the employer’s real payroll system. Confirm that before sending.',
      {
        fields: [{ path: 'productionConfirmed', message: 'confirm that this reaches the employer’s real system' }],
      },
    );
  }
  const support = await forwardSupport(ctx, environmentKind);
  if (support.verdict === 'unsupported') throw new WorkbenchError('validation', `Not sent. ${support.reason}`);
  const read = await readEndpoint(ctx, (client) =>
    client.requestForwarding.forward({
      method: input.method,
      route: input.route,
      params: input.params ?? null,
      request_headers: input.headers ?? null,
      data: input.data ?? null,
    }),
  );
  const body = (read.data ?? {}) as { statusCode?: unknown; headers?: unknown; data?: unknown; request?: unknown };
  return {
    status: read.status,
    providerStatus: typeof body.statusCode === 'number' ? body.statusCode : null,
    providerHeaders: body.headers && typeof body.headers === 'object' ? (body.headers as Record<string, unknown>) : null,
    providerBody: typeof body.data === 'string' ? body.data : body.data == null ? null : JSON.stringify(body.data),
    request: body.request ?? null,
    requestIds: [...support.requestIds, ...read.requestIds],
  };
}
