/**
 * Reads for the data explorer, each returning the data with the request ids it came from.
 * The directory is paged to the end; a person joins directory + individual + employment.
 * A 202 (sync in progress, pending) is passed on as such, never as "no data".
 */
import type { ConnectionLifecycle } from '../connections/connection-lifecycle';
import { WorkbenchError } from '../errors';

export interface DirectoryPage {
  people: Record<string, unknown>[];
  /** 202: Finch has no data yet; the body says why. */
  accepted: { code: string | null; message: string | null } | null;
  requestIds: string[];
  pages: number;
}

const PAGE = 500;
const MAX_PEOPLE = 50_000;

export class ExplorerService {
  constructor(private readonly lifecycle: ConnectionLifecycle) {}

  async directory(environmentId: string, connectionId: string): Promise<DirectoryPage> {
    const people: Record<string, unknown>[] = [];
    const requestIds: string[] = [];
    let offset = 0;
    let pages = 0;
    for (;;) {
      const page = await this.lifecycle.read(environmentId, connectionId, (client) => client.hris.directory.list({ limit: PAGE, offset }));
      pages += 1;
      if (page.requestId) requestIds.push(page.requestId);
      if (page.status === 202) {
        const body = page.data as unknown as { finch_code?: string; name?: string; message?: string };
        return { people, accepted: { code: body.finch_code ?? body.name ?? null, message: body.message ?? null }, requestIds, pages };
      }
      const batch = (page.data.individuals ?? []) as unknown as Record<string, unknown>[];
      people.push(...batch);
      const total = page.data.paging?.count ?? people.length;
      offset += batch.length;
      if (batch.length === 0 || offset >= total) break;
      if (people.length >= MAX_PEOPLE) throw new WorkbenchError('validation', `This directory has more than ${MAX_PEOPLE.toLocaleString()} people; the explorer stops there.`);
    }
    return { people, accepted: null, requestIds, pages };
  }

  /** One person: their individual and employment records (batch endpoints, one id each). */
  async person(environmentId: string, connectionId: string, individualId: string) {
    const [individual, employment] = await Promise.all([
      this.lifecycle.read(environmentId, connectionId, (client) => client.hris.individuals.retrieveMany({ requests: [{ individual_id: individualId }] })),
      this.lifecycle.read(environmentId, connectionId, (client) => client.hris.employments.retrieveMany({ requests: [{ individual_id: individualId }] })),
    ]);
    const one = (item: { code?: number | null; body?: unknown } | undefined) => (item ? { code: item.code ?? null, body: item.body ?? null } : null);
    return {
      individual: one(individual.data.responses[0]),
      employment: one(employment.data.responses[0]),
      requestIds: [individual.requestId, employment.requestId].filter((id): id is string => id !== null),
    };
  }
}
