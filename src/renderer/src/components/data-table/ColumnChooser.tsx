/** Which columns a table shows: a checkbox per column, plus "all". At least one stays shown. */
import type { JSX } from 'react';
import type { Table } from '@tanstack/react-table';

export function ColumnChooser<T>({ table }: { table: Table<T> }): JSX.Element {
  const columns = table.getAllLeafColumns();
  const shown = columns.filter((c) => c.getIsVisible()).length;
  return (
    <details className="column-chooser">
      <summary className="button">
        Columns ({shown}/{columns.length})
      </summary>
      <div className="column-chooser-menu" role="group" aria-label="Columns shown">
        <div className="column-chooser-all">
          <button type="button" className="link-button" onClick={() => table.toggleAllColumnsVisible(true)}>
            Show all
          </button>
        </div>
        {columns.map((c) => (
          <label key={c.id} className="checkbox">
            <input
              type="checkbox"
              checked={c.getIsVisible()}
              // The last shown column cannot be hidden: an empty table exports nothing useful.
              disabled={c.getIsVisible() && shown === 1}
              onChange={(e) => c.toggleVisibility(e.target.checked)}
            />
            {String(c.columnDef.header)}
          </label>
        ))}
      </div>
    </details>
  );
}
