/**
 * Derives the field catalog (every field path of each product's record, with its type and
 * whether the spec allows null) from Finch's OpenAPI spec. Pure: the generator writes its
 * result to src/shared/domain/field-catalog.ts, and test/unit/field-catalog.test.ts builds it
 * again from test/spec/finch-openapi.json and fails when the committed file has drifted.
 *
 * Paths use `a.b` for object members and `a[].b` for members of array items; an object or
 * array is listed itself and then its members, so coverage can say "residence is null" apart
 * from "residence.line2 is null".
 */

import type { CatalogField, CatalogProduct } from '@shared/domain/coverage';

export type { CatalogField, CatalogProduct };

type Schema = Record<string, unknown>;

/** Where each product's single record schema sits in the spec (JSON pointer + steps into it). */
export const RECORD_SCHEMAS: Record<CatalogProduct, string> = {
  company: '#/components/schemas/GetCompanyResponse',
  directory: '#/components/schemas/GetDirectoryResponse/properties/individuals/items',
  individual: '#/components/schemas/GetIndividualsResponse/properties/responses/items/properties/body/anyOf/0',
  employment: '#/components/schemas/GetEmploymentResponse/properties/responses/items/properties/body/anyOf/0',
  payment: '#/components/schemas/GetPaymentsResponse/items',
  pay_statement: '#/components/schemas/PayStatement',
};

const MAX_DEPTH = 6;

export function buildCatalog(spec: unknown): Record<CatalogProduct, CatalogField[]> {
  const root = spec as Schema;
  const out = {} as Record<CatalogProduct, CatalogField[]>;
  for (const [product, pointer] of Object.entries(RECORD_SCHEMAS) as [CatalogProduct, string][]) {
    const schema = resolvePointer(root, pointer);
    if (!schema) throw new Error(`The spec has no ${pointer} (record schema of ${product}).`);
    const fields: CatalogField[] = [];
    walkObject(root, flatten(root, schema), '', fields, 0);
    out[product] = fields;
  }
  return out;
}

function resolvePointer(root: Schema, pointer: string): Schema | undefined {
  let node: unknown = root;
  for (const raw of pointer.replace(/^#\//, '').split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node && typeof node === 'object' ? (node as Schema) : undefined;
}

/**
 * One schema with `$ref`, `allOf` and nullable `anyOf`/`oneOf` folded in: properties and
 * required lists merged, nullability kept from every layer (a `$ref` with `nullable: true`
 * beside it is nullable even when the target is not).
 */
function flatten(root: Schema, schema: Schema, seen: Set<string> = new Set()): Schema {
  let merged: Schema = { ...schema };
  let nullable = isNullableHere(schema);
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    if (seen.has(ref)) return { type: 'object', nullable };
    const target = resolvePointer(root, ref);
    if (!target) throw new Error(`Unresolvable $ref ${ref}`);
    const inner = flatten(root, target, new Set([...seen, ref]));
    nullable ||= inner['nullable'] === true;
    const { $ref: _ignored, ...siblings } = merged;
    merged = mergeSchemas(inner, siblings);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const parts = merged[key];
    if (!Array.isArray(parts)) continue;
    const flat = parts.map((p) => flatten(root, p as Schema, seen));
    const nonNull = flat.filter((p) => !(p['type'] === 'null'));
    if (key !== 'allOf' && nonNull.length < flat.length) nullable = true;
    // allOf: everything applies. anyOf/oneOf: the record variant (objects with properties)
    // is the one coverage counts; the others (errors, 202 bodies) are not records.
    const used = key === 'allOf' ? flat : nonNull.filter((p) => p['properties'] || nonNull.length === 1);
    const { [key]: _parts, ...rest } = merged;
    merged = used.reduce((acc, part) => mergeSchemas(acc, part), rest as Schema);
    if (used.some((p) => p['nullable'] === true) && key !== 'allOf') nullable = true;
  }
  merged['nullable'] = nullable || merged['nullable'] === true;
  return merged;
}

function mergeSchemas(a: Schema, b: Schema): Schema {
  const props = { ...((a['properties'] as Schema | undefined) ?? {}), ...((b['properties'] as Schema | undefined) ?? {}) };
  const required = [...new Set([...((a['required'] as string[] | undefined) ?? []), ...((b['required'] as string[] | undefined) ?? [])])];
  const out: Schema = { ...a, ...b, nullable: a['nullable'] === true || b['nullable'] === true };
  if (Object.keys(props).length > 0) out['properties'] = props;
  if (required.length > 0) out['required'] = required;
  return out;
}

function isNullableHere(schema: Schema): boolean {
  if (schema['nullable'] === true) return true;
  const type = schema['type'];
  if (Array.isArray(type) && type.includes('null')) return true;
  const values = schema['enum'];
  return Array.isArray(values) && values.includes(null);
}

function typeOf(schema: Schema): string {
  const type = schema['type'];
  if (Array.isArray(type)) return type.filter((t) => t !== 'null').join('|') || 'null';
  if (typeof type === 'string') return type;
  if (schema['properties']) return 'object';
  if (schema['items']) return 'array';
  return 'any';
}

function walkObject(root: Schema, schema: Schema, prefix: string, fields: CatalogField[], depth: number): void {
  const properties = (schema['properties'] as Record<string, Schema> | undefined) ?? {};
  const required = new Set((schema['required'] as string[] | undefined) ?? []);
  for (const name of Object.keys(properties).sort()) {
    const field = flatten(root, properties[name]!);
    const path = prefix ? `${prefix}.${name}` : name;
    fields.push({ path, type: typeOf(field), nullable: field['nullable'] === true, required: required.has(name) });
    if (depth >= MAX_DEPTH) continue;
    if (field['properties']) walkObject(root, field, path, fields, depth + 1);
    else if (field['items']) {
      const item = flatten(root, field['items'] as Schema);
      if (item['properties']) walkObject(root, item, `${path}[]`, fields, depth + 1);
    }
  }
}

/** The committed module's text: one field per line, so a drift shows as a readable diff. */
export function renderCatalogModule(catalog: Record<CatalogProduct, CatalogField[]>, apiVersion: string): string {
  const lines = [
    '/**',
    ' * GENERATED by scripts/field-catalog/generate.ts from test/spec/finch-openapi.json: do not edit.',
    " * Every field path of each product's record as Finch's OpenAPI spec declares it (`a.b` for",
    ' * object members, `a[].b` for members of array items), with the JSON type, whether the spec',
    ' * allows null, and whether it is required. test/unit/field-catalog.test.ts fails on drift.',
    ' */',
    "import type { CatalogField, CatalogProduct } from './coverage';",
    '',
    `export const FIELD_CATALOG_API_VERSION = ${JSON.stringify(apiVersion)};`,
    '',
    'export const FIELD_CATALOG: Record<CatalogProduct, readonly CatalogField[]> = {',
  ];
  for (const [product, fields] of Object.entries(catalog)) {
    lines.push(`  ${product}: [`);
    for (const f of fields)
      lines.push(
        `    { path: ${JSON.stringify(f.path)}, type: ${JSON.stringify(f.type)}, nullable: ${f.nullable}, required: ${f.required} },`,
      );
    lines.push('  ],');
  }
  lines.push('};', '');
  return lines.join('\n');
}
