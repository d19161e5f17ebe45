/**
 * The `explorer` channels: every read endpoint of the SDK for a connection of the active
 * environment. Long reads run as operations (progress, cancel); the directory streams its people
 * through `emitRows` as pages arrive.
 */
import type { HandlerMap } from '@shared/contract';
import type { DirectoryRowsView } from '@shared/domain/directory';
import type { OperationRegistry } from '@main/platform/operations/operations';
import type { EnvironmentService } from '@main/platform/workspace/environment-service';
import { streamDirectory } from './directory-stream';
import type { ExplorerService } from './explorer-service';
import type { PayItemRules } from './pay-item-rules';

export interface ExplorerHandlerDeps {
  explorer: ExplorerService;
  payItemRules: PayItemRules;
  operations: OperationRegistry;
  environments: EnvironmentService;
  emitRows: (rows: DirectoryRowsView) => void;
}

export function buildExplorerHandlers(d: ExplorerHandlerDeps): HandlerMap['explorer'] {
  const { explorer, operations } = d;
  const activeId = () => d.environments.activeId();
  const activeKind = (environmentId: string) => d.environments.get(environmentId).kind;
  return {
    cancel: ({ operationId }) => ({ cancelled: operations.cancel(operationId) }),
    directory: ({ connectionId, operationId }) =>
      operations.start('Directory', (op) => streamDirectory(explorer, activeId(), connectionId, op, d.emitRows), operationId),
    directoryPage: ({ connectionId, offset, limit, operationId }) =>
      operations.start('Directory page', (op) => explorer.directoryPage(activeId(), connectionId, offset, limit, op), operationId),
    person: ({ connectionId, individualId }) => explorer.person(activeId(), connectionId, individualId),
    company: ({ connectionId }) => explorer.company(activeId(), connectionId),
    people: ({ connectionId, kind, individualIds, operationId }) =>
      operations.start(
        kind === 'individual' ? 'Individuals' : 'Employments',
        (op) => explorer.people(activeId(), connectionId, kind, individualIds, op),
        operationId,
      ),
    payments: ({ connectionId, startDate, endDate }) => explorer.payments(activeId(), connectionId, startDate, endDate),
    payStatements: ({ connectionId, paymentIds, operationId }) =>
      operations.start('Pay statements', (op) => explorer.payStatements(activeId(), connectionId, paymentIds, op), operationId),
    personPay: ({ connectionId, individualId, startDate, endDate, operationId }) =>
      operations.start(
        'Pay statements',
        (op) => explorer.personPay(activeId(), connectionId, individualId, startDate, endDate, op),
        operationId,
      ),
    payGroups: ({ connectionId }) => explorer.payGroups(activeId(), connectionId),
    payGroup: ({ connectionId, payGroupId }) => explorer.payGroup(activeId(), connectionId, payGroupId),
    payStatementItems: ({ connectionId, ...query }) => explorer.payStatementItems(activeId(), connectionId, query),
    payItemRules: ({ connectionId }) => d.payItemRules.list(activeId(), connectionId),
    createPayItemRule: (input) => d.payItemRules.create(activeId(), input),
    updatePayItemRule: (input) => d.payItemRules.update(activeId(), input),
    deletePayItemRule: (input) => d.payItemRules.delete(activeId(), input),
    benefits: ({ connectionId }) => explorer.benefits(activeId(), connectionId),
    benefit: ({ connectionId, benefitId }) => explorer.benefit(activeId(), connectionId, benefitId),
    documents: ({ connectionId }) => explorer.documents(activeId(), connectionId),
    document: ({ connectionId, documentId }) => explorer.document(activeId(), connectionId, documentId),
    jobs: ({ connectionId }) => explorer.jobs(activeId(), connectionId),
    job: ({ connectionId, kind, jobId }) => explorer.job(activeId(), connectionId, kind, jobId),
    startSync: ({ connectionId }) => explorer.startSync(activeId(), connectionId),
    pendingContext: ({ connectionId }) => explorer.pendingContext(activeId(), connectionId),
    providers: ({ connectionId }) => explorer.providers(activeId(), connectionId),
    introspect: ({ connectionId }) => explorer.introspect(activeId(), connectionId),
    forwardSupport: ({ connectionId }) => {
      const environmentId = activeId();
      return explorer.forwardSupport(environmentId, connectionId, activeKind(environmentId));
    },
    forward: ({ connectionId, ...request }) => {
      const environmentId = activeId();
      return explorer.forward(environmentId, connectionId, activeKind(environmentId), request);
    },
  };
}
