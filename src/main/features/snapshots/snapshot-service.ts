/**
 * Snapshots: a full pull of a connection kept in SQLite (compressed) with its time and
 * request ids, listed and deleted per snapshot or per connection, and compared two at a time
 * — also across two connections of the same customer. Pages are written as they arrive; a
 * cancelled pull keeps what it had, as a snapshot marked `cancelled`.
 */
import type Database from 'better-sqlite3';
import type { SnapshotDiff, SnapshotSummary } from '@shared/domain/snapshots';
import type { ConnectionLifecycle } from '@main/platform/workspace/connection-lifecycle';
import type { ConnectionService } from '@main/platform/workspace/connection-service';
import { WorkbenchError } from '@main/platform/errors';
import type { OperationRegistry } from '@main/platform/operations/operations';
import { newOutcome, outcomeCalls, outcomeRequestIds, streamConnection } from '@main/platform/reads/connection-stream';
import { assembleContent, decompress } from './snapshot-content';
import type { SnapshotContent } from './snapshot-content';
import { diffSnapshots } from './diff';
import { contentFor, readIndex, samePerson } from './snapshot-index';
import type { NewSnapshot } from './snapshot-store';
import { SnapshotStore } from './snapshot-store';
import { SnapshotWriter } from './snapshot-writer';

const EMPTY_COUNTS = { people: 0, individuals: 0, employments: 0, payments: 0, payStatements: 0, itemErrors: 0 };

export interface SnapshotServiceOptions {
  db: Database.Database;
  /** A connection with a small page cache for the parts' inserts (database.ts: openBulkWriter). */
  partsDb?: Database.Database | null;
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
    this.store = new SnapshotStore(options.db, options.partsDb ?? options.db);
    this.now = options.now ?? Date.now;
    // A snapshot still `pulling` when the app starts was cut off by the app stopping.
    this.store.markInterrupted();
  }

  /**
   * Pulls the connection page by page into a new snapshot: each page is written as it arrives.
   * Cancelled, the snapshot keeps the pages already written and is marked `cancelled` (the
   * operation still ends as cancelled); failed otherwise, nothing is kept.
   */
  async take(environmentId: string, input: TakeSnapshotInput): Promise<SnapshotSummary> {
    const connection = this.options.connections.get(environmentId, input.connectionId);
    if (connection.disconnectedAt !== null)
      throw new WorkbenchError('conflict', 'This connection is disconnected; the app no longer reads it.');
    return this.options.operations.start(
      `Snapshot of ${connection.customerName ?? connection.id}`,
      async (operation) => {
        // fromBytes: the writer stores records as Finch sent them, so batch answers need not be parsed.
        const pullOptions = {
          startDate: input.startDate,
          endDate: input.endDate,
          granted: connection.products,
          operation,
          fromBytes: true,
        };
        const outcome = newOutcome(pullOptions);
        const header = (counts: NewSnapshot['counts']): NewSnapshot => ({
          connectionId: connection.id,
          providerId: connection.providerId,
          customerId: connection.customerId,
          customerName: connection.customerName,
          label: input.label?.trim() || null,
          takenAt,
          startDate: input.startDate,
          endDate: input.endDate,
          counts: { ...counts },
          products: Object.fromEntries(Object.entries(outcome.products).map(([p, s]) => [p, s.status])),
          requestIds: outcomeRequestIds(outcome),
          calls: outcomeCalls(outcome),
        });
        const takenAt = this.now();
        const id = this.store.begin(environmentId, header(EMPTY_COUNTS));
        const writer = new SnapshotWriter(this.store, id);
        try {
          await streamConnection(this.options.lifecycle, environmentId, connection.id, pullOptions, writer.sink, outcome);
          writer.products(outcome);
          await writer.flush();
          this.store.finish(id, 'complete', header(writer.counts));
          return this.store.get(environmentId, id)!;
        } catch (error) {
          const cancelled = operation.signal.aborted || (error instanceof WorkbenchError && error.kind === 'cancelled');
          if (!cancelled) {
            // Let the writes in flight land first, so the delete leaves nothing behind.
            await writer.flush().catch(() => {});
            this.store.remove(environmentId, id);
            throw error;
          }
          // Every page that came in before the cancel is written; the snapshot says it is partial.
          writer.products(outcome);
          await writer.flush();
          this.store.finish(id, 'cancelled', header(writer.counts));
          throw error;
        }
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
    const fast = this.diffByIndex(environmentId, fromId, toId);
    if (fast) return fast;
    const [from, fromContent] = await this.load(environmentId, fromId);
    const [to, toContent] = await this.load(environmentId, toId);
    return diffSnapshots(from, fromContent, to, toContent);
  }

  /**
   * Two part-stored snapshots of one connection: people are matched by id from the parts'
   * hashes, and only those who changed, came or went are read in full. Null when that does
   * not apply (older snapshots, two connections: everyone must be read to be matched).
   */
  private diffByIndex(environmentId: string, fromId: number, toId: number): SnapshotDiff | null {
    const from = this.store.get(environmentId, fromId);
    const to = this.store.get(environmentId, toId);
    if (!from || !to || from.connectionId !== to.connectionId || from.state === 'pulling' || to.state === 'pulling') return null;
    if (this.store.data(environmentId, fromId)?.length !== 0 || this.store.data(environmentId, toId)?.length !== 0) return null;
    try {
      const a = readIndex(this.store, fromId);
      const b = readIndex(this.store, toId);
      const differing = new Set<string>();
      let unchanged = 0;
      for (const [id, entry] of a.people) {
        const other = b.people.get(id);
        if (other && samePerson(entry, other)) unchanged += 1;
        else differing.add(id);
      }
      for (const id of b.people.keys()) if (!a.people.has(id)) differing.add(id);
      return diffSnapshots(from, contentFor(this.store, fromId, a, differing), to, contentFor(this.store, toId, b, differing), unchanged);
    } catch (error) {
      throw new WorkbenchError(
        'internal',
        `Snapshots ${fromId} and ${toId} cannot be read (${(error as Error).message}); delete them and take new ones.`,
      );
    }
  }

  private async load(environmentId: string, id: number): Promise<[SnapshotSummary, SnapshotContent]> {
    const summary = this.store.get(environmentId, id);
    const data = this.store.data(environmentId, id);
    if (!summary || !data) throw new WorkbenchError('not_found', `No snapshot ${id} in this environment (it may have been deleted).`);
    if (summary.state === 'pulling')
      throw new WorkbenchError('conflict', `Snapshot ${id} is still being taken; compare it when it is done.`);
    try {
      return [summary, data.length > 0 ? await decompress(data) : assembleContent(this.store.parts(id))];
    } catch (error) {
      throw new WorkbenchError('internal', `Snapshot ${id} cannot be read (${(error as Error).message}); delete it and take a new one.`);
    }
  }
}
