/**
 * The sink of a snapshot's pull: each page is counted, stripped of SSNs, compressed (zlib's
 * thread pool, off main's thread) and written as one part the moment it arrives, so main never
 * holds more than the pages in flight, and a cancelled pull keeps every page that came in
 * before the cancel. Part numbers are given in arrival order, before compression, so the parts
 * read back in the order the pages came.
 */
import { createHash } from 'node:crypto';
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
      const summary: StatementsSummary = { paymentId: page.paymentId, code: page.code, statements: page.statements.length };
      this.write('pay_statements', [page], page.statements.length, JSON.stringify(summary));
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

  /**
   * Stringifies the page record by record (the same bytes as the whole array), so each person's
   * record can be hashed on the way: the part's summary lists `[id, hash]` for a fast diff.
   */
  private write(kind: PartKind, records: unknown[], count: number, summary: string | null = null): void {
    const seq = this.seq++;
    const people = kind === 'directory' || kind === 'individuals' || kind === 'employments';
    // The records' texts are joined and encoded once: a Buffer per record (5,000 a page) cost
    // twice the time of the stringify itself. The page's bytes are what is held until compressed.
    const texts: string[] = new Array<string>(records.length);
    const hashes: PersonHash[] = [];
    records.forEach((record, i) => {
      const text = JSON.stringify(record);
      if (people) hashes.push([personId(record), hashOf(text)]);
      texts[i] = text;
    });
    const index = people ? JSON.stringify(hashes) : summary;
    const json = Buffer.from(`[${texts.join(',')}]`, 'utf8');
    const written: Promise<void> = gzipAsync(json, { level: 6 })
      .then((data) => this.store.addPart(this.snapshotId, seq, kind, count, data, index))
      .catch((error: unknown) => {
        this.failure ??= error instanceof Error ? error : new Error(String(error));
      })
      .finally(() => this.pending.delete(written));
    this.pending.add(written);
  }
}

/** A person part's summary entry: the record's id and a hash of its JSON. */
export type PersonHash = [id: string, hash: string];
/** A pay-statement part's summary. */
export interface StatementsSummary {
  paymentId: string;
  code: number | null;
  statements: number;
}

function personId(record: unknown): string {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : '';
}

const hashOf = (text: string): string => createHash('sha1').update(text).digest('base64').slice(0, 20);
