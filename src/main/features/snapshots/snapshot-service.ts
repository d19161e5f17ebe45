/**
 * Snapshots: a full pull of a connection kept in SQLite (compressed) with its time and
 * request ids, listed and deleted per snapshot or per connection, and compared two at a time
 * — also across two connections of the same customer. A cancelled pull stores nothing.
 */
import type Database from 'better-sqlite3';
import type { SnapshotDiff, SnapshotSummary } from '@shared/domain/snapshots';
import type { ConnectionLifecycle } from '@main/platform/workspace/connection-lifecycle';
import type { ConnectionService } from '@main/platform/workspace/connection-service';
import { WorkbenchError } from '@main/platform/errors';
import type { OperationRegistry } from '@main/platform/operations/operations';
import { pullCalls, pullConnection, pullRequestIds } from '@main/platform/reads/connection-pull';
import { compress, contentOf, decompress } from './snapshot-content';
import type { SnapshotContent } from './snapshot-content';
import { diffSnapshots } from './diff';
import { SnapshotStore } from './snapshot-store';

export interface SnapshotServiceOptions {
  db: Database.Database;
  lifecycle: ConnectionLifecycle;
  connections: ConnectionService;
  operations: OperationRegistry;
  now?: () => number;
}

export interface TakeSnapshotInput {
  connectionId: string;
  operationId: string;
  startDate: string;
  endDate: string;
  label?: string | undefined;
}

export class SnapshotService {
  private readonly store: SnapshotStore;
  private readonly now: () => number;

  constructor(private readonly options: SnapshotServiceOptions) {
    this.store = new SnapshotStore(options.db);
    this.now = options.now ?? Date.now;
  }

  async take(environmentId: string, input: TakeSnapshotInput): Promise<SnapshotSummary> {
    const connection = this.options.connections.get(environmentId, input.connectionId);
    if (connection.disconnectedAt !== null)
      throw new WorkbenchError('conflict', 'This connection is disconnected; the app no longer reads it.');
    return this.options.operations.start(
      `Snapshot of ${connection.customerName ?? connection.id}`,
      async (operation) => {
        const takenAt = this.now();
        const pull = await pullConnection(this.options.lifecycle, environmentId, connection.id, {
          startDate: input.startDate,
          endDate: input.endDate,
          granted: connection.products,
          operation,
        });
        operation.checkCancelled();
        const content = contentOf(pull);
        const data = await compress(content);
        // The last check before the row is written: a cancel that arrived during compression stores nothing.
        operation.checkCancelled();
        const statements = pull.payStatements.reduce((n, p) => n + p.statements.length, 0);
        const itemErrors = [...pull.individuals, ...pull.employments, ...pull.payStatements].filter((i) => i.code !== 200).length;
        return this.store.add(
          environmentId,
          {
            connectionId: connection.id,
            providerId: connection.providerId,
            customerId: connection.customerId,
            customerName: connection.customerName,
            label: input.label?.trim() || null,
            takenAt,
            startDate: input.startDate,
            endDate: input.endDate,
            counts: {
              people: pull.directory.length,
              individuals: pull.individuals.filter((i) => i.code === 200).length,
              employments: pull.employments.filter((i) => i.code === 200).length,
              payments: pull.payments.length,
              payStatements: statements,
              itemErrors,
            },
            products: Object.fromEntries(Object.entries(pull.products).map(([p, s]) => [p, s.status])),
            requestIds: pullRequestIds(pull),
            calls: pullCalls(pull),
          },
          data,
        );
      },
      input.operationId,
    );
  }

  list(environmentId: string): SnapshotSummary[] {
    return this.store.list(environmentId);
  }

  remove(environmentId: string, id: number): { removed: number } {
    return { removed: this.store.remove(environmentId, id) };
  }

  /** Every snapshot of a connection (they hold personal data; the UI confirms first). */
  removeAll(environmentId: string, connectionId: string): { removed: number } {
    return { removed: this.store.removeAll(environmentId, connectionId) };
  }

  async diff(environmentId: string, fromId: number, toId: number): Promise<SnapshotDiff> {
    if (fromId === toId)
      throw new WorkbenchError('validation', 'Pick two different snapshots to compare.', {
        fields: [{ path: 'toId', message: 'is the same snapshot' }],
      });
    const [from, fromContent] = await this.load(environmentId, fromId);
    const [to, toContent] = await this.load(environmentId, toId);
    return diffSnapshots(from, fromContent, to, toContent);
  }

  private async load(environmentId: string, id: number): Promise<[SnapshotSummary, SnapshotContent]> {
    const summary = this.store.get(environmentId, id);
    const data = this.store.data(environmentId, id);
    if (!summary || !data) throw new WorkbenchError('not_found', `No snapshot ${id} in this environment (it may have been deleted).`);
    try {
      return [summary, await decompress(data)];
    } catch (error) {
      throw new WorkbenchError('internal', `Snapshot ${id} cannot be read (${(error as Error).message}); delete it and take a new one.`);
    }
  }
}
