/**
 * A batch answer (`{"responses":[{"individual_id" or "payment_id", "code", "body"}…]}`) read
 * from its bytes, never parsed whole: each item's id and code, and where its body sits. A
 * snapshot stores the bodies as they came, so parsing 10,000 of them (and collecting the
 * garbage after) was most of what a big pull cost main. Read once per answer: the request log's
 * summary of item errors and the pull share it.
 */
import type { RawMember } from './raw-json';
import { RawJson } from './raw-json';

export interface RawBatchItem {
  id: string;
  code: number | null;
  /** The item's body, with its own members when the batch was read with `bodies`; null when absent. */
  body: RawMember | null;
}

export interface RawBatch {
  json: RawJson;
  items: RawBatchItem[];
}

const read = new WeakMap<Uint8Array, { bodies: boolean; batch: RawBatch | null }>();

/**
 * The items of a batch answer; `bodies` also reads each body's members (pay statements: where
 * `pay_statements` and `paging` sit). Null when the bytes are not written the compact way this
 * reads (whitespace, a missing list), or are not JSON: the caller parses them instead.
 */
export function readRawBatch(bytes: Uint8Array, bodies: boolean): RawBatch | null {
  const known = read.get(bytes);
  if (known && known.bodies === bodies) return known.batch;
  const batch = scan(bytes, bodies);
  read.set(bytes, { bodies, batch });
  return batch;
}

function scan(bytes: Uint8Array, bodies: boolean): RawBatch | null {
  const json = RawJson.of(bytes);
  if (!json) return null;
  try {
    const root = json.root('responses', bodies ? 'body' : null);
    if (!root) return null;
    const items: RawBatchItem[] = [];
    for (const members of root.elements) {
      if (!members) return null;
      const idMember = RawJson.member(members, 'individual_id') ?? RawJson.member(members, 'payment_id');
      const codeMember = RawJson.member(members, 'code');
      const id = idMember ? json.stringAt(idMember) : null;
      const code = codeMember ? json.integerAt(codeMember) : null;
      items.push({ id: id ?? '', code: typeof code === 'number' ? code : null, body: RawJson.member(members, 'body') });
    }
    return { json, items };
  } catch {
    // Not JSON: the caller's JSON.parse says so, as it did before this shortcut.
    return null;
  }
}
