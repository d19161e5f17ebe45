/**
 * What every reply must look like, valid payload or not: exactly `{ ok: true, value }` or
 * `{ ok: false, error: { kind, message, … } }` with kind in the closed set, something that
 * can cross IPC (structured clone and JSON), and never a stack trace.
 */
import { ERROR_KINDS, IpcErrorSchema } from '@shared/ipc/contract-kit';

/** Problems with a reply (empty when it is well-formed). */
export function replyProblems(reply: unknown, expectValidation: boolean): string[] {
  const problems: string[] = [];
  if (typeof reply !== 'object' || reply === null || Array.isArray(reply)) return [`reply is not an object: ${String(reply)}`];
  const r = reply as Record<string, unknown>;
  const keys = Object.keys(r).sort().join(',');
  if (r['ok'] === true) {
    if (keys !== 'ok,value') problems.push(`ok reply has keys ${keys}`);
    if (expectValidation) problems.push('an invalid payload was accepted');
  } else if (r['ok'] === false) {
    if (keys !== 'error,ok') problems.push(`error reply has keys ${keys}`);
    const parsed = IpcErrorSchema.safeParse(r['error']);
    if (!parsed.success) problems.push(`error does not match IpcErrorSchema: ${parsed.error.message}`);
    const error = (r['error'] ?? {}) as { kind?: unknown; message?: unknown; fields?: unknown };
    if (!(ERROR_KINDS as readonly unknown[]).includes(error.kind)) problems.push(`kind ${String(error.kind)} is not in the closed set`);
    if (typeof error.message !== 'string' || error.message.trim() === '') problems.push('empty error message');
    if (typeof error.message === 'string' && /\n\s+at\s/.test(error.message)) problems.push('a stack trace reached the reply');
    if (expectValidation && error.kind !== 'validation') problems.push(`invalid payload answered ${String(error.kind)}, not validation`);
    if (expectValidation && (!Array.isArray(error.fields) || error.fields.length === 0)) problems.push('validation error without fields');
  } else {
    problems.push(`reply.ok is ${String(r['ok'])}`);
  }
  try {
    structuredClone(reply);
    JSON.stringify(reply);
  } catch (error) {
    problems.push(`reply cannot cross IPC: ${(error as Error).message}`);
  }
  return problems;
}
