/**
 * The one masking rule of the renderer: which fields hide their values until the engineer
 * reveals them (Explorer tables and cards, exports, the Sandbox forms). Sandbox data is fake,
 * but screens get shared all the same.
 */

// Bank details (company accounts) are as sensitive as pay: masked alike.
const SENSITIVE = /(^|\.)(ssn|dob|income|amount|salary|encrypted_ssn|account_number|routing_number)($|\.)/;
export const MASK = '•••• (hidden)';

/** Whether a dotted path (`accounts.account_number`, `income.amount`) is masked until revealed. */
export function isSensitive(path: string): boolean {
  return SENSITIVE.test(path);
}

/** A copy of a response with sensitive values replaced (JSON views, exports) until revealed; nulls stay null. */
export function maskSensitive(value: unknown, revealed: boolean, path = ''): unknown {
  if (revealed || value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((v) => maskSensitive(v, revealed, path));
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => {
        const p = path ? `${path}.${k}` : k;
        return [k, maskSensitive(v, revealed, p)];
      }),
    );
  }
  return isSensitive(path) ? MASK : value;
}
