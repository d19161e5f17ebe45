/**
 * The renderer's data layer (components/data): the logic behind `useRead` and `useAction`,
 * driven the way the hooks drive it (open on a key, reload, close on unmount; run, dispose).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActionController } from '@renderer/components/data/action-controller';
import { toFailure } from '@renderer/components/data/failure';
import { ReadController } from '@renderer/components/data/read-controller';
import type { IpcError } from '@shared/ipc/contract-kit';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
/** What `unwrap` throws for a failed call (a WorkbenchCallError: the message, and the error as main sent it). */
const callError = (error: IpcError) => Object.assign(new Error(error.message), { name: 'WorkbenchCallError', error });
const finchFailure = () =>
  callError({ kind: 'rate_limited', message: 'Too many requests', requestId: 'req-429', finchCode: 'rate_limit_exceeded' });

afterEach(() => vi.useRealTimers());

describe('useRead (ReadController)', () => {
  it('shows data known at the start at once, and only confirms it with the first read', async () => {
    const known = { activeId: 'local' };
    const read = new ReadController<{ activeId: string }>({}, known);
    expect(read.getState()).toEqual({ data: known, error: null, loading: false });
    const published = vi.fn();
    read.subscribe(published);
    const answer = deferred<{ activeId: string }>();
    read.open('environments', () => answer.promise);
    expect(read.getState().loading).toBe(false); // nothing on screen changes while confirming
    answer.resolve(known);
    await settled();
    expect(published).not.toHaveBeenCalled(); // the same answer: no render
    // A different answer replaces it, and later reads behave as always.
    read.reload();
    expect(read.getState()).toEqual({ data: known, error: null, loading: true });
  });

  it('replaces data known at the start when the first read answers something else', async () => {
    const read = new ReadController<string>({}, 'served with the page');
    read.open('settings', () => Promise.resolve('changed since'));
    await settled();
    expect(read.getState()).toEqual({ data: 'changed since', error: null, loading: false });
  });

  it('drops the answer for a key the user has left, even when it arrives last', async () => {
    const read = new ReadController<string>();
    const a = deferred<string>();
    const b = deferred<string>();
    read.open('connection-a', () => a.promise);
    read.open('connection-b', () => b.promise);
    b.resolve('company of b');
    await settled();
    a.resolve('company of a');
    await settled();
    expect(read.getState()).toEqual({ data: 'company of b', error: null, loading: false });
  });

  it('drops a late failure of a superseded read too', async () => {
    const read = new ReadController<string>();
    const a = deferred<string>();
    read.open('a', () => a.promise);
    read.open('b', () => Promise.resolve('b'));
    await settled();
    a.reject(finchFailure());
    await settled();
    expect(read.getState()).toEqual({ data: 'b', error: null, loading: false });
  });

  it('reload reads the same key again, keeping the data until the new answer', async () => {
    const read = new ReadController<number>();
    let calls = 0;
    const answers = [deferred<number>(), deferred<number>()];
    read.open('runs', () => answers[calls++]!.promise);
    answers[0]!.resolve(1);
    await settled();
    read.reload();
    expect(calls).toBe(2);
    expect(read.getState()).toEqual({ data: 1, error: null, loading: true });
    answers[1]!.resolve(2);
    await settled();
    expect(read.getState()).toEqual({ data: 2, error: null, loading: false });
  });

  it('a failure carries the kind, message, request id and Finch code to quote', async () => {
    const read = new ReadController<string>();
    read.open('company', () => Promise.reject(finchFailure()));
    await settled();
    expect(read.getState().error).toEqual({
      kind: 'rate_limited',
      message: 'Too many requests',
      requestId: 'req-429',
      finchCode: 'rate_limit_exceeded',
      fields: [],
    });
    expect(read.getState().loading).toBe(false);
  });

  it('a failure clears the data, unless the screen keeps it under its error', async () => {
    for (const keepDataOnError of [false, true]) {
      const read = new ReadController<string>({ keepDataOnError });
      let fail = false;
      read.open('list', () => (fail ? Promise.reject(new Error('offline')) : Promise.resolve('rows')));
      await settled();
      fail = true;
      read.reload();
      await settled();
      expect(read.getState().data).toBe(keepDataOnError ? 'rows' : null);
      expect(read.getState().error?.message).toBe('offline');
    }
  });

  it('publishes nothing after close (the screen unmounted)', async () => {
    const read = new ReadController<string>();
    const answer = deferred<string>();
    const published = vi.fn();
    read.subscribe(published);
    read.open('person', () => answer.promise);
    const before = published.mock.calls.length;
    read.close();
    answer.resolve('late');
    await settled();
    expect(published.mock.calls.length).toBe(before);
    expect(read.getState().data).toBeNull();
  });

  it('a null key is idle, and a new key clears the old data only when asked to', async () => {
    const keep = new ReadController<string>();
    const clear = new ReadController<string>({ clearOnKeyChange: true });
    for (const read of [keep, clear]) {
      read.open('event-1', () => Promise.resolve('detail 1'));
      await settled();
      read.open('event-2', () => new Promise<string>(() => {}));
    }
    expect(keep.getState()).toEqual({ data: 'detail 1', error: null, loading: true });
    expect(clear.getState()).toEqual({ data: null, error: null, loading: true });
    keep.open(null, () => Promise.resolve('never'));
    expect(keep.getState()).toEqual({ data: null, error: null, loading: false });
  });

  it('with a delay, only the last of quick changes is read', async () => {
    vi.useFakeTimers();
    const read = new ReadController<string>({ delayMs: 250 });
    const load = vi.fn((text: string) => Promise.resolve(text));
    read.open('a', () => load('a'));
    read.open('ab', () => load('ab'));
    read.open('abc', () => load('abc'));
    expect(read.getState().loading).toBe(true);
    await vi.advanceTimersByTimeAsync(250);
    expect(load.mock.calls).toEqual([['abc']]);
    expect(read.getState().data).toBe('abc');
    read.reload();
    await vi.advanceTimersByTimeAsync(0);
    expect(load.mock.calls).toEqual([['abc'], ['abc']]);
  });

  it('setData replaces the data locally (an event, or a write that answered the new state)', async () => {
    const read = new ReadController<string[]>();
    read.open('events', () => Promise.resolve(['e1']));
    await settled();
    read.setData((list) => ['e2', ...(list ?? [])]);
    expect(read.getState().data).toEqual(['e2', 'e1']);
  });
});

describe('useAction (ActionController)', () => {
  it('refuses a second run while the first is pending (a double submit sends one call)', async () => {
    const answer = deferred<string>();
    const call = vi.fn(() => answer.promise);
    const action = new ActionController(() => call);
    const first = action.run();
    const second = action.run();
    expect(call).toHaveBeenCalledTimes(1);
    expect(action.getState().pending).toBe(true);
    answer.resolve('saved');
    expect(await second).toBe(false);
    expect(await first).toBe(true);
    expect(action.getState()).toEqual({ pending: false, result: 'saved', failure: null });
    await action.run();
    expect(call).toHaveBeenCalledTimes(2);
  });

  it('keeps the last failure with its request id, and calls back with the run’s arguments', async () => {
    const onFailure = vi.fn();
    const onDone = vi.fn();
    const action = new ActionController(
      () => (_id: string) => Promise.reject(finchFailure()),
      () => ({ onDone, onFailure }),
    );
    await action.run('conn-1');
    expect(action.getState().failure).toMatchObject({ kind: 'rate_limited', requestId: 'req-429' });
    expect(onFailure).toHaveBeenCalledWith(expect.objectContaining({ message: 'Too many requests' }), 'conn-1');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('a new run starts from no result and no failure', async () => {
    let fail = true;
    const answer = deferred<string>();
    const action = new ActionController(() => () => (fail ? Promise.reject(new Error('no')) : answer.promise));
    await action.run();
    fail = false;
    void action.run();
    expect(action.getState()).toEqual({ pending: true, result: null, failure: null });
  });

  it('after dispose (the screen unmounted) a run in flight updates nothing and calls back nobody', async () => {
    const answer = deferred<string>();
    const onDone = vi.fn();
    const published = vi.fn();
    const action = new ActionController(
      () => () => answer.promise,
      () => ({ onDone }),
    );
    action.subscribe(published);
    const run = action.run();
    const before = published.mock.calls.length;
    action.dispose();
    answer.resolve('late');
    await run;
    expect(published.mock.calls.length).toBe(before);
    expect(onDone).not.toHaveBeenCalled();
  });
});

describe('toFailure', () => {
  it('keeps the fields of a validation error, and the message of a plain Error', () => {
    const fields = [{ path: 'name', message: 'is required' }];
    expect(toFailure(callError({ kind: 'validation', message: 'Check the form', fields })).fields).toEqual(fields);
    expect(toFailure(new Error('disk full'))).toEqual({
      kind: 'unknown',
      message: 'disk full',
      requestId: null,
      finchCode: null,
      fields: [],
    });
  });
});
