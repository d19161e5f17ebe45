/**
 * What the proxy server and its forwarder both speak of: a call as it arrives, and the keyed
 * fingerprints that stand in for tokens, secrets and codes. (Apart so neither imports the other.)
 */
import type { CallerCredentials } from './credentials';

export interface ProxyFingerprints {
  of(kind: string, secret: string | Buffer): string;
  incremental(kind: string): { update(chunk: Buffer): void; finish(): string };
}

/** What is known of a call when it arrives. */
export interface Arrival {
  at: number;
  started: number;
  method: string;
  rawUrl: string;
  path: string;
  product: string | null;
  attempt: number;
  credentials: CallerCredentials;
  connectionKey: string | null;
  fromBrowser: boolean;
}
