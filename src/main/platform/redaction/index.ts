/**
 * Redaction for every output of the app (files, zips, clipboard): `Redactor` removes secrets, credentials and
 * personal data and counts what it removed; `SecretScanner` checks the final bytes for every
 * known secret in every encoding and lets the caller refuse to write.
 */
export { Redactor, keyCategory } from './redactor';
export type { RedactorOptions } from './redactor';
export { SecretScanner, secretNeedles, MIN_SECRET_LENGTH } from './secret-scan';
export type { SecretFinding } from './secret-scan';
export type { RedactionCategory, Mark } from './patterns';
export { marker } from './patterns';
