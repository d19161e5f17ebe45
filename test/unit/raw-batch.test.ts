/**
 * A snapshot's batch answers read from their bytes, never parsed whole (json/raw-batch.ts,
 * reads/raw-records.ts, reads/statement-answers.ts): what the pull hands its sink must be what
 * the parsed answer gives, item for item, and a body is parsed only when someone reads it.
 */
import { describe, expect, it } from 'vitest';
import { readRawBatch } from '@main/platform/json/raw-batch';
import type { RawAnswer } from '@main/platform/finch/gateway';
import { batchItemsFromBytes, toBatchItem } from '@main/platform/reads/raw-records';
import { parsedStatementAnswers, statementAnswersFromBytes } from '@main/platform/reads/statement-answers';

function answerOf(text: string): RawAnswer & { parses: () => number } {
  let parses = 0;
  const bytes = new Uint8Array(Buffer.from(text));
  return {
    bytes,
    value: () => {
      parses += 1;
      return JSON.parse(text);
    },
    parses: () => parses,
  };
}

const ITEMS =
  '{"responses":[{"individual_id":"a","code":200,"body":{"id":"a","name":"Zoë","ssn":null}},' +
  '{"individual_id":"b","code":404,"body":{"code":404,"message":"not found"}},' +
  '{"individual_id":"c\\u0041","code":200}]}';

const STATEMENTS =
  '{"responses":[{"payment_id":"p1","code":200,"body":{"paging":{"count":3,"offset":0},"pay_statements":[{"individual_id":"a","gross_pay":{"amount":1.5}},{"individual_id":"b"}]}},' +
  '{"payment_id":"p2","code":404,"body":{"code":404,"message":"no such payment"}},' +
  '{"payment_id":"p3","code":200,"body":{"paging":{"count":0,"offset":0},"pay_statements":null}}]}';

describe('batch answers read from their bytes', () => {
  it('hands on the same items as the parsed answer, and parses a body only when it is read', () => {
    const answer = answerOf(ITEMS);
    const { items, raw } = batchItemsFromBytes(answer);
    expect(answer.parses()).toBe(0);
    const parsed = (JSON.parse(ITEMS) as { responses: unknown[] }).responses.map(toBatchItem);
    // Copies and JSON.stringify see plain items: the lazy body is an own property in its place.
    expect(items.map((item) => ({ ...item }))).toEqual(parsed);
    expect(JSON.stringify(items)).toBe(JSON.stringify(parsed));
    expect(items.map((item) => item.id)).toEqual(['a', 'b', 'cA']);
    const bytes = Buffer.from(ITEMS);
    expect(raw!.spans.map((span) => (span ? bytes.subarray(span.start, span.end).toString() : null))).toEqual([
      '{"id":"a","name":"Zoë","ssn":null}',
      '{"code":404,"message":"not found"}',
      null,
    ]);
  });

  it('falls back to parsing what it does not read the compact way, and refuses what is not JSON', () => {
    const spaced = answerOf(ITEMS.replace('"code":404,', '"code":404, '));
    expect(readRawBatch(spaced.bytes, false)).toBeNull();
    const { items, raw } = batchItemsFromBytes(spaced);
    expect([spaced.parses(), raw, items[1]!.code]).toEqual([1, null, 404]);

    const broken = answerOf(ITEMS.replace('"Zoë"', '"Zoë'));
    expect(readRawBatch(broken.bytes, false)).toBeNull();
    expect(() => batchItemsFromBytes(broken)).toThrow(SyntaxError);
  });

  it('reads pay-statement items as the parsed answer does: pages, counts, paging and errors', () => {
    const answer = answerOf(STATEMENTS);
    const fromBytes = statementAnswersFromBytes(answer);
    const parsed = parsedStatementAnswers(JSON.parse(STATEMENTS));
    expect(answer.parses()).toBe(0);
    expect(fromBytes.map((a) => [a.page.count, a.paging])).toEqual(parsed.map((a) => [a.page.count, a.paging]));
    expect(fromBytes.map((a) => a.page.count)).toEqual([2, 0, 0]);
    expect(JSON.stringify(fromBytes.map((a) => a.page))).toBe(JSON.stringify(parsed.map((a) => a.page)));
    const list = fromBytes[0]!.list()!;
    expect(STATEMENTS.slice(list.spans[0]!.start, list.spans[0]!.end)).toBe(
      '[{"individual_id":"a","gross_pay":{"amount":1.5}},{"individual_id":"b"}]',
    );
    expect(fromBytes[1]!.page.error).toEqual({ code: 404, message: 'no such payment' });
    expect(fromBytes[2]!.list()).toBeNull();
  });
});
