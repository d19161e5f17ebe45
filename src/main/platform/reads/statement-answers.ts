/**
 * The items of a pay-statement batch answer, read either from the parsed answer or, for a
 * sink that stores the bytes (a snapshot), straight from the bytes: then each payment's
 * statements are counted and located there and parsed only if someone asks for them.
 */
import type { RawAnswer } from '../finch/gateway';
import { readRawBatch } from '../json/raw-batch';
import type { RawJson, RawMember } from '../json/raw-json';
import { RawJson as Json } from '../json/raw-json';
import type { JsonRecord, StatementsPage } from './connection-stream';
import type { RawRecords } from './raw-records';
import { statementLists } from './raw-records';

export interface StatementAnswer {
  /** What the sink is handed; from the bytes, its `statements` are parsed when first read. */
  page: StatementsPage & { count: number };
  paging: { count?: number; offset?: number };
  /** Where the statements array sits in the answer's bytes, when known. */
  list: () => RawRecords | null;
}

/** From the parsed answer (the bytes, if kept beside it, located on demand). */
export function parsedStatementAnswers(data: unknown): StatementAnswer[] {
  const responses = (data as { responses?: unknown[] } | null)?.responses ?? [];
  let lists: RawRecords | null | undefined;
  const listsOf = () => (lists === undefined ? (lists = statementLists(data, responses.length)) : lists);
  return responses.map((response, index) => {
    const r = (response ?? {}) as { payment_id?: string; code?: number; body?: unknown };
    const code = typeof r.code === 'number' ? r.code : null;
    const page = (code === 200 ? (r.body ?? {}) : {}) as { pay_statements?: JsonRecord[]; paging?: StatementAnswer['paging'] };
    const statements = page.pay_statements ?? [];
    return {
      page: { paymentId: r.payment_id ?? '', code, statements, error: code === 200 ? null : (r.body ?? null), count: statements.length },
      paging: page.paging ?? {},
      list: () => {
        const found = listsOf()?.spans[index];
        return found && page.pay_statements ? { json: lists!.json, spans: [found] } : null;
      },
    };
  });
}

/** From the bytes, unparsed; the parsed reading when the bytes are not written the way raw-batch reads. */
export function statementAnswersFromBytes(answer: RawAnswer): StatementAnswer[] {
  const batch = readRawBatch(answer.bytes, true);
  if (!batch) return parsedStatementAnswers(answer.value());
  const { json } = batch;
  return batch.items.map((item) => {
    const body = item.body?.members ?? null;
    const listMember = item.code === 200 ? Json.member(body, 'pay_statements') : null;
    const list = listMember?.count !== undefined ? listMember : null;
    const pagingMember = item.code === 200 ? Json.member(body, 'paging') : null;
    const paging = (pagingMember ? json.valueAt(pagingMember) : null) as StatementAnswer['paging'] | null;
    const error = item.code === 200 ? null : item.body ? json.valueAt(item.body) : null;
    return {
      page: lazyPage(item.id, item.code, json, list, error),
      paging: paging && typeof paging === 'object' ? paging : {},
      list: () => (list ? { json, spans: [list] } : null),
    };
  });
}

/**
 * A page whose `statements` are parsed from `list` the first time they are read: an own,
 * enumerable property in the place a plain page has it, so a copy or JSON.stringify of the
 * page is that of a plain one.
 */
function lazyPage(paymentId: string, code: number | null, json: RawJson, list: RawMember | null, error: unknown): StatementAnswer['page'] {
  let parsed: JsonRecord[] | null = null;
  const page = { paymentId, code } as StatementAnswer['page'];
  Object.defineProperty(page, 'statements', {
    enumerable: true,
    get: () => (parsed ??= list ? (json.valueAt(list) as JsonRecord[]) : []),
  });
  page.error = error;
  page.count = list?.count ?? 0;
  return page;
}
