/**
 * Field coverage of a set of raw records against the spec's field catalog: for each field
 * path, how many records hold a value, an empty value ("" / [] / {}), null, or nothing (the
 * key is missing). Works on the JSON exactly as Finch sent it, because absent and null mean
 * different things (FINCH.md: "null means one of three things").
 *
 * For a path inside an array (`earnings[].amount`) a record counts by its best item: a value
 * if any item has one, else empty, else null, else absent (also when the array has no items).
 */
import type { CatalogField, FieldCoverage } from '@shared/domain/coverage';

export type Presence = 'value' | 'empty' | 'null' | 'absent';
const RANK: Record<Presence, number> = { value: 3, empty: 2, null: 1, absent: 0 };

interface Step {
  key: string;
  /** The value at this key is an array whose items the next step reads. */
  array: boolean;
}

export function parsePath(path: string): Step[] {
  return path.split('.').map((part) => (part.endsWith('[]') ? { key: part.slice(0, -2), array: true } : { key: part, array: false }));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function leafPresence(value: unknown): Presence {
  if (value === null) return 'null';
  if (value === '' || (Array.isArray(value) && value.length === 0) || (isPlainObject(value) && Object.keys(value).length === 0))
    return 'empty';
  return 'value';
}

/** What a record holds at a catalog path. */
export function presenceAt(record: unknown, steps: readonly Step[], index = 0): Presence {
  if (!isPlainObject(record)) return 'absent';
  const step = steps[index]!;
  if (!Object.prototype.hasOwnProperty.call(record, step.key)) return 'absent';
  const value = record[step.key];
  if (index === steps.length - 1) return leafPresence(value);
  if (value === null) return 'null';
  if (!step.array) return presenceAt(value, steps, index + 1);
  // An empty array has no item to hold the member: absent, not empty (the array itself is the empty one).
  if (!Array.isArray(value) || value.length === 0) return 'absent';
  let best: Presence = 'absent';
  for (const item of value) {
    const p = item === null ? 'null' : presenceAt(item, steps, index + 1);
    if (RANK[p] > RANK[best]) best = p;
    if (best === 'value') break;
  }
  return best;
}

export type SupportLookup = (path: string) => boolean | null;

/** Per-field counts over records handed in batches (a pull's pages), so no page needs keeping. */
export class FieldTally {
  private readonly fields: { field: CatalogField; steps: Step[]; counts: Record<Presence, number> }[];
  records = 0;

  constructor(catalog: readonly CatalogField[]) {
    this.fields = catalog.map((field) => ({ field, steps: parsePath(field.path), counts: { value: 0, empty: 0, null: 0, absent: 0 } }));
  }

  add(records: readonly unknown[]): void {
    this.records += records.length;
    for (const { steps, counts } of this.fields) for (const record of records) counts[presenceAt(record, steps)] += 1;
  }

  result(supported: SupportLookup): FieldCoverage[] {
    return this.fields.map(({ field, counts }) => ({
      path: field.path,
      values: counts.value,
      empty: counts.empty,
      nulls: counts.null,
      absent: counts.absent,
      share: this.records === 0 ? null : (counts.value + counts.empty) / this.records,
      supported: supported(field.path),
      specNullable: field.nullable,
    }));
  }
}

export function measureFields(records: readonly unknown[], catalog: readonly CatalogField[], supported: SupportLookup): FieldCoverage[] {
  const tally = new FieldTally(catalog);
  tally.add(records);
  return tally.result(supported);
}

/**
 * Paths present in the data that the catalog does not declare (a provider sending more than
 * the spec says, or a spec that moved on), gathered batch by batch. Fields the catalog lists
 * without members (free-form objects such as `metadata`) are not searched below.
 *
 * Every key of every record is looked up, so the walk goes through a tree of path nodes built
 * as keys are met, not by joining a path string per key (at 100,000 people that was millions of
 * new strings, and most of field coverage's time). Nodes exist only for keys seen; unknown ones
 * stop the search once `limit` are found, so the tree stays the catalog's size plus the limit.
 */
export class UnknownFieldFinder {
  private readonly known: Set<string>;
  private readonly hasChildren: Set<string>;
  private readonly found = new Set<string>();
  private readonly root: PathNode;

  constructor(
    catalog: readonly CatalogField[],
    private readonly limit = 50,
  ) {
    this.known = new Set(catalog.map((f) => f.path));
    this.hasChildren = new Set(catalog.flatMap((f) => parents(f.path)));
    this.root = new PathNode('', true, true);
  }

  add(records: readonly unknown[]): void {
    for (const record of records) {
      if (this.found.size >= this.limit) return;
      this.visit(record, this.root, 0);
    }
  }

  get paths(): string[] {
    return [...this.found].sort();
  }

  private visit(value: unknown, node: PathNode, depth: number): void {
    if (!isPlainObject(value) || depth > 6 || this.found.size >= this.limit) return;
    for (const key of Object.keys(value)) {
      const child = node.child(key, this.known, this.hasChildren);
      if (!child.known) {
        this.found.add(child.path);
        continue;
      }
      if (!child.searched) continue;
      const member = value[key];
      if (Array.isArray(member)) {
        const items = child.items();
        for (let i = 0; i < member.length && i < 20; i++) this.visit(member[i], items, depth + 1);
      } else this.visit(member, child, depth + 1);
    }
  }
}

/** A path in the data (`earnings[].amount`): whether the catalog knows it and has members below it. */
class PathNode {
  private readonly children = new Map<string, PathNode>();
  private itemNode: PathNode | null = null;

  constructor(
    readonly path: string,
    readonly known: boolean,
    readonly searched: boolean,
  ) {}

  child(key: string, known: ReadonlySet<string>, hasChildren: ReadonlySet<string>): PathNode {
    let node = this.children.get(key);
    if (!node) {
      const path = this.path ? `${this.path}.${key}` : key;
      node = new PathNode(path, known.has(path), hasChildren.has(path) || hasChildren.has(`${path}[]`));
      this.children.set(key, node);
    }
    return node;
  }

  /** The node for this array's items (`path[]`): only its children are looked up. */
  items(): PathNode {
    this.itemNode ??= new PathNode(`${this.path}[]`, true, true);
    return this.itemNode;
  }
}

export function unknownFields(records: readonly unknown[], catalog: readonly CatalogField[], limit = 50): string[] {
  const finder = new UnknownFieldFinder(catalog, limit);
  finder.add(records);
  return finder.paths;
}

/** `a[].b.c` → [`a[]`, `a[].b`]: the prefixes that have members in the catalog. */
function parents(path: string): string[] {
  const parts = path.split('.');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
}
