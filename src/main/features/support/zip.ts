/**
 * Packs bundle files into a zip (fflate) and runs the final pass over what would be written:
 * the archive's own bytes and every entry as a reader would extract it are searched for each
 * known secret in every encoding. Any finding and nothing is written.
 */
import { unzipSync, zipSync } from 'fflate';
import { WorkbenchError } from '@main/platform/errors';
import type { SecretFinding, SecretScanner } from '@main/platform/redaction';
import type { BundleFile } from './bundle-content';

export function zipFiles(folder: string, files: BundleFile[], createdAt: number): Uint8Array {
  const entries = Object.fromEntries(files.map((f) => [`${folder}/${f.name}`, f.bytes] as const));
  // Level 1: as small as level 6 on these repetitive texts, at half the time.
  return zipSync(entries, { level: 1, mtime: new Date(createdAt) });
}

/** Throws (and so refuses to write) when any known secret is found in the archive. */
export function assertNoKnownSecrets(zip: Uint8Array, scanner: SecretScanner): void {
  const findings: SecretFinding[] = scanner.scan('the archive', zip);
  for (const [name, bytes] of Object.entries(unzipSync(zip))) {
    findings.push(...scanner.scan(name, bytes), ...scanner.scan(`${name} (file name)`, new TextEncoder().encode(name)));
  }
  if (findings.length > 0) {
    const where = [...new Set(findings.map((f) => `${f.where} (${f.encoding})`))].slice(0, 5).join(', ');
    throw new WorkbenchError(
      'conflict',
      `Nothing was written: the final scan found a known secret in ${where}. Redaction missed it; please report this.`,
    );
  }
}
