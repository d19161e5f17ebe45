import type { JSX } from 'react';
import type { AppInfo } from '@shared/contract';
import type { EnvironmentsState } from '@shared/domain/environment';
import { EnvironmentSwitcher } from './EnvironmentSwitcher';

export function Header({ info, environments }: { info: AppInfo | null; environments: EnvironmentsState | null }): JSX.Element {
  return (
    <header className="header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          F
        </span>
        <span className="brand-name">Finch Workbench</span>
        {info && <span className="brand-version">v{info.version}</span>}
      </div>
      <EnvironmentSwitcher state={environments} />
    </header>
  );
}
