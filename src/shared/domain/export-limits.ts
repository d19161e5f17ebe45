/**
 * The plain facts of exports, without their schemas (exports.ts): the renderer's first screen
 * needs these words and limits, and importing a value from a file that builds zod schemas puts
 * zod and those schemas in the first chunk (test/unit/first-screen-bundle.test.ts).
 */

/** One harness WebSocket message is capped at 1 MB: larger tables and texts arrive in parts of at most this many characters (×3 bytes for any UTF-8 character still fits). */
export const EXPORT_PART_CHARS = 256 * 1024;
/** The most rows and characters one export may gather (a 10,000-person directory fits easily). */
export const MAX_EXPORT_ROWS = 500_000;
export const MAX_EXPORT_CHARS = 100_000_000;

/** Words for the categories the Redactor counts (the preview says what was hidden). */
export const HIDDEN_LABELS: Record<string, string> = {
  secret: 'vault secrets',
  authorization: 'authorization headers',
  token: 'tokens and credentials',
  email: 'emails',
  ssn: 'SSNs',
  phone: 'phone numbers',
  date: 'dates (possible birth dates)',
  amount: 'pay amounts',
  address: 'addresses',
  number: 'long numbers',
  name: 'names',
  personal: 'known customer names/emails',
  field: 'personal fields',
  query: 'query values',
};
