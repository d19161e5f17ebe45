/**
 * Ids for logged calls, in the UUID version 7 layout: the first 48 bits are the time in
 * milliseconds, so an id made later sorts later. The log's (call_id) index then grows at its end
 * like the time index does. A random (v4) UUID put every new row on a random leaf page of that
 * index: at ten million rows, a page read and a page written per append.
 */
import { randomBytes } from 'node:crypto';

export function newCallId(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(Math.max(0, Math.floor(now)) % 2 ** 48, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
