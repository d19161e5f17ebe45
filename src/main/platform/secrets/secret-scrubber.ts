/**
 * Removes the vault's secrets from free text before it is stored: Finch error messages, network
 * errors and query strings are written to the request log and the events table, and a provider
 * or proxy that echoes a token must not leave it on disk in plaintext. Exact values only (the
 * personal-data rules belong to outputs, not to the app's own records); the index is rebuilt
 * only when the vault changes, so a log append stays a fraction of a millisecond.
 */
import { MultiNeedle } from '../redaction/multi-needle';
import { SCRUBBED } from '../redaction/patterns';

export { SCRUBBED };

/** Shorter values would match ordinary words; every real secret or token is far longer. */
const MIN_SECRET_LENGTH = 8;

export interface SecretSource {
  readonly version: number;
  allSecretsForRedaction(): string[];
}

export class SecretScrubber {
  private builtFor = -1;
  private needles: string[] = [];
  private index: MultiNeedle<string> | null = null;

  /** `extra`: secrets that never enter the vault (the built-in simulator's client secret). */
  constructor(
    private readonly source: SecretSource,
    private readonly extra: readonly string[] = [],
  ) {}

  scrub(text: string): string;
  scrub(text: string | null): string | null;
  scrub(text: string | null): string | null {
    if (text === null || text.length < MIN_SECRET_LENGTH) return text;
    const index = this.current();
    if (!index || !MultiNeedle.inText(index, text)) return text;
    let out = text;
    for (const needle of this.needles) if (out.includes(needle)) out = out.split(needle).join(SCRUBBED);
    return out;
  }

  private current(): MultiNeedle<string> | null {
    if (this.builtFor !== this.source.version) {
      const values = new Set<string>();
      for (const secret of [...this.source.allSecretsForRedaction(), ...this.extra]) {
        if (secret.length < MIN_SECRET_LENGTH) continue;
        values.add(secret);
        // As it appears in a query string.
        values.add(encodeURIComponent(secret));
      }
      // Longest first, so a secret containing another is replaced whole.
      this.needles = [...values].sort((a, b) => b.length - a.length);
      this.index = this.needles.length ? new MultiNeedle(this.needles, (n, i) => n.charCodeAt(i)) : null;
      this.builtFor = this.source.version;
    }
    return this.index;
  }
}
