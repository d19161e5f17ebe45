/**
 * Which screen each route shows: one registry instead of a chain of conditions. A screen gets
 * the app-wide state it needs (settings, app info, environments) from the shell.
 */
import type { JSX } from 'react';
import type { AppInfo, Settings } from '@shared/contract';
import type { EnvironmentsState, EnvironmentView } from '@shared/domain/environment';
import { ConnectionsScreen } from '../features/connections/ConnectionsScreen';
import { CoverageScreen } from '../features/coverage/CoverageScreen';
import { DeductionsScreen } from '../features/deductions/DeductionsScreen';
import { EnvironmentsScreen } from '../features/environments/EnvironmentsScreen';
import { ExplorerScreen } from '../features/explorer/ExplorerScreen';
import { RequestLogScreen } from '../features/request-log/RequestLogScreen';
import { SandboxScreen } from '../features/sandbox/SandboxScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { SnapshotsScreen } from '../features/snapshots/SnapshotsScreen';
import { SupportScreen } from '../features/support/SupportScreen';
import { WebhooksScreen } from '../features/webhooks/WebhooksScreen';
import { SETTINGS_AREA_ID } from '../areas';

export interface ScreenContext {
  settings: Settings | null;
  info: AppInfo | null;
  environments: EnvironmentsState | null;
  active: EnvironmentView | null;
}

export const SCREENS: Record<string, (c: ScreenContext) => JSX.Element> = {
  [SETTINGS_AREA_ID]: (c) => <SettingsScreen settings={c.settings} info={c.info} />,
  environments: (c) => <EnvironmentsScreen state={c.environments} />,
  connections: (c) => <ConnectionsScreen environment={c.active} />,
  explorer: (c) => <ExplorerScreen environment={c.active} />,
  coverage: (c) => <CoverageScreen environment={c.active} />,
  snapshots: (c) => <SnapshotsScreen environment={c.active} />,
  sandbox: (c) => <SandboxScreen environment={c.active} />,
  deductions: (c) => <DeductionsScreen environment={c.active} />,
  webhooks: (c) => <WebhooksScreen environment={c.active} />,
  'request-log': (c) => <RequestLogScreen environments={c.environments} />,
  support: (c) => <SupportScreen environment={c.active} />,
};
