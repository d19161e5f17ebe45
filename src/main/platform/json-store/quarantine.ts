/**
 * A settings file that cannot be parsed or does not fit the schema is moved aside, not
 * overwritten: the user keeps the bytes (and can send them to us), the app starts on defaults.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { z } from 'zod';

export interface QuarantineResult {
  movedTo: string;
  reason: string;
}

/** Returns what was done, or null when the file is absent or healthy. */
export function quarantineIfInvalid(path: string, schema: z.ZodType, now: () => Date = () => new Date()): QuarantineResult | null {
  if (!existsSync(path)) return null;
  const reason = problemWith(readFileSync(path, 'utf8'), schema);
  if (reason === null) return null;
  const stamp = now().toISOString().replace(/[:.]/g, '-');
  const ext = extname(path);
  const movedTo = join(dirname(path), `${basename(path, ext)}.corrupt-${stamp}${ext}`);
  renameSync(path, movedTo);
  return { movedTo, reason };
}

function problemWith(text: string, schema: z.ZodType): string | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return `it is not valid JSON (${(error as Error).message})`;
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return null;
  const first = parsed.error.issues[0];
  return `it does not match the expected shape (${first ? `${first.path.join('.') || 'root'}: ${first.message}` : 'unknown'})`;
}
