/**
 * Finds a secret in bytes however it was encoded on the way out: UTF-8, UTF-16 (LE/BE),
 * base64 (at each of the three byte alignments, standard and URL-safe), hex (either case)
 * and URL-encoding. Used by every test that proves a secret did not leak.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Needle {
  encoding: string;
  bytes: Buffer;
}

function base64Cores(secret: Buffer): string[] {
  // The base64 of a secret embedded at an arbitrary offset: encode with 0–2 leading bytes and
  // keep only the characters that depend solely on the secret's own bytes.
  const cores: string[] = [];
  for (let pad = 0; pad < 3; pad++) {
    const encoded = Buffer.concat([Buffer.alloc(pad), secret]).toString('base64');
    const start = Math.ceil((pad * 4) / 3) + (pad === 0 ? 0 : 1);
    const usableBytes = Math.floor((pad + secret.length) / 3) * 3;
    const end = (usableBytes / 3) * 4;
    cores.push(encoded.slice(start, end));
  }
  return cores.filter((c) => c.length >= 8);
}

export function needlesFor(secret: string): Needle[] {
  const utf8 = Buffer.from(secret, 'utf8');
  const le = Buffer.from(secret, 'utf16le');
  const be = Buffer.from(le).swap16();
  const needles: Needle[] = [
    { encoding: 'utf-8', bytes: utf8 },
    { encoding: 'utf-16le', bytes: le },
    { encoding: 'utf-16be', bytes: be },
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

export interface Hit {
  where: string;
  encoding: string;
}

export function scanBytes(where: string, haystack: Buffer | string, secrets: string[]): Hit[] {
  const bytes = typeof haystack === 'string' ? Buffer.from(haystack, 'utf8') : haystack;
  const hits: Hit[] = [];
  for (const secret of secrets) {
    for (const needle of needlesFor(secret)) if (bytes.includes(needle.bytes)) hits.push({ where, encoding: needle.encoding });
  }
  return hits;
}

export function scanFolder(folder: string, secrets: string[]): Hit[] {
  const hits: Hit[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) hits.push(...scanFolder(path, secrets));
    else hits.push(...scanBytes(path, readFileSync(path), secrets));
  }
  return hits;
}
