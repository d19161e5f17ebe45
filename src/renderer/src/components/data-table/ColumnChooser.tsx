/** Which columns a table shows: a checkbox per column, plus "all". At least one stays shown. */
import type { JSX } from 'react';

interface Props {
  columns: readonly { id: string; header: string }[];
  isShown: (id: string) => boolean;
  onChange: (id: string, shown: boolean) => void;
  onShowAll: () => void;
}

export function ColumnChooser({ columns, isShown, onChange, onShowAll }: Props): JSX.Element {
  const shown = columns.filter((c) => isShown(c.id)).length;
  return (
    <details className="column-chooser">
      <summary className="button">
        Columns ({shown}/{columns.length})
      </summary>
      <div className="column-chooser-menu" role="group" aria-label="Columns shown">
        <div className="column-chooser-all">
          <button type="button" className="link-button" onClick={onShowAll}>
            Show all
          </button>
        </div>
        {columns.map((c) => (
          <label key={c.id} className="checkbox">
            <input
              type="checkbox"
              checked={isShown(c.id)}
              // The last shown column cannot be hidden: an empty table exports nothing useful.
              disabled={isShown(c.id) && shown === 1}
              onChange={(e) => onChange(c.id, e.target.checked)}
            />
            {c.header}
          </label>
        ))}
      </div>
    </details>
  );
}
