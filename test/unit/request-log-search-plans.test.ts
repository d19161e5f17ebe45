/**
 * Search words as exact index terms (PrefixTerms): a common word beside a rare filter must not
 * make FTS5 merge the word's whole doclist, and the rows found must be exactly those the plain
 * prefix query finds, for every shape the log view sends, page after page.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { openWorkbenchDatabase } from '@main/platform/storage/database';
import { RequestLog } from '@main/platform/request-log/request-log';
import { MAX_PREFIX_TERMS, PrefixTerms } from '@main/platform/request-log/prefix-terms';
import { buildSearch } from '@main/platform/request-log/statements';
import type { NewRequestLogEntry, RequestLogQuery } from '@main/platform/request-log/types';

const ENVS = ['local', 'env-sandbox', 'env-prod'];
const PATHS = ['/employer/company', '/employer/directory?limit=100', '/employer/directory-sync', '/employer/payment', '/introspect'];
const MESSAGES = [null, 'Internal server error', 'Directoryless café', 'CAFÉ au lait', 'directory_v2 moved', 'Zebra zz-top'];

function hex(n: number): string {
  return (Math.imul(n, 2654435761) >>> 0).toString(16).padStart(8, '0');
}

function row(i: number): NewRequestLogEntry {
  const failed = i % 13 === 0;
  return {
    callId: `call-${i}`,
    time: 1_000_000 + i * 1000,
    environmentId: ENVS[i % 3]!,
    connectionId: `conn-${i % 7}`,
    method: 'GET',
    path: PATHS[i % PATHS.length]!,
    product: i % 5 === 1 ? 'directory' : 'company',
    status: failed ? 500 : i % 17 === 0 ? 429 : 200,
    durationMs: 5,
    attempt: 1,
    requestId: `${hex(i)}-${hex(i + 7)}`,
    outcome: failed ? 'server_error' : i % 17 === 0 ? 'rate_limited' : 'ok',
    errorName: failed ? 'server_error' : null,
    finchCode: i % 17 === 0 ? 'finch_application_rl' : null,
    message: MESSAGES[i % MESSAGES.length]!,
    retryAfterMs: null,
    dataRetrieved: null,
    lastUpdateDate: null,
    lastUpdateResult: null,
  };
}

let db: Database.Database;
let log: RequestLog;
beforeAll(() => {
  db = openWorkbenchDatabase(join(mkdtempSync(join(tmpdir(), 'search-plans-')), 'workbench.sqlite'));
  log = new RequestLog(db);
  db.transaction(() => {
    for (let i = 0; i < 4_000; i++) log.append(row(i));
  })();
  // Deleted rows leave their terms in the index until a merge drops them (contentless_delete).
  db.prepare("DELETE FROM requests WHERE id % 11 = 0 OR message = 'Zebra zz-top'").run();
  // Appended one by one, as the app does: the newest rows sit in small segments of their own.
  for (let i = 4_000; i < 4_300; i++) log.append(row(i));
});

const SHAPES: RequestLogQuery[] = [
  { text: hex(77).slice(0, 3) },
  { text: hex(1234).slice(0, 6) },
  { text: 'finch_application_rl', environmentId: 'local' },
  { text: 'directory', statusClass: '5xx', environmentId: 'env-prod' },
  { text: 'Directory', environmentId: 'local' },
  { text: 'director sync', statusClass: '2xx' },
  { text: 'server_error employer', environmentId: 'env-sandbox' },
  { text: 'café' },
  { text: 'zebra' },
  { text: 'zz-' },
  { text: 'a' },
  { text: 'directory_v' },
  { text: 'company', product: 'directory' },
  { environmentId: 'local', product: 'directory' },
  { connectionId: 'conn-3', environmentId: 'local', statusClass: '2xx' },
  { environmentId: 'local', from: 1_500_000, to: 2_500_000 },
  {},
];

describe('searching words as exact terms', () => {
  it('finds exactly the rows the prefix query finds, for every shape, page after page', () => {
    for (const shape of SHAPES) {
      for (const limit of [5000, 37]) {
        const pages = (prefixes: 'expanded' | 'as typed') => {
          const ids: number[] = [];
          let beforeId: number | undefined;
          for (let page = 0; page < 200; page++) {
            const rows = log.search({ ...shape, limit, ...(beforeId === undefined ? {} : { beforeId }) }, { prefixes });
            ids.push(...rows.map((r) => r.id));
            if (rows.length < limit) break;
            beforeId = rows.at(-1)!.id;
          }
          return ids;
        };
        const expanded = pages('expanded');
        expect(expanded, JSON.stringify(shape)).toEqual(pages('as typed'));
      }
    }
    // The comparison is not empty-handed: the rare-filter shape finds rows.
    expect(log.search({ text: 'directory', statusClass: '5xx', environmentId: 'env-prod' }).length).toBeGreaterThan(10);
  });

  it('sends a common word beside a rare filter as its exact terms, not as a prefix FTS5 merges up front', () => {
    log.catchUpIndex();
    const terms = new PrefixTerms(db, log.searchIndex.partitions()[0]!.name);
    const { params } = buildSearch({ text: 'Directory', statusClass: '5xx', environmentId: 'local' }, (w) => terms.expand(w));
    expect(params['fts']).toBe(
      'status_class : "5xx" AND (("directory" OR "directory-sync" OR "directory_v2" OR "directoryless")) AND environment_id : "local"',
    );
    // A word that begins many terms stays a prefix term; so does one outside ASCII.
    expect(terms.expand(hex(77).slice(0, 1))).toBeNull();
    expect(terms.expand('café')).toBeNull();
    expect(MAX_PREFIX_TERMS).toBeGreaterThan(4);
  });
});
