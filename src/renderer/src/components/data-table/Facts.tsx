/** A record as dotted-path facts (explorer cards, the person page): one definition list for all of them. */
import type { JSX } from 'react';
import { flatten, isSensitive, Value } from './Value';

/** A record as dotted-path facts: nulls visible, sensitive values masked until revealed. */
export function Facts({ value, revealed, skip = [], className }: { value: unknown; revealed: boolean; skip?: string[]; className?: string }): JSX.Element {
  const facts = flatten(value).filter(([path]) => !skip.some((s) => path === s || path.startsWith(`${s}.`)));
  return (
    <dl className={`facts person-facts${className ? ` ${className}` : ''}`}>
      {facts.map(([path, v]) => (
        <div key={path} className="fact">
          <dt className={isSensitive(path) ? 'sensitive' : ''}>{path}</dt>
          <dd>
            <Value value={v} path={path} revealed={revealed} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
