/** The directory as a virtualised table: 10,000 people scroll as smoothly as 10. */
import type { JSX } from 'react';
import { useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Value } from './Value';

const COLUMNS: { key: string; label: string; get: (p: Record<string, unknown>) => unknown }[] = [
  { key: 'first_name', label: 'First name', get: (p) => p['first_name'] },
  { key: 'last_name', label: 'Last name', get: (p) => p['last_name'] },
  { key: 'department', label: 'Department', get: (p) => (p['department'] as { name?: unknown } | null | undefined)?.name ?? p['department'] },
  { key: 'is_active', label: 'Active', get: (p) => p['is_active'] },
  { key: 'manager', label: 'Manager id', get: (p) => (p['manager'] as { id?: unknown } | null | undefined)?.id ?? p['manager'] },
  { key: 'id', label: 'Individual id', get: (p) => p['id'] },
];

export function DirectoryTable({ people, onOpen }: { people: Record<string, unknown>[]; onOpen: (id: string) => void }): JSX.Element {
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return needle ? people.filter((p) => COLUMNS.some((c) => String(c.get(p) ?? '').toLowerCase().includes(needle))) : people;
  }, [people, filter]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => 32, overscan: 15 });
  return (
    <div>
      <label className="field inline-search">
        <span>Filter people</span>
        <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="name, department, id…" />
      </label>
      <p className="muted" role="status">
        {rows.length.toLocaleString()} of {people.length.toLocaleString()} people
      </p>
      <div className="log-table" role="table" aria-label="Directory" aria-rowcount={rows.length}>
        <div className="dir-row log-head" role="row">
          {COLUMNS.map((c) => (
            <span key={c.key} role="columnheader">
              {c.label}
            </span>
          ))}
        </div>
        {/* As tall as its rows, up to a screenful: a filtered list should not leave a void. */}
        <div ref={scroller} className="log-scroller" style={{ height: Math.min(Math.max(rows.length, 2) * 32, 480), minHeight: 0 }}>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const person = rows[item.index]!;
              const id = String(person['id'] ?? '');
              return (
                <div
                  key={id || item.index}
                  role="row"
                  tabIndex={0}
                  className="dir-row"
                  style={{ position: 'absolute', top: 0, transform: `translateY(${item.start}px)`, height: 32, width: '100%' }}
                  onClick={() => onOpen(id)}
                  onKeyDown={(e) => e.key === 'Enter' && onOpen(id)}
                >
                  {COLUMNS.map((c) => (
                    <span key={c.key} role="cell" className="ellipsis">
                      <Value value={c.get(person)} path={c.key} revealed />
                    </span>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
