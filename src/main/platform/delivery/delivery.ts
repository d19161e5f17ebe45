/**
 * How an export reaches the user. The desktop app injects a FileSaver (a save dialog, see
 * src/main/electron/file-saver.ts); the browser harness has none, so the bytes go back to
 * the renderer, which offers them as a download. Shared by support bundles and the
 * readiness report.
 */
import type { ExportDelivery } from '@shared/domain/support';

export interface SaveRequest {
  suggestedName: string;
  /** e.g. `{ name: 'Zip archive', extensions: ['zip'] }`. */
  filter: { name: string; extensions: string[] };
  bytes: Uint8Array;
}

export interface FileSaver {
  /** Asks where to save and writes the bytes; resolves to the path, or null when the user cancelled. */
  save(request: SaveRequest): Promise<string | null>;
}

export async function deliver(saver: FileSaver | null, request: SaveRequest, mimeType: string): Promise<ExportDelivery> {
  if (!saver) return { kind: 'download', fileName: request.suggestedName, mimeType, base64: Buffer.from(request.bytes).toString('base64') };
  const path = await saver.save(request);
  return path === null ? { kind: 'cancelled' } : { kind: 'saved', path, bytes: request.bytes.byteLength };
}

/** Renders an HTML page to PDF (Electron's webContents.printToPDF); absent in the browser harness. */
export interface PdfPrinter {
  print(html: string): Promise<Uint8Array>;
}
