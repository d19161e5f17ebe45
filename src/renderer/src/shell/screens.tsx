/**
 * Which screen each route shows: one registry instead of a chain of conditions. A screen gets
 * the app-wide state it needs (settings, app info, environments) from the shell.
 *
 * Every screen but Environments (the first one a new user sees) is its own chunk, loaded when
 * first opened: the first screen does not wait for the explorer, the webhook lab and the rest.
 */
import type { JSX } from 'react';
import { lazy } from 'react';
import type { AppInfo, Settings } from '@shared/contract';
import type { EnvironmentsState, EnvironmentView } from '@shared/domain/environment';
import { EnvironmentsScreen } from '../features/environments/EnvironmentsScreen';
import { SETTINGS_AREA_ID } from '../areas';

const ConnectionsScreen = lazy(() => import('../features/connections/ConnectionsScreen').then((m) => ({ default: m.ConnectionsScreen })));
const CoverageScreen = lazy(() => import('../features/coverage/CoverageScreen').then((m) => ({ default: m.CoverageScreen })));
const DeductionsScreen = lazy(() => import('../features/deductions/DeductionsScreen').then((m) => ({ default: m.DeductionsScreen })));
const IntegrationLabScreen = lazy(() =>
  import('../features/integration-lab/IntegrationLabScreen').then((m) => ({ default: m.IntegrationLabScreen })),
);
const ExplorerScreen = lazy(() => import('../features/explorer/ExplorerScreen').then((m) => ({ default: m.ExplorerScreen })));
const RequestLogScreen = lazy(() => import('../features/request-log/RequestLogScreen').then((m) => ({ default: m.RequestLogScreen })));
const SandboxScreen = lazy(() => import('../features/sandbox/SandboxScreen').then((m) => ({ default: m.SandboxScreen })));
const SettingsScreen = lazy(() => import('../features/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));
const SnapshotsScreen = lazy(() => import('../features/snapshots/SnapshotsScreen').then((m) => ({ default: m.SnapshotsScreen })));
const SupportScreen = lazy(() => import('../features/support/SupportScreen').then((m) => ({ default: m.SupportScreen })));
const WebhooksScreen = lazy(() => import('../features/webhooks/WebhooksScreen').then((m) => ({ default: m.WebhooksScreen })));
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
  'integration-lab': (c) => <IntegrationLabScreen environment={c.active} />,
  webhooks: (c) => <WebhooksScreen environment={c.active} />,
  'request-log': (c) => <RequestLogScreen environments={c.environments} />,
  support: (c) => <SupportScreen environment={c.active} />,
};
