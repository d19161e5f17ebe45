/**
 * A page's records written from the bytes Finch sent (raw-records.ts) instead of re-encoding
 * the parsed records: the same bytes JSON.stringify would give, so a record's hash is the one
 * an older snapshot holds for it and diffs across them match people by hash as before. A
 * record whose bytes would not come out the same (raw-json.ts: `canonical`) is not written
 * here: the writer stringifies it.
 */
import type { BatchItem } from '@main/platform/reads/batch-reader';
import type { StatementsPage } from '@main/platform/reads/connection-stream';
import type { RawRecords } from '@main/platform/reads/raw-records';
import type { PartBuffer } from './part-buffer';
import { SSN_FIELDS } from './snapshot-content';

/** Writes record `index` from the answer's bytes; false (nothing written) when it cannot. */
export type RawEncoder = (record: unknown, index: number, out: PartBuffer) => boolean;

const LBRACE = 123;
const bufferOf = (raw: RawRecords): Buffer => Buffer.from(raw.json.bytes.buffer, raw.json.bytes.byteOffset, raw.json.bytes.byteLength);

/** About how many bytes a part written from `raw` takes (its records' bytes, plus room for the item wrappers). */
export function rawSize(raw: RawRecords): number {
  let bytes = 0;
  for (const span of raw.spans) bytes += span ? span.end - span.start + 64 : 64;
  return bytes + 2;
}

/** Records stored as Finch sent them (directory people). */
export function rawRecords(raw: RawRecords): RawEncoder {
  const bytes = bufferOf(raw);
  return (_record, index, out) => {
    const span = raw.spans[index];
    if (!span?.canonical) return false;
    out.bytes(bytes, span.start, span.end);
    return true;
  };
}

/** Batch items stored as `{id, code, body}`, the body without SSNs when `withoutSsn` (snapshot-content.ts). */
export function rawItems(raw: RawRecords, withoutSsn: boolean): RawEncoder {
  const bytes = bufferOf(raw);
  return (record, index, out) => {
    const item = record as BatchItem;
    const span = raw.spans[index];
    if (!span) return false;
    // Whether the body has SSN fields is read from its bytes: the item's parsed body may not exist (fromBytes).
    const kept = withoutSsn && raw.json.bytes[span.start] === LBRACE ? raw.json.without(span.start, SSN_FIELDS) : null;
    if (!kept || kept.dropped === 0) {
      if (!span.canonical) return false;
      itemHead(item, out);
      out.bytes(bytes, span.start, span.end);
      out.text('}');
      return true;
    }
    // The body's other members, key and value, in the order they came (as a copy without the SSN fields is).
    if (!kept.canonical) return false;
    itemHead(item, out);
    out.text('{');
    // Runs of kept members are copied whole (with the commas between them).
    for (let r = 0; r < kept.runs.length; r += 2) {
      if (r > 0) out.text(',');
      out.bytes(bytes, kept.runs[r]!, kept.runs[r + 1]!);
    }
    out.text('}}');
    return true;
  };
}

/** `{"id":…,"code":…,"body":` as JSON.stringify writes it, in pieces (no string per item to collect). */
function itemHead(item: BatchItem, out: PartBuffer): void {
  out.text('{"id":');
  out.jsonString(item.id);
  let rest = codeHeads.get(item.code);
  if (rest === undefined) {
    rest = `,"code":${JSON.stringify(item.code)},"body":`;
    // An odd server's every code is not kept.
    if (codeHeads.size < 64) codeHeads.set(item.code, rest);
  }
  out.text(rest);
}

/** `,"code":200,"body":` and the like: a handful of codes across a whole pull. */
const codeHeads = new Map<number | null, string>();

/** A pay-statement page (`StatementsPage`) whose statements array is the raw one. */
export function rawStatementsPage(raw: RawRecords): RawEncoder {
  const bytes = bufferOf(raw);
  return (record, _index, out) => {
    const page = record as StatementsPage;
    const span = raw.spans[0];
    if (!span?.canonical) return false;
    out.text(`{"paymentId":${JSON.stringify(page.paymentId)},"code":${JSON.stringify(page.code)},"statements":`);
    out.bytes(bytes, span.start, span.end);
    out.text(`,"error":${JSON.stringify(page.error)}}`);
    return true;
  };
}
