import type { JSX } from 'react';
import type { AppInfo } from '../../../shared/contract';

export function Header({ info }: { info: AppInfo | null }): JSX.Element {
  return (
    <header className="header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          F
        </span>
        <span className="brand-name">Finch Workbench</span>
        {info && <span className="brand-version">v{info.version}</span>}
      </div>
      <div className="header-env" title="The environment every action in this window uses">
        <span className="env-dot" aria-hidden="true" />
        <span>Local simulator</span>
      </div>
    </header>
  );
}
