import type { JSX } from 'react';
import { AREAS, SETTINGS_AREA_ID } from '../areas';

interface Props {
  current: string;
  onNavigate: (id: string) => void;
}

export function Navigation({ current, onNavigate }: Props): JSX.Element {
  const item = (id: string, label: string): JSX.Element => (
    <li key={id}>
      <a
        href={`#/${id}`}
        className={current === id ? 'nav-item active' : 'nav-item'}
        aria-current={current === id ? 'page' : undefined}
        onClick={(event) => {
          event.preventDefault();
          onNavigate(id);
        }}
      >
        {label}
      </a>
    </li>
  );
  return (
    <nav className="nav" aria-label="Main">
      <ul>{AREAS.map((area) => item(area.id, area.label))}</ul>
      <ul className="nav-bottom">{item(SETTINGS_AREA_ID, 'Settings')}</ul>
    </nav>
  );
}
