/**
 * The sink of a snapshot's pull: each page is counted, stripped of SSNs, compressed (in zlib's
 * thread pool, off main's thread: part-codec.ts) and written as one part the moment it arrives,
 * so main never holds more than the pages in flight, and a cancelled pull keeps every page
 * that came in before the cancel. Part numbers are given in arrival order, before compression,
 * so the parts read back in the order the pages came.
 */
import type { SnapshotSummary } from '@shared/domain/snapshots';
import type { BatchItem } from '@main/platform/reads/batch-reader';
import type { JsonRecord, PullOutcome, PullSink, RawLookup, StatementsPage } from '@main/platform/reads/connection-stream';
import type { PartKind, SnapshotStore } from './snapshot-store';
import { PartBuffer } from './part-buffer';
import type { RawRecords } from '@main/platform/reads/raw-records';
import type { RawEncoder } from './raw-encoders';
import { rawItems, rawRecords, rawSize, rawStatementsPage } from './raw-encoders';
import { withoutSsn } from './snapshot-content';
import { PART_ENCODING, encodePart } from './part-codec';

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
    directory: (people: JsonRecord[], _offset: number, raw?: RawLookup) => {
      this.counts.people += people.length;
      this.write('directory', people, people.length, null, fromBytes(raw, rawRecords));
    },
    individuals: (items: BatchItem[], raw?: RawLookup) => {
      this.countItems(items, 'individuals');
      // Copied from the bytes, the SSN fields are left out there; stringified, from a copy without them.
      this.write(
        'individuals',
        items,
        items.length,
        null,
        fromBytes(raw, (found) => rawItems(found, true)),
        (item) => withoutSsnItem(item as BatchItem),
      );
    },
    employments: (items: BatchItem[], raw?: RawLookup) => {
      this.countItems(items, 'employments');
      this.write(
        'employments',
        items,
        items.length,
        null,
        fromBytes(raw, (found) => rawItems(found, false)),
      );
    },
    payments: (records: JsonRecord[]) => {
      this.counts.payments += records.length;
      this.write('payments', records, records.length);
    },
    payStatements: (page: StatementsPage, raw?: RawLookup) => {
      // `count`, when the pull gives it: the statements themselves are then parsed only if read.
      const statements = page.count ?? page.statements.length;
      if (page.code !== 200) this.counts.itemErrors += 1;
      this.counts.payStatements += statements;
      const summary: StatementsSummary = { paymentId: page.paymentId, code: page.code, statements };
      this.write('pay_statements', [page], statements, JSON.stringify(summary), fromBytes(raw, rawStatementsPage), storedPage);
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
   * Writes the page record by record into one buffer — copied from the answer's bytes where
   * `raw` can, stringified otherwise (the same bytes either way) — so each person's record can
   * be hashed on the way: the part's summary lists `[id, hash]` for a fast diff. `stored` is
   * what a record is stringified as when it is not copied (individuals: without SSNs).
   */
  private write(
    kind: PartKind,
    records: unknown[],
    count: number,
    summary: string | null = null,
    raw: FromBytes | null = null,
    stored: (record: unknown) => unknown = (record) => record,
  ): void {
    const seq = this.seq++;
    const people = kind === 'directory' || kind === 'individuals' || kind === 'employments';
    const out = new PartBuffer(raw ? raw.bytes : 256 * records.length);
    const hashes: PersonHash[] = [];
    out.text('[');
    records.forEach((record, i) => {
      if (i > 0) out.text(',');
      const from = out.position;
      if (!raw?.encoder(record, i, out)) out.text(JSON.stringify(stored(record)));
      if (people) hashes.push([personId(record), out.hashSince(from)]);
    });
    out.text(']');
    const index = people ? JSON.stringify(hashes) : summary;
    const input = out.done();
    const written: Promise<void> = encodePart(input)
      .finally(() => out.release())
      .then((data) => this.store.addPart(this.snapshotId, seq, kind, count, data, index, PART_ENCODING))
      .catch((error: unknown) => {
        this.failure ??= error instanceof Error ? error : new Error(String(error));
      })
      .finally(() => this.pending.delete(written));
    this.pending.add(written);
  }
}

const withoutSsnItem = (item: BatchItem): BatchItem => ({ ...item, body: withoutSsn(item.body) });
/** A statements page as stored: these four fields, whatever else the pull's page carries. */
const storedPage = (record: unknown): StatementsPage => {
  const page = record as StatementsPage;
  return { paymentId: page.paymentId, code: page.code, statements: page.statements, error: page.error };
};

interface FromBytes {
  encoder: RawEncoder;
  /** About how big the part will be. */
  bytes: number;
}

/** The page's records located in their answer (the scan runs here, for this sink), or null. */
function fromBytes(raw: RawLookup | undefined, encoder: (found: RawRecords) => RawEncoder): FromBytes | null {
  const found = raw?.();
  return found ? { encoder: encoder(found), bytes: rawSize(found) } : null;
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
