/**
 * What stops a mock-data form before anything is sent: the body as it will go out, checked
 * against the spec's request schema, and the rules the schema cannot express (real calendar
 * days, a period not ending before it starts…), shared with main's own check.
 */
import { sandboxWriteProblems } from '@shared/finch/sandbox-write-rules';
import { checkAgainstSchema } from '@renderer/components/schema-form/schema-check';
import type { FieldError, SchemaNode } from '@renderer/components/schema-form/schema-node';
import type { WriteName } from './mock-data-prefill';

const key = (e: FieldError) => `${e.path}\u0000${e.message}`;

/**
 * `record` is the form's whole record, `body` what will be sent (only the changed fields of a
 * person), `original` what Finch had: a rule already broken there is not the engineer's doing
 * and must not block an unrelated edit.
 */
export function checkBeforeSending(
  write: WriteName,
  schema: SchemaNode,
  record: Record<string, unknown>,
  body: unknown,
  original: Record<string, unknown>,
): FieldError[] {
  // The directory form edits one new person; its body is a list of them.
  const schemaErrors = checkAgainstSchema(schema, write === 'directory' ? record : body);
  let rules: FieldError[];
  if (write === 'directory') {
    rules = sandboxWriteProblems(write, [record]).map((p) => ({ ...p, path: p.path.replace(/^0\./, '') }));
  } else if (write === 'individual' || write === 'employment') {
    const before = new Set(sandboxWriteProblems(write, original).map(key));
    rules = sandboxWriteProblems(write, record).filter((p) => !before.has(key(p)));
  } else {
    rules = sandboxWriteProblems(write, record);
  }
  const seen = new Set<string>();
  return [...schemaErrors, ...rules].filter((e) => !seen.has(key(e)) && Boolean(seen.add(key(e))));
}
