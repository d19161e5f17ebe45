/**
 * Benefits (list; one benefit with who is enrolled and each enrolled person's benefit
 * details) and documents (every page of the list; one W-4's details).
 */
import type { BatchRow, EndpointRead } from '@shared/domain/explorer';
import { WorkbenchError } from '@main/platform/errors';
import type { ReadContext } from '@main/platform/reads/finch-read';
import { joinIds, readEndpoint } from '@main/platform/reads/finch-read';

export function readBenefits(ctx: ReadContext): Promise<EndpointRead> {
  return readEndpoint(ctx, (client) => client.hris.benefits.list());
}

export async function readBenefit(ctx: ReadContext, benefitId: string) {
  const [benefit, enrolled, details] = await Promise.all([
    readEndpoint(ctx, (client) => client.hris.benefits.retrieve(benefitId)),
    readEndpoint(ctx, (client) => client.hris.benefits.individuals.enrolledIDs(benefitId)),
    // Without individual_ids Finch answers for everyone enrolled, one item each.
    readEndpoint(ctx, (client) => client.hris.benefits.individuals.retrieveManyBenefits(benefitId)),
  ]);
  const items = (Array.isArray(details.data) ? details.data : []) as { individual_id?: string; code?: number | null; body?: unknown }[];
  const individuals: BatchRow[] = details.accepted
    ? []
    : items.map((item) => ({
        id: String(item.individual_id ?? ''),
        code: typeof item.code === 'number' ? item.code : null,
        body: item.body ?? null,
      }));
  return { benefit, enrolled, individuals, requestIds: joinIds(benefit.requestIds, enrolled.requestIds, details.requestIds) };
}

const DOCUMENT_PAGE = 200;
const MAX_DOCUMENTS = 50_000;

/** Every page of GET /employer/documents, as one list with the request id of each page. */
export async function readDocuments(ctx: ReadContext): Promise<EndpointRead> {
  const documents: unknown[] = [];
  const requestIds: string[] = [];
  let last: EndpointRead | null = null;
  for (let offset = 0; ;) {
    const page = await readEndpoint(ctx, (client) => client.hris.documents.list({ limit: DOCUMENT_PAGE, offset }));
    requestIds.push(...page.requestIds);
    last = page;
    if (page.accepted) return { ...page, requestIds };
    const body = (page.data ?? {}) as { documents?: unknown[]; paging?: { count?: number } };
    const batch = Array.isArray(body.documents) ? body.documents : [];
    documents.push(...batch);
    offset += batch.length;
    if (batch.length === 0 || offset >= (body.paging?.count ?? documents.length)) break;
    if (documents.length >= MAX_DOCUMENTS) throw new WorkbenchError('validation', 'More than 50,000 documents; the explorer stops there.');
  }
  return {
    data: { paging: { count: documents.length, offset: 0 }, documents },
    status: last.status,
    requestId: last.requestId,
    requestIds,
    accepted: null,
  };
}

export function readDocument(ctx: ReadContext, documentId: string): Promise<EndpointRead> {
  return readEndpoint(ctx, (client) => client.hris.documents.retreive(documentId));
}
