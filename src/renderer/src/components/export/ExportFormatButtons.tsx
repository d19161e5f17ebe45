/** The "Export CSV" / "Export JSON" pair every table-shaped view offers; each opens the export preview. */
import type { JSX } from 'react';

export function ExportFormatButtons({
  onExport,
  disabled = false,
}: {
  onExport: (format: 'csv' | 'json') => void;
  disabled?: boolean;
}): JSX.Element {
  return (
    <>
      <button type="button" className="button" onClick={() => onExport('csv')} disabled={disabled}>
        Export CSV
      </button>
      <button type="button" className="button" onClick={() => onExport('json')} disabled={disabled}>
        Export JSON
      </button>
    </>
  );
}
