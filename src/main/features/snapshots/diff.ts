/**
 * The difference between two snapshots: people added, removed and changed (field by field,
 * old → new), company changes, payments added, removed and changed.
 *
 * People are matched by Finch individual id. Within one connection that is the whole story
 * (ids are stable). Across two connections of the same customer ids differ, so the people
 * left over are matched by name + date of birth, then by the provider's employee id
 * (`employment.source_id`) — only where the key is unique on both sides — and the diff says
 * how many were matched each way. Ids (and manager ids) are not compared across connections.
 */
import type { FieldChange, MatchMethod, SnapshotDiff, SnapshotSummary } from '@shared/domain/snapshots';
import type { SnapshotContent } from './snapshot-content';

type Json = Record<string, unknown>;

interface Person {
  id: string;
  directory: Json;
  /** null when the batch item was not a 200 (then that part is not compared). */
  individual: Json | null;
  employment: Json | null;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Dotted paths to leaves; arrays are compared whole (as Finch sent them). */
export function flattenRecord(value: unknown, prefix: string, out: Map<string, unknown> = new Map()): Map<string, unknown> {
  if (isObject(value) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) flattenRecord(child, prefix ? `${prefix}.${key}` : key, out);
  } else if (prefix) {
    out.set(prefix, value);
  }
  return out;
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

export function compareRecords(before: unknown, after: unknown, prefix: string, ignore: (path: string) => boolean): FieldChange[] {
  const a = flattenRecord(before, prefix);
  const b = flattenRecord(after, prefix);
  const changes: FieldChange[] = [];
  for (const path of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    if (ignore(path)) continue;
    const beforeAbsent = !a.has(path);
    const afterAbsent = !b.has(path);
    if (!beforeAbsent && !afterAbsent && same(a.get(path), b.get(path))) continue;
    changes.push({ path, before: beforeAbsent ? null : a.get(path), after: afterAbsent ? null : b.get(path), beforeAbsent, afterAbsent });
  }
  return changes;
}

function peopleOf(content: SnapshotContent): Map<string, Person> {
  const bodies = (items: SnapshotContent['individuals']) =>
    new Map(items.filter((i) => i.code === 200 && isObject(i.body)).map((i) => [i.id, i.body as Json]));
  const individuals = bodies(content.individuals);
  const employments = bodies(content.employments);
  const people = new Map<string, Person>();
  for (const entry of content.directory) {
    const id = typeof entry['id'] === 'string' ? entry['id'] : null;
    if (!id) continue;
    people.set(id, { id, directory: entry, individual: individuals.get(id) ?? null, employment: employments.get(id) ?? null });
  }
  return people;
}

function nameOf(p: Person): string {
  const source = p.individual ?? p.directory;
  return [source['first_name'], source['last_name']].filter((v) => typeof v === 'string' && v).join(' ') || p.id;
}

const KEYS: Record<Exclude<MatchMethod, 'id'>, (p: Person) => string | null> = {
  name_dob: (p) => {
    const first = p.individual?.['first_name'] ?? p.directory['first_name'];
    const last = p.individual?.['last_name'] ?? p.directory['last_name'];
    const dob = p.individual?.['dob'];
    return typeof first === 'string' && typeof last === 'string' && typeof dob === 'string' && dob
      ? `${first.trim().toLowerCase()}|${last.trim().toLowerCase()}|${dob}`
      : null;
  },
  source_id: (p) => {
    const id = p.employment?.['source_id'];
    return typeof id === 'string' && id ? id : null;
  },
};

/** Pairs people: by id, then (across connections) by unique name+dob, then by unique employee id. */
export function matchPeople(
  from: Map<string, Person>,
  to: Map<string, Person>,
  sameConnection: boolean,
): { pairs: [Person, Person, MatchMethod][]; added: Person[]; removed: Person[] } {
  const pairs: [Person, Person, MatchMethod][] = [];
  const left = new Map(from);
  const right = new Map(to);
  for (const [id, person] of left) {
    const other = right.get(id);
    if (!other) continue;
    pairs.push([person, other, 'id']);
    left.delete(id);
    right.delete(id);
  }
  if (!sameConnection) {
    for (const method of ['name_dob', 'source_id'] as const) {
      const index = (people: Map<string, Person>) => {
        const byKey = new Map<string, Person[]>();
        for (const p of people.values()) {
          const key = KEYS[method](p);
          if (key) byKey.set(key, [...(byKey.get(key) ?? []), p]);
        }
        return byKey;
      };
      const a = index(left);
      const b = index(right);
      for (const [key, candidates] of a) {
        const others = b.get(key);
        // Only unique keys: two "John Smith, 1980-01-01" on one side match nobody.
        if (candidates.length !== 1 || others?.length !== 1) continue;
        pairs.push([candidates[0]!, others[0]!, method]);
        left.delete(candidates[0]!.id);
        right.delete(others[0]!.id);
      }
    }
  }
  return { pairs, added: [...right.values()], removed: [...left.values()] };
}

const PART_PREFIX = { directory: 'directory', individual: 'individual', employment: 'employment' } as const;

export function diffSnapshots(
  from: SnapshotSummary,
  fromContent: SnapshotContent,
  to: SnapshotSummary,
  toContent: SnapshotContent,
  /** People matched by id whose records are known to be identical and were left out of the contents. */
  knownUnchanged = 0,
): SnapshotDiff {
  const sameConnection = from.connectionId === to.connectionId;
  // Ids differ between connections: comparing them would flag every person.
  const ignore = (path: string) => !sameConnection && (/(^|\.)id$/.test(path) || /_ids$/.test(path));
  const caveats: string[] = [];
  const { pairs, added, removed } = matchPeople(peopleOf(fromContent), peopleOf(toContent), sameConnection);
  const matching: Record<MatchMethod, number> = { id: knownUnchanged, name_dob: 0, source_id: 0 };
  let partial = 0;
  const changed: SnapshotDiff['peopleChanged'] = [];
  for (const [a, b, method] of pairs) {
    matching[method] += 1;
    const changes: FieldChange[] = [];
    for (const part of ['directory', 'individual', 'employment'] as const) {
      if (a[part] === null || b[part] === null) {
        if (a[part] !== b[part]) partial += 1;
        continue;
      }
      changes.push(...compareRecords(a[part], b[part], PART_PREFIX[part], ignore));
    }
    if (changes.length > 0) changed.push({ fromId: a.id, toId: b.id, name: nameOf(b), matchedBy: method, changes });
  }
  if (partial > 0)
    caveats.push(`${partial} record(s) were missing on one side (a batch item that was not 200), so those parts were not compared.`);
  if (from.startDate !== to.startDate || from.endDate !== to.endDate) {
    caveats.push(
      `The payment ranges differ (${from.startDate}..${from.endDate} vs ${to.startDate}..${to.endDate}): payments outside the overlap show as added or removed.`,
    );
  }
  for (const [product, status] of Object.entries(from.products)) {
    const other = to.products[product];
    if (status !== 'ok' || other !== 'ok')
      caveats.push(`${product}: ${status} in the older snapshot, ${other ?? 'missing'} in the newer one — not fully compared.`);
  }
  for (const s of [from, to])
    if (s.state !== 'complete')
      caveats.push(
        `Snapshot ${s.id} was ${s.state === 'interrupted' ? 'interrupted (the app stopped)' : 'cancelled'} mid-pull: it holds only the pages read before that (${s.counts.people} people, ${s.counts.payments} payments), so people and payments missing from it show as added or removed.`,
      );
  if (!sameConnection) caveats.push('Different connections: Finch ids (and manager ids) differ by connection, so they are not compared.');
  caveats.push('SSNs are never kept in snapshots, so SSN changes are not shown.');

  const payments = diffPayments(fromContent, toContent, sameConnection, ignore);
  return {
    from,
    to,
    sameConnection,
    matching,
    matchingNote: matchingNote(sameConnection, matching),
    peopleAdded: added.map((p) => ({ fromId: null, toId: p.id, name: nameOf(p) })),
    peopleRemoved: removed.map((p) => ({ fromId: p.id, toId: null, name: nameOf(p) })),
    peopleChanged: changed,
    peopleUnchanged: knownUnchanged + pairs.length - changed.length,
    companyChanges: compareRecords(fromContent.company ?? {}, toContent.company ?? {}, '', ignore),
    ...payments,
    caveats,
  };
}

function matchingNote(sameConnection: boolean, m: Record<MatchMethod, number>): string {
  if (sameConnection) return `Same connection: people matched by Finch individual id (stable within a connection), ${m.id} matched.`;
  const parts = [`${m.id} by individual id`, `${m.name_dob} by name + date of birth`, `${m.source_id} by employee id (source_id)`];
  return `Different connections: people matched by individual id first, then by unique name + date of birth, then by unique employee id — ${parts.join(', ')}.`;
}

const countOf = (s: SnapshotContent['payStatements'][number] | undefined): number | null => (s ? (s.count ?? s.statements.length) : null);

function diffPayments(from: SnapshotContent, to: SnapshotContent, sameConnection: boolean, ignore: (path: string) => boolean) {
  // Across connections payment ids differ: a pay run is the same when its dates are.
  const key = (p: Json): string => {
    if (sameConnection) return String(p['id'] ?? '');
    const period = isObject(p['pay_period']) ? p['pay_period'] : {};
    return `${String(p['pay_date'] ?? '')}|${String(period['start_date'] ?? '')}|${String(period['end_date'] ?? '')}`;
  };
  const statementsOf = (content: SnapshotContent) => new Map(content.payStatements.map((s) => [s.paymentId, s]));
  const withStatements = (content: SnapshotContent) => {
    const statements = statementsOf(content);
    return new Map(content.payments.map((p) => [key(p), { ...p, pay_statement_count: countOf(statements.get(String(p['id']))) } as Json]));
  };
  const a = withStatements(from);
  const b = withStatements(to);
  const ref = (p: Json) => {
    const gross = isObject(p['gross_pay']) ? p['gross_pay']['amount'] : null;
    return {
      id: String(p['id'] ?? ''),
      payDate: typeof p['pay_date'] === 'string' ? p['pay_date'] : null,
      grossPay: typeof gross === 'number' ? gross : null,
    };
  };
  const paymentsChanged: SnapshotDiff['paymentsChanged'] = [];
  for (const [k, before] of a) {
    const after = b.get(k);
    if (!after) continue;
    const changes = compareRecords(before, after, '', (path) => ignore(path) || (!sameConnection && path === 'individual_ids'));
    if (changes.length > 0) paymentsChanged.push({ id: String(after['id'] ?? k), payDate: ref(after).payDate, changes });
  }
  return {
    paymentsAdded: [...b].filter(([k]) => !a.has(k)).map(([, p]) => ref(p)),
    paymentsRemoved: [...a].filter(([k]) => !b.has(k)).map(([, p]) => ref(p)),
    paymentsChanged,
  };
}
