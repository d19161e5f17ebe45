/**
 * The sink of a snapshot's pull: each page is counted, stripped of SSNs, compressed (zlib's
 * thread pool, off main's thread) and written as one part the moment it arrives, so main never
 * holds more than the pages in flight, and a cancelled pull keeps every page that came in
 * before the cancel. Part numbers are given in arrival order, before compression, so the parts
 * read back in the order the pages came.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { SnapshotSummary } from '@shared/domain/snapshots';
import type { BatchItem } from '@main/platform/reads/batch-reader';
import type { JsonRecord, PullOutcome, PullSink, StatementsPage } from '@main/platform/reads/connection-stream';
import type { PartKind, SnapshotStore } from './snapshot-store';
import { withoutSsn } from './snapshot-content';

const gzipAsync = promisify(gzip);

export class SnapshotWriter {
  readonly counts: SnapshotSummary['counts'] = { people: 0, individuals: 0, employments: 0, payments: 0, payStatements: 0, itemErrors: 0 };
  private seq = 0;
  private readonly pending = new Set<Promise<void>>();
  private failure: Error | null = null;

  constructor(
    private readonly store: SnapshotStore,
    private readonly snapshotId: number,
  ) {}

  readonly sink: PullSink = {
    company: (record: JsonRecord) => this.write('company', [record], 1),
    directory: (people: JsonRecord[]) => {
      this.counts.people += people.length;
      this.write('directory', people, people.length);
    },
    individuals: (items: BatchItem[]) => {
      this.countItems(items, 'individuals');
      this.write(
        'individuals',
        items.map((item) => ({ ...item, body: withoutSsn(item.body) })),
        items.length,
      );
    },
    employments: (items: BatchItem[]) => {
      this.countItems(items, 'employments');
      this.write('employments', items, items.length);
    },
    payments: (records: JsonRecord[]) => {
      this.counts.payments += records.length;
      this.write('payments', records, records.length);
    },
    payStatements: (page: StatementsPage) => {
      if (page.code !== 200) this.counts.itemErrors += 1;
      this.counts.payStatements += page.statements.length;
      this.write('pay_statements', [page], page.statements.length);
    },
  };

  /** Per product: its status and message (what a diff needs to say what was not compared). */
  products(outcome: PullOutcome): void {
    const products = Object.fromEntries(Object.entries(outcome.products).map(([p, s]) => [p, { status: s.status, message: s.message }]));
    this.write('products', [products], 0);
  }

  /** Waits until every page handed on so far is written; throws if one could not be. */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
    if (this.failure) throw this.failure;
  }

  private countItems(items: BatchItem[], field: 'individuals' | 'employments'): void {
    for (const item of items) {
      if (item.code === 200) this.counts[field] += 1;
      else this.counts.itemErrors += 1;
    }
  }

  private write(kind: PartKind, records: unknown[], count: number): void {
    const seq = this.seq++;
    const json = Buffer.from(JSON.stringify(records), 'utf8');
    const written: Promise<void> = gzipAsync(json, { level: 6 })
      .then((data) => this.store.addPart(this.snapshotId, seq, kind, count, data))
      .catch((error: unknown) => {
        this.failure ??= error instanceof Error ? error : new Error(String(error));
      })
      .finally(() => this.pending.delete(written));
    this.pending.add(written);
  }
}
