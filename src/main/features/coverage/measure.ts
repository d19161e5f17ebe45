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

/** Presence as a small number (its rank: value beats empty beats null beats absent), so the hot loop counts into an array. */
const VALUE = 3;
const EMPTY = 2;
const NULL = 1;
const ABSENT = 0;
const PRESENCE_OF: readonly Presence[] = ['absent', 'null', 'empty', 'value'];
const hasOwn = Object.prototype.hasOwnProperty;

function leafRank(value: unknown): number {
  if (value === null) return NULL;
  if (value === '') return EMPTY;
  if (typeof value === 'object') {
    if (Array.isArray(value)) return value.length === 0 ? EMPTY : VALUE;
    for (const key in value) if (hasOwn.call(value, key)) return VALUE;
    return EMPTY;
  }
  return VALUE;
}

function rankAt(record: unknown, steps: readonly Step[], index: number): number {
  if (!isPlainObject(record)) return ABSENT;
  const step = steps[index]!;
  if (!hasOwn.call(record, step.key)) return ABSENT;
  const value = record[step.key];
  if (index === steps.length - 1) return leafRank(value);
  if (value === null) return NULL;
  if (!step.array) return rankAt(value, steps, index + 1);
  // An empty array has no item to hold the member: absent, not empty (the array itself is the empty one).
  if (!Array.isArray(value) || value.length === 0) return ABSENT;
  let best = ABSENT;
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    const rank = item === null ? NULL : rankAt(item, steps, index + 1);
    if (rank > best) best = rank;
    if (best === VALUE) break;
  }
  return best;
}

/** What a record holds at a catalog path. */
export function presenceAt(record: unknown, steps: readonly Step[], index = 0): Presence {
  return PRESENCE_OF[rankAt(record, steps, index)]!;
}

export type SupportLookup = (path: string) => boolean | null;

/** Per-field counts over records handed in batches (a pull's pages), so no page needs keeping. */
export class FieldTally {
  /** Counts by rank: [absent, null, empty, value]. */
  private readonly fields: { field: CatalogField; steps: Step[]; counts: number[] }[];
  records = 0;

  constructor(catalog: readonly CatalogField[]) {
    this.fields = catalog.map((field) => ({ field, steps: parsePath(field.path), counts: [0, 0, 0, 0] }));
  }

  add(records: readonly unknown[]): void {
    this.records += records.length;
    for (let f = 0; f < this.fields.length; f++) {
      const { steps, counts } = this.fields[f]!;
      for (let r = 0; r < records.length; r++) counts[rankAt(records[r], steps, 0)]! += 1;
    }
  }

  result(supported: SupportLookup): FieldCoverage[] {
    return this.fields.map(({ field, counts }) => ({
      path: field.path,
      values: counts[VALUE]!,
      empty: counts[EMPTY]!,
      nulls: counts[NULL]!,
      absent: counts[ABSENT]!,
      share: this.records === 0 ? null : (counts[VALUE]! + counts[EMPTY]!) / this.records,
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
