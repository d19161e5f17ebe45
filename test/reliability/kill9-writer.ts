/**
 * Child process for kill9.test.ts: appends to the request log as fast as it can, one
 * autocommitted append at a time, and prints each id once `append()` has returned (the
 * INSERT and its FTS trigger are committed by then). Every 25th step it also stores a
 * snapshot (a pull's compressed content, ~40 KB) and prints `S <id> <sha256>`. Stdout to a pipe is synchronous on
 * Linux, so a printed id is a committed id. Stops by itself after `maxMs` or `maxRows`.
 *   node --import tsx kill9-writer.ts <db path> <round> [maxMs] [maxRows]
 */
import { createHash, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { RequestLog } from '@main/platform/request-log/request-log';
import { SnapshotStore } from '@main/features/snapshots/snapshot-store';
import { openWorkbenchDatabase } from '@main/platform/storage/database';

const [path, round = '0', maxMsArg = '20000', maxRowsArg = '1000000'] = process.argv.slice(2);
if (!path) throw new Error('usage: kill9-writer.ts <db path> <round> [maxMs] [maxRows]');
const deadline = Date.now() + Number(maxMsArg);
const maxRows = Number(maxRowsArg);
const db = openWorkbenchDatabase(path);
const log = new RequestLog(db);
const snapshots = new SnapshotStore(db);

for (let n = 0; n < maxRows && Date.now() < deadline; n++) {
  const saved = log.append({
    callId: `kill9-call-${round}-${n}`,
    time: Date.now(),
    environmentId: 'kill9',
    connectionId: `conn-${n % 7}`,
    method: 'GET',
    path: '/employer/directory?limit=100&offset=0',
    product: 'directory',
    status: n % 13 === 0 ? 429 : 200,
    durationMs: 12.5,
    attempt: 1,
    requestId: `kill9-r${round}-n${n}`,
    outcome: n % 13 === 0 ? 'rate_limited' : 'ok',
    errorName: null,
    finchCode: n % 13 === 0 ? 'finch_application_rl' : null,
    message: n % 13 === 0 ? 'Rate limit exceeded for the directory product.' : null,
    retryAfterMs: null,
    dataRetrieved: null,
    lastUpdateDate: null,
    lastUpdateResult: null,
  });
  process.stdout.write(`${saved.id} ${saved.requestId}\n`);
  if (n % 25 === 0) {
    const data = gzipSync(Buffer.concat([Buffer.from(JSON.stringify({ round, n })), randomBytes(40_000)]));
    const header = {
      connectionId: `conn-${n % 7}`,
      providerId: 'finch',
      customerId: null,
      customerName: null,
      label: `kill9 ${round}/${n}`,
      takenAt: Date.now(),
      startDate: '2026-01-01',
      endDate: '2026-11-23',
      counts: { people: 0, individuals: 0, employments: 0, payments: 0, payStatements: 0, itemErrors: 0 },
      products: {},
      requestIds: [],
      calls: 0,
    };
    // A snapshot as a pull writes it: begun, one part per page, then finished.
    const id = snapshots.begin('kill9', header);
    snapshots.addPart(id, 0, 'directory', 1, data, null, 'gzip');
    snapshots.finish(id, 'complete', header);
    const stored = { id };
    process.stdout.write(`S ${stored.id} ${createHash('sha256').update(data).digest('hex')}\n`);
  }
}
