/** The Reveal toggle every screen with sensitive values shares (explorer views, snapshot diffs). */
import type { JSX } from 'react';

export function RevealToggle({ revealed, onChange }: { revealed: boolean; onChange: (next: boolean) => void }): JSX.Element {
  return (
    <button type="button" className="button" onClick={() => onChange(!revealed)} aria-pressed={revealed}>
      {revealed ? 'Hide sensitive values' : 'Reveal sensitive values'}
    </button>
  );
}
