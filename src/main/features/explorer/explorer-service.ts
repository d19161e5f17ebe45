/**
 * Reads for the data explorer, one per read endpoint of the SDK, each returning the raw data
 * with the request ids it came from. A 202 (sync in progress, pending) is passed on as such,
 * never as "no data". Long pulls take the `Operation` they run in (progress, cancel).
 *
 * The reads themselves live in small modules by area; this class is the one object the
 * handlers (and other services, e.g. snapshots) call.
 */
import type { ForwardInput, PayItemsInputSchema } from '@shared/domain/explorer';
import type { z } from 'zod';
import type { ConnectionLifecycle } from '@main/platform/workspace/connection-lifecycle';
import { readBenefit, readBenefits, readDocument, readDocuments } from './benefit-document-reads';
import type { ReadContext } from '@main/platform/reads/finch-read';
import { readEndpoint } from '@main/platform/reads/finch-read';
import { forward, forwardSupport } from './forward-console';
import { readAutomatedJobs, readJob, readPendingContext, startDataSync } from './job-reads';
import type { Operation } from '@main/platform/operations/operations';
import type { DirectoryPage, DirectoryReadOptions, DirectorySlice } from './org-reads';
import { readCompany, readDirectory, readDirectoryPage, readPeople, readPerson } from './org-reads';
import { readPayGroup, readPayGroups, readPayStatementItems, readPayStatements, readPayments, readPersonPay } from './payroll-reads';

export type { DirectoryPage, DirectoryRows, DirectorySlice } from './org-reads';

export class ExplorerService {
  constructor(private readonly lifecycle: ConnectionLifecycle) {}

  private ctx(environmentId: string, connectionId: string): ReadContext {
    return { lifecycle: this.lifecycle, environmentId, connectionId };
  }

  company(environmentId: string, connectionId: string) {
    return readCompany(this.ctx(environmentId, connectionId));
  }

  /** Every page; `options.onRows` receives each page's people as it arrives. */
  directory(environmentId: string, connectionId: string, operation?: Operation, options?: DirectoryReadOptions): Promise<DirectoryPage> {
    return readDirectory(this.ctx(environmentId, connectionId), operation, options);
  }

  /** One page of the directory (a person picker loads the first, then more on demand). */
  directoryPage(
    environmentId: string,
    connectionId: string,
    offset: number,
    limit: number,
    operation?: Operation,
  ): Promise<DirectorySlice> {
    return readDirectoryPage(this.ctx(environmentId, connectionId), offset, limit, operation);
  }

  /** One person: their individual and employment records (batch endpoints, one id each). */
  person(environmentId: string, connectionId: string, individualId: string) {
    return readPerson(this.ctx(environmentId, connectionId), individualId);
  }

  people(
    environmentId: string,
    connectionId: string,
    kind: 'individual' | 'employment',
    ids: readonly string[] | undefined,
    operation?: Operation,
  ) {
    return readPeople(this.ctx(environmentId, connectionId), kind, ids, operation);
  }

  payments(environmentId: string, connectionId: string, startDate: string, endDate: string) {
    return readPayments(this.ctx(environmentId, connectionId), startDate, endDate);
  }

  payStatements(environmentId: string, connectionId: string, paymentIds: readonly string[], operation?: Operation) {
    return readPayStatements(this.ctx(environmentId, connectionId), paymentIds, operation);
  }

  personPay(environmentId: string, connectionId: string, individualId: string, startDate: string, endDate: string, operation?: Operation) {
    return readPersonPay(this.ctx(environmentId, connectionId), individualId, startDate, endDate, operation);
  }

  payGroups(environmentId: string, connectionId: string) {
    return readPayGroups(this.ctx(environmentId, connectionId));
  }

  payGroup(environmentId: string, connectionId: string, payGroupId: string) {
    return readPayGroup(this.ctx(environmentId, connectionId), payGroupId);
  }

  payStatementItems(environmentId: string, connectionId: string, query: Omit<z.infer<typeof PayItemsInputSchema>, 'connectionId'>) {
    return readPayStatementItems(this.ctx(environmentId, connectionId), query);
  }

  benefits(environmentId: string, connectionId: string) {
    return readBenefits(this.ctx(environmentId, connectionId));
  }

  benefit(environmentId: string, connectionId: string, benefitId: string) {
    return readBenefit(this.ctx(environmentId, connectionId), benefitId);
  }

  documents(environmentId: string, connectionId: string) {
    return readDocuments(this.ctx(environmentId, connectionId));
  }

  document(environmentId: string, connectionId: string, documentId: string) {
    return readDocument(this.ctx(environmentId, connectionId), documentId);
  }

  jobs(environmentId: string, connectionId: string) {
    return readAutomatedJobs(this.ctx(environmentId, connectionId));
  }

  job(environmentId: string, connectionId: string, kind: 'automated' | 'manual', jobId: string) {
    return readJob(this.ctx(environmentId, connectionId), kind, jobId);
  }

  startSync(environmentId: string, connectionId: string) {
    return startDataSync(this.ctx(environmentId, connectionId));
  }

  pendingContext(environmentId: string, connectionId: string) {
    return readPendingContext(this.ctx(environmentId, connectionId));
  }

  /** GET /providers: answered with the connection's token (the endpoint accepts it, optionally). */
  providers(environmentId: string, connectionId: string) {
    return readEndpoint(this.ctx(environmentId, connectionId), (client) => client.providers.list());
  }

  introspect(environmentId: string, connectionId: string) {
    return readEndpoint(this.ctx(environmentId, connectionId), (client) => client.account.introspect());
  }

  forwardSupport(environmentId: string, connectionId: string, environmentKind: string) {
    return forwardSupport(this.ctx(environmentId, connectionId), environmentKind);
  }

  forward(environmentId: string, connectionId: string, environmentKind: string, input: Omit<ForwardInput, 'connectionId'>) {
    return forward(this.ctx(environmentId, connectionId), environmentKind, input);
  }
}
