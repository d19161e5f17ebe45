/**
 * The renderer's only way onto the clipboard: the text goes through main's export gate first
 * (redacted with consistent placeholders, or raw by the user's choice, never with the vault's
 * secrets), and what the gate returns is what gets copied.
 */
import type { PreparedExport } from '@shared/domain/exports';
import { unwrap, workbench } from '@renderer/workbench';
import { prepareOutput } from './prepare';

export interface CopyOptions {
  /** `json`: sensitive keys lose their values (JSON of a view); `text`: free-text rules. */
  kind?: 'text' | 'json' | 'command';
  raw?: boolean;
}

/** Redacts and copies; resolves with what was copied and what was hidden. */
export async function copyText(text: string, options: CopyOptions = {}): Promise<PreparedExport> {
  const prepared = await prepareOutput({ target: 'clipboard', kind: options.kind ?? 'text', text }, options.raw ?? false);
  await writeClipboard(prepared.content);
  return prepared;
}

/** Writes content the gate prepared (the dialog's Copy button). */
export function writeClipboard(content: string): Promise<void> {
  return navigator.clipboard.writeText(content).catch(() => {
    throw new Error('The clipboard refused the copy; select the text instead.');
  });
}

/**
 * The one output that carries a vault secret on purpose: a webhook secret the app just
 * generated, handed over by the gate once for the reveal id the generating reply carried
 * (main/files/one-time-secrets.ts says why). Show `content`, copy exactly it with
 * `writeClipboard`, and drop it: asking again fails, and nothing else ever returns the value.
 */
export function takeOneTimeSecret(revealId: string): Promise<PreparedExport> {
  return unwrap(workbench().files.prepareExport({ target: 'clipboard', raw: false, source: { kind: 'one-time-secret', revealId } }));
}
