/**
 * What the renderer does with an export: in the desktop app main already wrote it through a
 * save dialog; in the browser harness the bytes come back and become a download here.
 */
import type { ExportDelivery } from '@shared/domain/support';

export function finishExport(delivery: ExportDelivery): string {
  if (delivery.kind === 'cancelled') return 'Not saved: the save dialog was cancelled.';
  if (delivery.kind === 'saved') return `Saved ${formatBytes(delivery.bytes)} to ${delivery.path}`;
  const bytes = Uint8Array.from(atob(delivery.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: delivery.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = delivery.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return `Downloaded ${delivery.fileName} (${formatBytes(bytes.byteLength)})`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** `#/support?failure=12&tab=readiness` → its parameters. */
export function routeParams(): URLSearchParams {
  return new URLSearchParams(window.location.hash.split('?')[1] ?? '');
}
