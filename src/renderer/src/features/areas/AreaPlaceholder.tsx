import type { JSX } from 'react';
/** An area whose screen is not built yet: says plainly what it will hold. */
import type { Area } from '../../shell/areas';

export function AreaPlaceholder({ area }: { area: Area }): JSX.Element {
  return (
    <section className="screen" aria-labelledby={`${area.id}-title`}>
      <h1 id={`${area.id}-title`}>{area.label}</h1>
      <p className="lede">{area.purpose}</p>
      <div className="card empty-state">
        <h2>Not built yet</h2>
        <p>This part of Finch Workbench is on its way. When it lands, you will be able to:</p>
        <ul>
          {area.planned.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}
