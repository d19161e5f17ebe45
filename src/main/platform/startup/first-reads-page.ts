/**
 * Writes the first screen's reads into the app's HTML (see src/shared/ipc/first-reads.ts). Each
 * answer comes from the IPC guard like any call — sender check, input and output validation —
 * for the sender the transport vouches for: the caller decides whether the document request is
 * the app's own page. Only these fixed, side-effect-free reads; the request cannot choose.
 */
import type { IpcGuard, SenderInfo } from '@main/platform/ipc/guard';
import { FIRST_READ_CHANNELS, FIRST_READS_ELEMENT_ID } from '@shared/ipc/first-reads';

/** The answers by key; a read that failed is left out (the page then asks over IPC as before). */
export async function readFirstScreen(guard: IpcGuard, sender: SenderInfo): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    Object.entries(FIRST_READ_CHANNELS).map(async ([key, channel]) => [key, await guard.dispatch(channel, {}, sender)] as const),
  );
  return Object.fromEntries(entries.filter(([, result]) => result.ok).map(([key, result]) => [key, (result as { value: unknown }).value]));
}

/**
 * The data block for `answers`, safe inside HTML: a JSON data block is not run (so the CSP's
 * `script-src 'self'` allows it), and escaping `<`, `>`, `&` and the two JavaScript line
 * separators means no value (an environment named `</script><script>…`) can end the element.
 */
export function firstReadsBlock(answers: Record<string, unknown>): string {
  const json = JSON.stringify(answers).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<script type="application/json" id="${FIRST_READS_ELEMENT_ID}">${json}</script>`;
}
