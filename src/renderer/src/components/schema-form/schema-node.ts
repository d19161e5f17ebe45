/**
 * Reading the (already 2020-12, $ref-free) request schemas the Sandbox forms are drawn from:
 * what kind of input a node needs, and its properties with `allOf` parts merged (the
 * directory's "individual or employment" is an allOf of two objects).
 */
export interface SchemaNode {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  description?: string;
  title?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  allOf?: SchemaNode[];
  anyOf?: SchemaNode[];
}

/** A problem of one field, by dotted path (`residence.state`, `pay_statements.0.gross_pay`). */
export interface FieldError {
  path: string;
  message: string;
}

export type InputKind = 'text' | 'date' | 'number' | 'boolean' | 'enum' | 'object' | 'json';

function types(node: SchemaNode): string[] {
  if (node.anyOf) return node.anyOf.flatMap(types);
  return Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
}

export function nullable(node: SchemaNode): boolean {
  return types(node).includes('null') || (node.enum?.includes(null) ?? false);
}

/** The first non-null branch of an `anyOf: [X, null]`. */
export function unwrapNullable(node: SchemaNode): SchemaNode {
  return node.anyOf?.find((branch) => !types(branch).every((t) => t === 'null')) ?? node;
}

export function inputKind(raw: SchemaNode): InputKind {
  const node = unwrapNullable(raw);
  if (node.enum) return 'enum';
  const kinds = types(node).filter((t) => t !== 'null');
  if (node.properties || node.allOf) return 'object';
  if (kinds.includes('array') || kinds.includes('object')) return 'json';
  if (kinds.includes('boolean')) return 'boolean';
  if (kinds.includes('integer') || kinds.includes('number')) return 'number';
  if (node.format === 'date' || node.title === 'Date') return 'date';
  return 'text';
}

export function propertiesOf(raw: SchemaNode): [string, SchemaNode][] {
  const node = unwrapNullable(raw);
  const merged = new Map<string, SchemaNode>();
  for (const part of [node, ...(node.allOf ?? [])])
    for (const [key, value] of Object.entries(part.properties ?? {})) if (!merged.has(key)) merged.set(key, value);
  return [...merged.entries()];
}

export function requiredOf(raw: SchemaNode): Set<string> {
  const node = unwrapNullable(raw);
  return new Set([...(node.required ?? []), ...(node.allOf ?? []).flatMap((p) => p.required ?? [])]);
}

export function enumValues(raw: SchemaNode): string[] {
  return (unwrapNullable(raw).enum ?? []).filter((v): v is string => typeof v === 'string');
}

export function isInteger(raw: SchemaNode): boolean {
  return types(unwrapNullable(raw)).includes('integer');
}

/**
 * What a JSON box holds while its text does not parse: the text (so nothing typed is lost)
 * and why, so the form knows the field is bad instead of silently keeping the last good value.
 */
export class UnparsedJson {
  constructor(
    readonly text: string,
    readonly problem: string,
  ) {}
}

/** Drops keys left unset (undefined) at any depth; null stays: it is a value Finch accepts. */
export function pruneUnset(value: unknown): unknown {
  if (Array.isArray(value) || value instanceof UnparsedJson) return value;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const pruned = pruneUnset(item);
    if (pruned !== null && typeof pruned === 'object' && !Array.isArray(pruned) && Object.keys(pruned).length === 0) continue;
    out[key] = pruned;
  }
  return out;
}
