/**
 * A big pull holds at most BIG_ANSWERS_IN_FLIGHT big answers (a page's individuals or
 * employments, a pay-statement call) at once, at most STATEMENT_CALLS_IN_HAND of them
 * statement calls: each is tens of MB in main until handled, and before the cap two pages'
 * batches and a statement call were all outstanding together (main grew by 336 MB over a
 * 100,000-person pull). The fake Finch here answers on demand, so the
 * count is exact and does not depend on timing.
 */
import { describe, expect, it } from 'vitest';
import { AnswerSlots } from '@main/platform/reads/answer-slots';
import type { PullSink } from '@main/platform/reads/connection-stream';
import { streamConnection } from '@main/platform/reads/connection-stream';
import {
  BIG_ANSWERS_IN_FLIGHT,
  CALLS_AT_SERVER,
  DIRECTORY_PAGE,
  DIRECTORY_PAGES_AHEAD,
  STATEMENT_CALLS_IN_HAND,
} from '@main/platform/reads/pull-limits';
import type { ConnectionLifecycle } from '@main/platform/workspace/connection-lifecycle';

const PEOPLE = 25_000;
const PAYMENTS = 6;
const PER_PAYMENT = 8_000;

type Call = { path: string; body: unknown };

/** A Finch that answers every call after a few turns of the event loop, counting big calls outstanding. */
function fakeFinch(pageCap = Number.POSITIVE_INFINITY) {
  let outstanding = 0;
  let most = 0;
  const answer = (call: Call): unknown => {
    if (call.path === 'company') return { id: 'c' };
    if (call.path === 'directory') {
      const { offset, limit } = call.body as { offset: number; limit: number };
      const n = Math.max(0, Math.min(limit, pageCap, PEOPLE - offset));
      return { paging: { count: PEOPLE, offset }, individuals: Array.from({ length: n }, (_, i) => ({ id: `p${offset + i}` })) };
    }
    if (call.path === 'individual' || call.path === 'employment') {
      const { requests } = call.body as { requests: { individual_id: string }[] };
      return { responses: requests.map((r) => ({ individual_id: r.individual_id, code: 200, body: { id: r.individual_id } })) };
    }
    if (call.path === 'payment') {
      return Array.from({ length: PAYMENTS }, (_, p) => ({
        id: `pay${p}`,
        individual_ids: Array.from({ length: PER_PAYMENT }, (_, i) => `p${i}`),
      }));
    }
    const { requests } = call.body as { requests: { payment_id: string; offset: number; limit: number }[] };
    return {
      responses: requests.map((r) => {
        const n = Math.max(0, Math.min(r.limit, PER_PAYMENT - r.offset));
        return {
          payment_id: r.payment_id,
          code: 200,
          body: { paging: { count: PER_PAYMENT, offset: r.offset }, pay_statements: Array.from({ length: n }, () => ({})) },
        };
      }),
    };
  };
  const big = (path: string) => path === 'individual' || path === 'employment' || path === 'pay-statement';
  const directoryOffsets: number[] = [];
  const reply = (path: string) => (body?: unknown) => ({
    big: big(path),
    asked: path === 'directory' && directoryOffsets.push((body as { offset: number }).offset),
    withResponse: async () => {
      if (big(path)) most = Math.max(most, ++outstanding);
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
      const data = answer({ path, body });
      return { data, response: new Response(null, { status: 200 }), done: () => big(path) && outstanding-- };
    },
  });
  const client = {
    hris: {
      company: { retrieve: reply('company') },
      directory: { list: reply('directory') },
      individuals: { retrieveMany: reply('individual') },
      employments: { retrieveMany: reply('employment') },
      payments: { list: reply('payment') },
      payStatements: { retrieveMany: reply('pay-statement') },
    },
  };
  let atServer = 0;
  let mostAtServer = 0;
  let inCall = 0;
  let mostInCall = 0;
  const lifecycle = {
    read: async (
      _e: string,
      _c: string,
      fn: (c: unknown) => { big: boolean; withResponse(): Promise<{ data: unknown; done: () => void }> },
      onAnswering?: () => void,
    ) => {
      const call = fn(client);
      if (call.big) mostAtServer = Math.max(mostAtServer, ++atServer);
      if (call.big) mostInCall = Math.max(mostInCall, ++inCall);
      const answered = call.withResponse();
      // The server has its answer (headers out) a few turns before main has the whole body.
      for (let i = 0; i < 4; i++) await new Promise((r) => setImmediate(r));
      if (call.big) atServer -= 1;
      onAnswering?.();
      const { data, done } = await answered;
      // The body's last bytes: a few more turns.
      for (let i = 0; i < 4; i++) await new Promise((r) => setImmediate(r));
      if (call.big) inCall -= 1;
      // The answer counts as outstanding until main has it in hand and has handed it on.
      queueMicrotask(done);
      return { data, status: 200, requestId: null };
    },
  } as unknown as ConnectionLifecycle;
  return { lifecycle, most: () => most, mostAtServer: () => mostAtServer, mostInCall: () => mostInCall, directoryOffsets };
}

/** A pull granted the directory alone. */
const readDirectory = (finch: ReturnType<typeof fakeFinch>, sink: PullSink) =>
  streamConnection(finch.lifecycle, 'local', 'conn', { startDate: '2026-01-01', endDate: '2026-12-31', granted: ['directory'] }, sink);

const countingSink = () => {
  const counts = { people: 0, individuals: 0, employments: 0, statements: 0 };
  const sink: PullSink = {
    company: () => {},
    directory: (people) => (counts.people += people.length),
    individuals: (items) => (counts.individuals += items.length),
    employments: (items) => (counts.employments += items.length),
    payments: () => {},
    payStatements: (page) => (counts.statements += page.statements.length),
  };
  return { sink, counts };
};

describe('big answers in flight during a pull', () => {
  it('never has more than BIG_ANSWERS_IN_FLIGHT person batches and statement calls outstanding, and still reads everything', async () => {
    const finch = fakeFinch();
    const { sink, counts } = countingSink();
    const slots = new AnswerSlots(BIG_ANSWERS_IN_FLIGHT);
    const statementTurns = new AnswerSlots(STATEMENT_CALLS_IN_HAND);
    const granted = ['company', 'directory', 'individual', 'employment', 'payment', 'pay_statement'];
    await streamConnection(
      finch.lifecycle,
      'local',
      'conn',
      { startDate: '2026-01-01', endDate: '2026-12-31', granted, bigAnswers: slots, statementTurns },
      sink,
    );
    // Pay-statement calls take at most STATEMENT_CALLS_IN_HAND of those slots, so people's batches keep going meanwhile.
    expect(statementTurns.maxInUse).toBe(STATEMENT_CALLS_IN_HAND);
    expect(counts).toEqual({ people: PEOPLE, individuals: PEOPLE, employments: PEOPLE, statements: PAYMENTS * PER_PAYMENT });
    expect(finch.most()).toBeLessThanOrEqual(BIG_ANSWERS_IN_FLIGHT);
    // The server gets the next call as soon as it starts answering one, never more than CALLS_AT_SERVER at once;
    // so while answers' bodies come in, more calls than that are under way.
    expect(finch.mostAtServer()).toBe(CALLS_AT_SERVER);
    expect(finch.mostInCall()).toBeGreaterThan(CALLS_AT_SERVER);
    expect(slots.maxInUse).toBe(BIG_ANSWERS_IN_FLIGHT);
  });

  it('asks for the next directory pages as soon as the first says how many people there are, each page once', async () => {
    const finch = fakeFinch();
    const { sink, counts } = countingSink();
    // How many directory pages had been asked for when each page was handed on.
    const askedWhenHanded: number[] = [];
    const offsets: number[] = [];
    const directory = sink.directory;
    sink.directory = (people, offset, raw) => {
      askedWhenHanded.push(finch.directoryOffsets.length);
      offsets.push(offset);
      directory(people, offset, raw);
    };
    await readDirectory(finch, sink);
    const pages = PEOPLE / DIRECTORY_PAGE;
    expect(counts.people).toBe(PEOPLE);
    expect(offsets).toEqual(Array.from({ length: pages }, (_, i) => i * DIRECTORY_PAGE));
    // Asked for one at a time, each after the one before came back, there were only 2 by then.
    expect(askedWhenHanded[1]).toBe(Math.min(pages, 1 + DIRECTORY_PAGES_AHEAD));
    // Every page once, none past the end.
    expect([...finch.directoryOffsets].sort((a, b) => a - b)).toEqual(offsets);
  });

  it('plans the pages ahead from the pages the provider sends, when it sends fewer than asked for', async () => {
    const finch = fakeFinch(1_000);
    const { sink, counts } = countingSink();
    await readDirectory(finch, sink);
    expect(counts.people).toBe(PEOPLE);
    // 25 pages of 1,000, each asked for once: no call spent on an offset planned from the 5,000 asked for.
    expect([...finch.directoryOffsets].sort((a, b) => a - b)).toEqual(Array.from({ length: PEOPLE / 1_000 }, (_, i) => i * 1_000));
  });

  it('frees a slot when the work fails, and serves waiters in order', async () => {
    const slots = new AnswerSlots(1);
    const order: number[] = [];
    const failed = slots.run(async () => {
      throw new Error('boom');
    });
    const second = slots.run(async () => void order.push(2));
    const third = slots.run(async () => void order.push(3));
    await expect(failed).rejects.toThrow('boom');
    await Promise.all([second, third]);
    expect(order).toEqual([2, 3]);
    expect(slots.maxInUse).toBe(1);
  });

  it('gives a slot back once however often its release is called', async () => {
    const slots = new AnswerSlots(1);
    const release = await slots.acquire();
    let second = false;
    const waiting = slots.acquire().then((r) => ((second = true), r));
    release();
    release();
    const next = await waiting;
    expect(second).toBe(true);
    // Still taken by the second holder: a third waits until it lets go.
    let third = false;
    const thirdWait = slots.acquire().then(() => (third = true));
    await new Promise((r) => setImmediate(r));
    expect(third).toBe(false);
    next();
    await thirdWait;
    expect(slots.maxInUse).toBe(1);
  });
});
