/** A record as dotted-path facts (explorer cards, the person page): one definition list for all of them. */
import type { JSX } from 'react';
import { Fragment } from 'react';
import { flatten, isSensitive, Value } from './Value';

/** A dotted snake_case name with break points after `_` and `.`, so a long one wraps at its words. */
function Breakable({ name }: { name: string }): JSX.Element {
  const parts = name.split(/(?<=[_.])/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </>
  );
}

/** A record as dotted-path facts: nulls visible, sensitive values masked until revealed. */
export function Facts({
  value,
  revealed,
  skip = [],
  className,
}: {
  value: unknown;
  revealed: boolean;
  skip?: string[];
  className?: string;
}): JSX.Element {
  const facts = flatten(value).filter(([path]) => !skip.some((s) => path === s || path.startsWith(`${s}.`)));
  return (
    <dl className={`facts person-facts${className ? ` ${className}` : ''}`}>
      {facts.map(([path, v]) => (
        <div key={path} className="fact">
          <dt className={isSensitive(path) ? 'sensitive' : ''}>
            <Breakable name={path} />
          </dt>
          <dd>
            <Value value={v} path={path} revealed={revealed} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
