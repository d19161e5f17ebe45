/**
 * Where the records a pull hands on sit in the bytes of their answer (raw-json.ts), found as
 * the page is handed to its sink: a directory page's people, a batch's item bodies, a
 * pay-statement item's statements. Null whenever the bytes were not kept or do not line up
 * with the parsed records (the sink then encodes the parsed records itself).
 */
import type { RawAnswer } from '../finch/gateway';
import { rawAnswerOf } from '../finch/raw-answer';
import { readRawBatch } from '../json/raw-batch';
import type { BatchItem } from './batch-reader';
import type { RawSpan } from '../json/raw-json';
import { RawJson } from '../json/raw-json';

/** One span per record handed on, in order; null where the record has no bytes of its own. */
export interface RawRecords {
  json: RawJson;
  spans: readonly (RawSpan | null)[];
}

function located<T>(body: unknown, find: (json: RawJson) => T | null): T | null {
  const bytes = rawAnswerOf(body);
  const json = bytes ? RawJson.of(bytes) : null;
  if (!json) return null;
  try {
    return find(json);
  } catch {
    // Bytes that do not scan as expected are only a lost shortcut.
    return null;
  }
}

/** A directory page's people (`individuals[i]`). */
export function directoryRecords(body: unknown, people: number): RawRecords | null {
  return located(body, (json) => {
    const list = json.find(0, 'individuals');
    const spans = list >= 0 ? json.elements(list) : null;
    return spans && spans.length === people ? { json, spans } : null;
  });
}

/** Each batch item's `body` (`responses[i].body`), or null where an item has none. */
export function batchBodies(body: unknown, items: number): RawRecords | null {
  return located(body, (json) => {
    const elements = responseElements(json, items, null);
    return elements ? { json, spans: elements.map((members) => RawJson.member(members, 'body')) } : null;
  });
}

/** Each pay-statement item's statements (`responses[i].body.pay_statements`), or null where it has none. */
export function statementLists(body: unknown, items: number): RawRecords | null {
  return located(body, (json) => {
    const elements = responseElements(json, items, 'body');
    if (!elements) return null;
    return { json, spans: elements.map((members) => RawJson.member(RawJson.member(members, 'body')?.members ?? null, 'pay_statements')) };
  });
}

/** The members of each `responses[i]` (and of its `descend` member), if there are `items` of them. */
function responseElements(json: RawJson, items: number, descend: string | null): ReturnType<RawJson['objectElements']> {
  const responses = json.find(0, 'responses');
  const elements = responses >= 0 ? json.objectElements(responses, descend) : null;
  return elements && elements.length === items ? elements : null;
}

/**
 * A batch answer's items read from its bytes, unparsed (a pull for a snapshot): each item's id
 * and code, its body parsed only if read, and where the bodies sit. The parsed reading (and no
 * spans) when the bytes are not written the way raw-batch reads.
 */
export function batchItemsFromBytes(answer: RawAnswer): { items: BatchItem[]; raw: RawRecords | null } {
  const batch = readRawBatch(answer.bytes, false);
  if (!batch) {
    const responses = (answer.value() as { responses?: unknown[] } | null)?.responses ?? [];
    return { items: responses.map(toBatchItem), raw: null };
  }
  const { json } = batch;
  const items = batch.items.map((item) => lazyItem(item.id, item.code, json, item.body));
  return { items, raw: { json, spans: batch.items.map((item) => item.body) } };
}

/** A batch answer's item as the pull hands it on. */
export function toBatchItem(response: unknown): BatchItem {
  const r = (response ?? {}) as { individual_id?: string; payment_id?: string; code?: number | null; body?: unknown };
  return { id: r.individual_id ?? r.payment_id ?? '', code: typeof r.code === 'number' ? r.code : null, body: r.body ?? null };
}

/**
 * `{id, code, body}` whose body is parsed when first read: an own, enumerable getter (an object
 * literal's), so copies and JSON.stringify see a plain item. A literal, not defineProperty on a
 * new object: one shape for every item, and no descriptor or second closure per item.
 */
function lazyItem(id: string, code: number | null, json: RawJson, span: RawSpan | null): BatchItem {
  let parsed: { value: unknown } | null = null;
  return {
    id,
    code,
    get body(): unknown {
      return (parsed ??= { value: span ? json.valueAt(span) : null }).value;
    },
  };
}
