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
