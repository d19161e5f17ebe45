/** The data explorer: every read endpoint of the SDK, long reads as operations, the streamed directory. Part of THE IPC contract (./index.ts assembles it). */
import { z } from 'zod';
import {
  DirectoryPageInputSchema,
  DirectoryPageSchema,
  DirectoryReadInputSchema,
  DirectoryReadSchema,
  DirectoryRowsSchema,
} from '../domain/directory';
import {
  BatchReadSchema,
  BenefitDetailSchema,
  ConnectionIdSchema,
  DateRangeSchema,
  EndpointReadSchema,
  FinchIdSchema,
  ForwardInputSchema,
  ForwardResultSchema,
  ForwardSupportSchema,
  PayItemsInputSchema,
  PayStatementsInputSchema,
  PendingContextSchema,
  PeopleInputSchema,
  PersonPayInputSchema,
  PersonPaySchema,
  SyncStartSchema,
} from '../domain/explorer';
import { OperationProgressSchema } from '../domain/operations';
import {
  CreateRuleInputSchema,
  DeleteRuleInputSchema,
  RuleListSchema,
  RuleWriteResultSchema,
  UpdateRuleInputSchema,
} from '../domain/pay-item-rules';
import { channel, event } from '../ipc/contract-kit';
import { ConnectionOnly, Id } from './common';

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
      summary:
        'GET /employer/directory, every page, as an operation (progress, cancel): the people arrive page by page as directoryRows events; a 202 is reported as such',
    }),
    directoryRows: event({
      payload: DirectoryRowsSchema,
      summary: 'People of a directory read, as each page arrives (at most a few hundred KB per message)',
    }),
    directoryPage: channel({
      input: DirectoryPageInputSchema,
      output: DirectoryPageSchema,
      summary:
        'One page of GET /employer/directory (at most 500 people), as an operation: person pickers load the first page, then more on demand',
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
      summary:
        'POST /employer/individual or /employer/employment for the given ids or everyone, in chunks, as an operation; per-item codes kept',
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
    payStatementItems: channel({
      input: PayItemsInputSchema,
      output: EndpointReadSchema,
      summary: 'GET /employer/pay-statement-item, filtered',
    }),
    payItemRules: channel({
      input: ConnectionOnly,
      output: RuleListSchema,
      summary: 'GET /employer/pay-statement-item/rule: the rules that attach metadata to pay-statement items',
    }),
    createPayItemRule: channel({
      input: CreateRuleInputSchema,
      output: RuleWriteResultSchema,
      summary: 'Create a pay-statement item rule (armed in Production; the customer name typed outside Sandbox)',
    }),
    updatePayItemRule: channel({
      input: UpdateRuleInputSchema,
      output: RuleWriteResultSchema,
      summary: 'Change a pay-statement item rule (armed in Production; the customer name typed outside Sandbox)',
    }),
    deletePayItemRule: channel({
      input: DeleteRuleInputSchema,
      output: RuleWriteResultSchema,
      summary: 'Delete a pay-statement item rule (armed in Production; the customer name typed outside Sandbox)',
    }),
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
      summary:
        'POST /forward: a raw request to the provider’s API through Finch (refused for assisted connections; Production needs confirmation)',
    }),
  },
} as const;
