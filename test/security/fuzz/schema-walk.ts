/**
 * Reads a zod (v4) schema's structure, to build payloads that fit it. Only the structure is
 * read (`_zod.def`: object shape, optional, enum entries…); whether a leaf value fits its
 * constraints (length, regex, refinements) is decided by the leaf schema itself, so the
 * generator never has to re-implement zod's rules.
 */
import type { z } from 'zod';

export interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  options?: z.ZodType[];
  valueType?: z.ZodType;
}

export function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The schema a value is checked against before wrappers (optional, nullable, default, pipe). */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let i = 0; i < 20; i++) {
    const def = defOf(current);
    const next =
      def.type === 'pipe'
        ? def.in
        : ['optional', 'nullable', 'default', 'readonly', 'catch', 'nonoptional', 'prefault'].includes(def.type)
          ? def.innerType
          : undefined;
    if (!next) return current;
    current = next;
  }
  return current;
}

/** The keys of an object schema, or none. */
export function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  const def = defOf(unwrap(schema));
  return def.type === 'object' && def.shape ? def.shape : {};
}

export function accepts(schema: z.ZodType, value: unknown): boolean {
  return schema.safeParse(value).success;
}
