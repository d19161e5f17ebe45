/**
 * The naive way: the plain SDK (`new Finch({...})`), default retries (2), no limiter, every
 * connection fired at once. One thing is adapted, and only because the simulator's clock is
 * sped up: the SDK sleeps `Retry-After` in *real* seconds, while the simulator computes it in
 * *simulated* seconds. At speed S a literal sleep would wait S times too long in simulated
 * time (and make the naive loop look far worse than it is). So the observing fetch adds
 * `retry-after-ms` = Retry-After · 1000 / S, which the SDK prefers to `Retry-After`: it then
 * waits exactly the simulated time Finch asked for. Everything else is the SDK's own
 * behaviour. The fetch also counts every response status the SDK saw, retries included.
 */
import Finch from '@tryfinch/finch-api';
import type { RunningSimulator } from '@simulator';
import type { Caller, FleetConnection } from './refresh';

export interface NaiveCaller extends Caller {
  /** Responses with status 429 the SDK received (each retry counts). */
  rateLimitedResponses(): number;
  responses(): number;
}

export function createNaiveCaller(sim: RunningSimulator): NaiveCaller {
  let responses = 0;
  let rateLimited = 0;
  const observingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    responses += 1;
    if (response.status !== 429) return response;
    rateLimited += 1;
    const seconds = Number.parseFloat(response.headers.get('retry-after') ?? '');
    if (!Number.isFinite(seconds)) return response;
    const headers = new Headers(response.headers);
    headers.set('retry-after-ms', String((seconds * 1000) / sim.clock.getSpeed()));
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
  const clients = new Map<string, Finch>();
  const clientFor = (connection: FleetConnection): Finch => {
    let client = clients.get(connection.connectionId);
    if (!client) {
      client = new Finch({
        baseURL: sim.baseUrl,
        accessToken: connection.accessToken,
        clientID: null,
        clientSecret: null,
        fetch: observingFetch,
        logLevel: 'off',
      });
      clients.set(connection.connectionId, client);
    }
    return client;
  };
  return {
    async call(connection, fn) {
      return (await fn(clientFor(connection)).withResponse()).data;
    },
    rateLimitedResponses: () => rateLimited,
    responses: () => responses,
  };
}
