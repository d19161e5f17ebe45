/**
 * The last line of defence of every export: looks for each known secret in the bytes about to
 * be written, in every encoding it could have taken on the way (UTF-8, UTF-16 LE/BE, hex in
 * either case, URL-encoding, base64 and base64url at each byte alignment). The same encodings
 * as test/support/secret-scan.ts, implemented separately so the tests check this one
 * independently.
 */

import { MultiNeedle } from './multi-needle';

export interface SecretNeedle {
  encoding: string;
  bytes: Buffer;
}

/** Secrets shorter than this are too likely to occur by chance to be worth refusing over. */
export const MIN_SECRET_LENGTH = 6;

/**
 * The base64 of a secret embedded at any offset: encode it behind 0–2 filler bytes and keep
 * only the characters that depend on the secret's bytes alone.
 */
function base64Cores(secret: Buffer): string[] {
  const cores: string[] = [];
  for (let lead = 0; lead < 3; lead++) {
    const encoded = Buffer.concat([Buffer.alloc(lead), secret]).toString('base64');
    const start = lead === 0 ? 0 : Math.ceil((lead * 4) / 3) + 1;
    const end = (Math.floor((lead + secret.length) / 3) * 3 * 4) / 3;
    const core = encoded.slice(start, end);
    if (core.length >= 8) cores.push(core);
  }
  return cores;
}

export function secretNeedles(secret: string): SecretNeedle[] {
  const utf8 = Buffer.from(secret, 'utf8');
  const utf16le = Buffer.from(secret, 'utf16le');
  const needles: SecretNeedle[] = [
    { encoding: 'utf-8', bytes: utf8 },
    { encoding: 'utf-16le', bytes: utf16le },
    { encoding: 'utf-16be', bytes: Buffer.from(utf16le).swap16() },
    { encoding: 'hex', bytes: Buffer.from(utf8.toString('hex')) },
    { encoding: 'HEX', bytes: Buffer.from(utf8.toString('hex').toUpperCase()) },
    { encoding: 'url', bytes: Buffer.from(encodeURIComponent(secret)) },
  ];
  for (const core of base64Cores(utf8)) {
    needles.push({ encoding: 'base64', bytes: Buffer.from(core) });
    needles.push({ encoding: 'base64url', bytes: Buffer.from(core.replace(/\+/g, '-').replace(/\//g, '_')) });
  }
  return needles;
}

export interface SecretFinding {
  /** Which file (or `zip` for the archive's own bytes). Never the secret itself. */
  where: string;
  encoding: string;
}

/**
 * A reusable scanner: needles are computed once per secret and indexed together, then any
 * number of buffers are searched, each in one pass.
 */
export class SecretScanner {
  private readonly narrow: MultiNeedle<Uint8Array>;
  private readonly wide: MultiNeedle<Uint8Array>;
  private readonly encodingOf = new Map<Uint8Array, string>();
  readonly secretCount: number;

  constructor(secrets: Iterable<string>) {
    const unique = [...new Set([...secrets].filter((s) => s.length >= MIN_SECRET_LENGTH))];
    this.secretCount = unique.length;
    const all = unique.flatMap((s) => secretNeedles(s));
    for (const needle of all) this.encodingOf.set(needle.bytes, needle.encoding);
    const code = (n: Uint8Array, i: number) => n[i]!;
    // UTF-16 needles of ASCII secrets contain NUL bytes: a buffer without any cannot hold them.
    this.narrow = new MultiNeedle<Uint8Array>(
      all.filter((n) => !n.bytes.includes(0)).map((n) => n.bytes),
      code,
    );
    this.wide = new MultiNeedle<Uint8Array>(
      all.filter((n) => n.bytes.includes(0)).map((n) => n.bytes),
      code,
    );
  }

  scan(where: string, bytes: Uint8Array): SecretFinding[] {
    const found = MultiNeedle.inBytes(this.narrow, bytes);
    if (bytes.includes(0)) found.push(...MultiNeedle.inBytes(this.wide, bytes));
    return found.map((needle) => ({ where, encoding: this.encodingOf.get(needle) ?? 'unknown' }));
  }
}
