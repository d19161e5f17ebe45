/**
 * What a snapshot keeps: the pull's records as Finch sent them, minus SSNs (a snapshot is
 * personal data at rest; an SSN is the one value not worth that risk), gzip-compressed.
 */
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { PullStatus } from '@shared/domain/coverage';
import type { ConnectionPull, JsonRecord } from '@main/platform/reads/connection-pull';

/** The pull's records (individuals without SSNs) and, per product, only its status and message. */
export interface SnapshotContent extends Pick<
  ConnectionPull,
  'company' | 'directory' | 'individuals' | 'employments' | 'payments' | 'payStatements'
> {
  format: 1;
  products: Record<string, { status: PullStatus; message: string | null }>;
}

const SSN_FIELDS = ['ssn', 'encrypted_ssn'];

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

function withoutSsn(body: unknown): unknown {
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
