/**
 * A snapshot's pages are stored from the bytes Finch sent (no re-encoding of each record), and
 * what is stored — every part's bytes and every person's hash — is exactly what re-encoding
 * the parsed records gives, as snapshots taken before stored it: a diff across an older and a
 * newer snapshot still matches unchanged people by hash. Answers written in forms a
 * re-encoding would change (spaces, escapes, 1.50, an SSN among repeated keys) are stored as
 * re-encoded, record by record.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WorkbenchCore } from '@main/core';
import { startTestCore } from '../support/test-core';
import { SnapshotWriter } from '@main/features/snapshots/snapshot-writer';
import type { SnapshotStore } from '@main/features/snapshots/snapshot-store';
import type { PullSink } from '@main/platform/reads/connection-stream';
import { streamConnection } from '@main/platform/reads/connection-stream';
import { keepRawAnswer } from '@main/platform/finch/raw-answer';
import { batchBodies, directoryRecords } from '@main/platform/reads/raw-records';
import type { PartEncoding } from '@main/features/snapshots/part-codec';
import { decodePart } from '@main/features/snapshots/part-codec';

let core: WorkbenchCore;
beforeAll(async () => {
  core = await startTestCore('snapshot-raw-parts');
});
afterAll(() => core.close());

interface StoredPart {
  seq: number;
  kind: string;
  text: string;
  summary: string | null;
}

/** A writer over a store that only records the parts it is given. */
function recordingWriter(): { writer: SnapshotWriter; parts: StoredPart[] } {
  const parts: StoredPart[] = [];
  const store = {
    addPart: (_id: number, seq: number, kind: string, _records: number, data: Buffer, summary: string | null, encoding: PartEncoding) =>
      parts.push({ seq, kind, text: decodePart({ encoding, data }).toString('utf8'), summary }),
  } as unknown as SnapshotStore;
  return { writer: new SnapshotWriter(store, 1), parts };
}

/** The same sink with the answers' bytes withheld: every record re-encoded, as before. */
function withoutBytes(sink: PullSink): PullSink {
  return {
    company: (r) => sink.company(r),
    directory: (people, offset) => sink.directory(people, offset),
    individuals: (items) => sink.individuals(items),
    employments: (items) => sink.employments(items),
    payments: (records) => sink.payments(records),
    payStatements: (page) => sink.payStatements(page),
  };
}

const bySeq = (parts: StoredPart[]) => [...parts].sort((a, b) => a.kind.localeCompare(b.kind) || a.text.localeCompare(b.text));

describe('snapshot parts from the answer bytes', () => {
  it('stores the same bytes and hashes as re-encoding the parsed records', async () => {
    const c = await core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 40, customerName: 'Raw Co' });
    const now = core.simulator!.clock.now();
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const options = { startDate: day(now - 40 * 86_400_000), endDate: day(now), granted: c.products };
    const fast = recordingWriter();
    const stringified = recordingWriter();
    await streamConnection(core.lifecycle, 'local', c.id, options, fast.writer.sink);
    await streamConnection(core.lifecycle, 'local', c.id, options, withoutBytes(stringified.writer.sink));
    await Promise.all([fast.writer.flush(), stringified.writer.flush()]);
    // Part numbers follow arrival order, which differs run to run; the parts themselves must not.
    expect(bySeq(fast.parts).map(({ kind, text, summary }) => ({ kind, text, summary }))).toEqual(
      bySeq(stringified.parts).map(({ kind, text, summary }) => ({ kind, text, summary })),
    );
    expect(fast.parts.map((p) => p.kind)).toEqual(expect.arrayContaining(['directory', 'individuals', 'employments', 'pay_statements']));
    // SSN fields are not stored, whichever way the page was written.
    expect(fast.parts.some((p) => p.text.includes('"ssn"') || p.text.includes('encrypted_ssn'))).toBe(false);
  });

  it('does not re-encode the records of a page whose bytes it has', () => {
    const people = Array.from({ length: 500 }, (_, i) => ({ id: `p${i}`, first_name: 'Ann', manager: { id: null }, n: i / 4 }));
    const body = { paging: { count: 500, offset: 0 }, individuals: people };
    keepRawAnswer(body, new Uint8Array(Buffer.from(JSON.stringify(body))));
    const { writer } = recordingWriter();
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      writer.sink.directory(people, 0, () => directoryRecords(body, people.length));
      // The part's summary is one stringify; no record is encoded again.
      expect(stringify.mock.calls.length).toBeLessThan(5);
    } finally {
      stringify.mockRestore();
    }
  });

  it('re-encodes, record by record, what the bytes would not give back the same', async () => {
    const directoryText =
      '{"paging":{"count":5,"offset":0},"individuals":[{"id":"a","n":1.50},{"id":"b","s":"x\\"y"},{"id":"c", "w":1},' +
      '{"id":"d","o":{"2":1,"a":2}},{"id":"e","ok":[1,2.5,"José"]}]}';
    const directory = JSON.parse(directoryText) as { individuals: Record<string, unknown>[] };
    keepRawAnswer(directory, new Uint8Array(Buffer.from(directoryText)));
    const itemsText =
      '{"responses":[{"individual_id":"a","code":200,"body":{"id":"a","ssn":null,"dob":"1990-01-01","encrypted_ssn":null}},' +
      '{"individual_id":"b","code":200,"body":{"id":"b","x":1,"x":2,"ssn":"123"}},' +
      '{"individual_id":"c","code":200,"body":{"id":"c","ssn":null,"pay":10.0}},' +
      '{"individual_id":"d","code":404,"body":{"code":404,"message":"not found"}}]}';
    const answer = JSON.parse(itemsText) as { responses: { individual_id: string; code: number; body: unknown }[] };
    keepRawAnswer(answer, new Uint8Array(Buffer.from(itemsText)));
    const items = answer.responses.map((r) => ({ id: r.individual_id, code: r.code, body: r.body }));

    const fast = recordingWriter();
    const stringified = recordingWriter();
    fast.writer.sink.directory(directory.individuals, 0, () => directoryRecords(directory, 5));
    fast.writer.sink.individuals(items, () => batchBodies(answer, items.length));
    stringified.writer.sink.directory(directory.individuals, 0);
    stringified.writer.sink.individuals(items);
    await Promise.all([fast.writer.flush(), stringified.writer.flush()]);
    // Parts are stored as their compression finishes, in either order; each carries its seq.
    const inOrder = (parts: StoredPart[]) => [...parts].sort((a, b) => a.seq - b.seq);
    expect(inOrder(fast.parts)).toEqual(inOrder(stringified.parts));
    expect(inOrder(fast.parts)[1]!.text).not.toContain('ssn');
  });
});
