/** The explorer, field coverage and snapshots: every read endpoint, long pulls, coverage runs, snapshot diffs. Part of THE IPC contract (src/shared/contract.ts), kept here for size. */
import { z } from 'zod';
import { channel, event } from '../ipc/contract-kit';
import { BatchReadSchema, BenefitDetailSchema, ConnectionIdSchema, DateRangeSchema, EndpointReadSchema, FinchIdSchema, ForwardInputSchema, ForwardResultSchema, ForwardSupportSchema, PayItemsInputSchema, PayStatementsInputSchema, PendingContextSchema, PeopleInputSchema, PersonPayInputSchema, PersonPaySchema, SyncStartSchema } from '../domain/explorer';
import { OperationProgressSchema } from '../domain/operations';
import { DirectoryPageInputSchema, DirectoryPageSchema, DirectoryReadInputSchema, DirectoryReadSchema, DirectoryRowsSchema } from '../domain/directory';
import { CoverageRunInputSchema, CoverageRunSchema } from '../domain/coverage';
import { SnapshotDiffSchema, SnapshotSummarySchema, SnapshotTakeInputSchema } from '../domain/snapshots';
import { NoInput, Id, ConnectionOnly } from './common';

export const explorerChannels = {
  explorer: {
    cancel: channel({
      input: z.object({ operationId: Id }).strict(),
      output: z.object({ cancelled: z.boolean() }),
      summary: 'Cancel a long pull (directory, batches, snapshot); false when it had already ended',
    }),
    progress: event({ payload: OperationProgressSchema, summary: 'A long pull advanced: records, pages, rate-limit waits, state' }),
    directory: channel({
      input: DirectoryReadInputSchema,
      output: DirectoryReadSchema,
      summary: 'GET /employer/directory, every page, as an operation (progress, cancel): the people arrive page by page as directoryRows events; a 202 is reported as such',
    }),
    directoryRows: event({ payload: DirectoryRowsSchema, summary: 'People of a directory read, as each page arrives (at most a few hundred KB per message)' }),
    directoryPage: channel({
      input: DirectoryPageInputSchema,
      output: DirectoryPageSchema,
      summary: 'One page of GET /employer/directory (at most 500 people), as an operation: person pickers load the first page, then more on demand',
    }),
    person: channel({
      input: z.object({ connectionId: z.string().min(1).max(200), individualId: z.string().min(1).max(200) }).strict(),
      output: z.object({
        individual: z.object({ code: z.number().nullable(), body: z.unknown() }).nullable(),
        employment: z.object({ code: z.number().nullable(), body: z.unknown() }).nullable(),
        requestIds: z.array(z.string()),
      }),
      summary: 'One person: their individual and employment records (per-item codes kept)',
    }),
    company: channel({
      input: ConnectionOnly,
      output: EndpointReadSchema,
      summary: 'GET /employer/company for a connection of the active environment',
    }),
    people: channel({
      input: PeopleInputSchema,
      output: BatchReadSchema,
      summary: 'POST /employer/individual or /employer/employment for the given ids or everyone, in chunks, as an operation; per-item codes kept',
    }),
    payments: channel({ input: DateRangeSchema, output: EndpointReadSchema, summary: 'GET /employer/payment between two pay dates' }),
    payStatements: channel({
      input: PayStatementsInputSchema,
      output: BatchReadSchema,
      summary: 'POST /employer/pay-statement for chosen payments (10 per call, every page), as an operation; per-payment codes kept',
    }),
    personPay: channel({
      input: PersonPayInputSchema,
      output: PersonPaySchema,
      summary: 'One person’s pay statements: the payments in a range, then their statements',
    }),
    payGroups: channel({ input: ConnectionOnly, output: EndpointReadSchema, summary: 'GET /employer/pay-groups' }),
    payGroup: channel({
      input: z.object({ connectionId: ConnectionIdSchema, payGroupId: FinchIdSchema }).strict(),
      output: EndpointReadSchema,
      summary: 'GET /employer/pay-groups/{id}: the group and its individuals',
    }),
    payStatementItems: channel({ input: PayItemsInputSchema, output: EndpointReadSchema, summary: 'GET /employer/pay-statement-item, filtered' }),
    benefits: channel({ input: ConnectionOnly, output: EndpointReadSchema, summary: 'GET /employer/benefits' }),
    benefit: channel({
      input: z.object({ connectionId: ConnectionIdSchema, benefitId: FinchIdSchema }).strict(),
      output: BenefitDetailSchema,
      summary: 'One benefit, who is enrolled, and each enrolled person’s benefit details (per-item codes kept)',
    }),
    documents: channel({ input: ConnectionOnly, output: EndpointReadSchema, summary: 'GET /employer/documents, every page' }),
    document: channel({
      input: z.object({ connectionId: ConnectionIdSchema, documentId: FinchIdSchema }).strict(),
      output: EndpointReadSchema,
      summary: 'GET /employer/documents/{id}: a W-4’s details',
    }),
    jobs: channel({ input: ConnectionOnly, output: EndpointReadSchema, summary: 'GET /jobs/automated, with the data_sync_all quota' }),
    job: channel({
      input: z.object({ connectionId: ConnectionIdSchema, kind: z.enum(['automated', 'manual']), jobId: FinchIdSchema }).strict(),
      output: EndpointReadSchema,
      summary: 'GET /jobs/automated/{id} or /jobs/manual/{id}',
    }),
    startSync: channel({
      input: ConnectionOnly,
      output: SyncStartSchema,
      summary: 'POST /jobs/automated data_sync_all (Finch allows one per hour per connection; a refusal says when the next is allowed)',
    }),
    pendingContext: channel({
      input: ConnectionOnly,
      output: PendingContextSchema,
      summary: 'For a 202: the connection status (introspect) and the unfinished jobs to watch',
    }),
    providers: channel({ input: ConnectionOnly, output: EndpointReadSchema, summary: 'GET /providers' }),
    introspect: channel({ input: ConnectionOnly, output: EndpointReadSchema, summary: 'GET /introspect for the connection' }),
    forwardSupport: channel({
      input: ConnectionOnly,
      output: ForwardSupportSchema,
      summary: 'Whether POST /forward can reach this connection’s provider, and whether this is Production',
    }),
    forward: channel({
      input: ForwardInputSchema,
      output: ForwardResultSchema,
      summary: 'POST /forward: a raw request to the provider’s API through Finch (refused for assisted connections; Production needs confirmation)',
    }),
  },
  coverage: {
    run: channel({
      input: CoverageRunInputSchema,
      output: CoverageRunSchema,
      summary: 'Field coverage of a connection (a full pull as an operation): per product and field, values, empties, nulls and absences beside GET /providers; stored',
    }),
    runs: channel({ input: NoInput, output: z.array(CoverageRunSchema), summary: 'Stored coverage runs of the active environment, newest first' }),
    deleteRun: channel({
      input: z.object({ id: z.number().int().positive() }).strict(),
      output: z.object({ deleted: z.boolean() }),
      summary: 'Forget one coverage run',
    }),
  },
  snapshots: {
    take: channel({
      input: SnapshotTakeInputSchema,
      output: SnapshotSummarySchema,
      summary: 'Save a full pull of a connection (company, people, payments and pay statements in a range) as a compressed snapshot; cancelling stores nothing',
    }),
    list: channel({ input: NoInput, output: z.array(SnapshotSummarySchema), summary: 'Snapshots of the active environment, newest first (summaries, never their content)' }),
    remove: channel({
      input: z.object({ id: z.number().int().positive() }).strict(),
      output: z.object({ removed: z.number().int() }),
      summary: 'Delete one snapshot (it holds personal data)',
    }),
    removeAll: channel({
      input: z.object({ connectionId: Id }).strict(),
      output: z.object({ removed: z.number().int() }),
      summary: 'Delete every snapshot of a connection',
    }),
    diff: channel({
      input: z.object({ fromId: z.number().int().positive(), toId: z.number().int().positive() }).strict(),
      output: SnapshotDiffSchema,
      summary: 'Compare two snapshots (also of two connections of one customer): people added/removed/changed, company, payments',
    }),
  },
} as const;
