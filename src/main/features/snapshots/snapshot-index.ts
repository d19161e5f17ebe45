/**
 * A part-stored snapshot read for a diff without opening every part: each person's records
 * are known by id and hash from the parts' summaries, so between two snapshots of one
 * connection only the people whose hashes differ (or who are on one side only) are read in
 * full; pay statements are known by their counts. A 100,000-person diff where little changed
 * then opens a handful of parts instead of decompressing and parsing the whole company twice.
 */
import type { JsonRecord } from '@main/platform/reads/connection-pull';
import type { BatchItem } from '@main/platform/reads/batch-reader';
import type { SnapshotContent } from './snapshot-content';
import type { PartKind, SnapshotStore, StoredPart } from './snapshot-store';
import { decodePart } from './part-codec';
import { textOf } from '@main/platform/json/text-of';
import type { PersonHash, StatementsSummary } from './snapshot-writer';

type PersonPart = 'directory' | 'individuals' | 'employments';
const PERSON_PARTS: readonly PersonPart[] = ['directory', 'individuals', 'employments'];

interface Located {
  hash: string;
  seq: number;
}

export interface SnapshotIndex {
  people: Map<string, Partial<Record<PersonPart, Located>>>;
  company: JsonRecord | null;
  payments: JsonRecord[];
  statements: Map<string, { code: number | null; count: number }>;
  products: SnapshotContent['products'];
}

const decode = (part: StoredPart | null): unknown[] => (part ? (JSON.parse(textOf(decodePart(part))) as unknown[]) : []);

export function readIndex(store: SnapshotStore, snapshotId: number): SnapshotIndex {
  const index: SnapshotIndex = { people: new Map(), company: null, payments: [], statements: new Map(), products: {} };
  const small = (seq: number) => decode(store.part(snapshotId, seq));
  for (const { seq, kind, summary } of store.summaries(snapshotId)) {
    if (kind === 'directory' || kind === 'individuals' || kind === 'employments') {
      for (const [id, hash] of JSON.parse(summary ?? '[]') as PersonHash[]) {
        const entry = index.people.get(id) ?? {};
        entry[kind] = { hash, seq };
        index.people.set(id, entry);
      }
    } else if (kind === 'pay_statements') {
      const s = JSON.parse(summary ?? '{}') as StatementsSummary;
      const before = index.statements.get(s.paymentId);
      index.statements.set(s.paymentId, { code: s.code, count: (before?.count ?? 0) + s.statements });
    } else if (kind === 'company') index.company = (small(seq)[0] as JsonRecord | undefined) ?? null;
    else if (kind === 'payments') index.payments.push(...(small(seq) as JsonRecord[]));
    else if (kind === 'products') index.products = small(seq)[0] as SnapshotContent['products'];
  }
  return index;
}

/** Same records on both sides (by hash), part by part, including a part missing on both. */
export function samePerson(a: Partial<Record<PersonPart, Located>>, b: Partial<Record<PersonPart, Located>>): boolean {
  return PERSON_PARTS.every((part) => a[part]?.hash === b[part]?.hash);
}

/** The content of a snapshot restricted to `ids` (read from just the parts that hold them). */
export function contentFor(store: SnapshotStore, snapshotId: number, index: SnapshotIndex, ids: ReadonlySet<string>): SnapshotContent {
  const seqs = new Set<number>();
  for (const id of ids) for (const located of Object.values(index.people.get(id) ?? {})) seqs.add(located.seq);
  const content: SnapshotContent = {
    format: 1,
    company: index.company,
    directory: [],
    individuals: [],
    employments: [],
    payments: index.payments,
    payStatements: [...index.statements].map(([paymentId, s]) => ({
      paymentId,
      code: s.code,
      statements: [],
      error: null,
      count: s.count,
    })),
    products: index.products,
  };
  for (const seq of [...seqs].sort((x, y) => x - y)) {
    const part = store.part(snapshotId, seq);
    if (!part) continue;
    const kind: PartKind = part.kind;
    const wanted = (decode(part) as { id?: unknown }[]).filter((r) => typeof r.id === 'string' && ids.has(r.id));
    if (kind === 'directory') content.directory.push(...(wanted as JsonRecord[]));
    else if (kind === 'individuals') content.individuals.push(...(wanted as BatchItem[]));
    else if (kind === 'employments') content.employments.push(...(wanted as BatchItem[]));
  }
  return content;
}
