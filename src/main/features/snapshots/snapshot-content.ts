/**
 * What a snapshot keeps: the pull's records as Finch sent them, minus SSNs (a snapshot is
 * personal data at rest; an SSN is the one value not worth that risk), compressed — one gzip
 * document per snapshot before migration 012, one part per page since (gzip, then brotli since
 * migration 014: part-codec.ts).
 */
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { PullStatus } from '@shared/domain/coverage';
import type { ConnectionPull, JsonRecord } from '@main/platform/reads/connection-pull';
import { PullCollector } from '@main/platform/reads/connection-pull';
import type { BatchItem } from '@main/platform/reads/batch-reader';
import type { StatementsPage } from '@main/platform/reads/connection-stream';
import type { StoredPart } from './snapshot-store';
import { decodePart } from './part-codec';
import { textOf } from '@main/platform/json/text-of';

/** The pull's records (individuals without SSNs) and, per product, only its status and message. */
export interface SnapshotContent extends Pick<
  ConnectionPull,
  'company' | 'directory' | 'individuals' | 'employments' | 'payments' | 'payStatements'
> {
  format: 1;
  products: Record<string, { status: PullStatus; message: string | null }>;
}

export const SSN_FIELDS = ['ssn', 'encrypted_ssn'];

export function contentOf(pull: ConnectionPull): SnapshotContent {
  return {
    format: 1,
    company: pull.company,
    directory: pull.directory,
    individuals: pull.individuals.map((item) => ({ ...item, body: withoutSsn(item.body) })),
    employments: pull.employments,
    payments: pull.payments,
    payStatements: pull.payStatements,
    products: Object.fromEntries(Object.entries(pull.products).map(([p, s]) => [p, { status: s.status, message: s.message }])),
  };
}

export function withoutSsn(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const copy = { ...(body as JsonRecord) };
  for (const field of SSN_FIELDS) delete copy[field];
  return copy;
}

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export async function compress(content: SnapshotContent): Promise<Buffer> {
  return gzipAsync(Buffer.from(JSON.stringify(content), 'utf8'), { level: 6 });
}

export async function decompress(data: Buffer): Promise<SnapshotContent> {
  const parsed = JSON.parse((await gunzipAsync(data)).toString('utf8')) as SnapshotContent;
  if (parsed.format !== 1) throw new Error(`Unknown snapshot format ${String(parsed.format)}`);
  return parsed;
}

/** A snapshot stored in parts, read back into one content (pages in the order they came). */
export function assembleContent(parts: Iterable<Omit<StoredPart, 'seq'>>): SnapshotContent {
  const collector = new PullCollector();
  let products: SnapshotContent['products'] = {};
  for (const part of parts) {
    const records = JSON.parse(textOf(decodePart(part))) as unknown[];
    switch (part.kind) {
      case 'company':
        collector.sink.company(records[0] as JsonRecord);
        break;
      case 'directory':
        collector.sink.directory(records as JsonRecord[]);
        break;
      case 'individuals':
        collector.sink.individuals(records as BatchItem[]);
        break;
      case 'employments':
        collector.sink.employments(records as BatchItem[]);
        break;
      case 'payments':
        collector.sink.payments(records as JsonRecord[]);
        break;
      case 'pay_statements':
        for (const page of records as StatementsPage[]) collector.sink.payStatements(page);
        break;
      case 'products':
        products = records[0] as SnapshotContent['products'];
        break;
    }
  }
  const { company, directory, individuals, employments, payments, payStatements } = collector.pull({
    startDate: '',
    endDate: '',
    products: {} as ConnectionPull['products'],
  });
  return { format: 1, company, directory, individuals, employments, payments, payStatements, products };
}
