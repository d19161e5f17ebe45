/** The directory on the shared data table: 100,000 people scroll as smoothly as 10, sorted and filtered in a worker. */
import type { JSX, ReactNode } from 'react';
import { useCallback } from 'react';
import { DataTable } from '@renderer/components/data-table/DataTable';
import type { DataColumn } from '@renderer/components/data-table/columns';

type Person = Record<string, unknown>;
const nested = (p: Person, key: string, field: string) => {
  const v = p[key];
  return v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[field] : v;
};

export const DIRECTORY_COLUMNS: DataColumn<Person>[] = [
  { id: 'first_name', header: 'First name', value: (p) => p['first_name'] },
  { id: 'middle_name', header: 'Middle name', value: (p) => p['middle_name'], hidden: true },
  { id: 'last_name', header: 'Last name', value: (p) => p['last_name'] },
  { id: 'department', header: 'Department', value: (p) => nested(p, 'department', 'name'), width: 'minmax(140px, 1.2fr)' },
  { id: 'is_active', header: 'Active', value: (p) => p['is_active'], width: '80px' },
  { id: 'manager', header: 'Manager id', value: (p) => nested(p, 'manager', 'id'), width: 'minmax(140px, 1.4fr)' },
  { id: 'id', header: 'Individual id', value: (p) => p['id'], width: 'minmax(160px, 1.6fr)' },
];

/** A person's row key: their id (stable across sorts, so a row that stays on screen is not rebuilt). */
const personKey = (p: Person, i: number) => String(p['id'] ?? i);

export function DirectoryTable({
  people,
  onOpen,
  exportStem = 'directory',
  empty,
  partial = null,
}: {
  people: Person[];
  onOpen: (id: string) => void;
  exportStem?: string;
  empty?: ReactNode;
  /** Set while not everyone has been read: said beside the export buttons and in the exports' names. */
  partial?: string | null;
}): JSX.Element {
  const open = useCallback((p: Person) => onOpen(String(p['id'] ?? '')), [onOpen]);
  return (
    <DataTable
      label="Directory"
      rows={people}
      columns={DIRECTORY_COLUMNS}
      noun={['person', 'people']}
      filterLabel="Filter people"
      filterPlaceholder="name, department, id…"
      exportStem={exportStem}
      rowKey={personKey}
      onOpen={open}
      revealed
      offThread
      empty={empty}
      partial={partial}
    />
  );
}
