import type { JSX } from 'react';
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/contract';
import { AREAS, SETTINGS_AREA_ID } from './shell/areas';
import { Header } from './shell/Header';
import { Navigation } from './shell/Navigation';
import { NoticeBanner } from './shell/NoticeBanner';
import { useRoute } from './shell/useRoute';
import { useAppliedTheme, useSettings } from './shell/useTheme';
import { AreaPlaceholder } from './features/areas/AreaPlaceholder';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { EnvironmentsScreen } from './features/environments/EnvironmentsScreen';
import { useEnvironments } from './features/environments/useEnvironments';
import { ProductionBand } from './shell/ProductionBand';
import { CommandPalette } from './shell/CommandPalette';
import { RequestLogScreen } from './features/request-log/RequestLogScreen';
import { SandboxScreen } from './features/sandbox/SandboxScreen';
import { ConnectionsScreen } from './features/connections/ConnectionsScreen';
import { ExplorerScreen } from './features/explorer/ExplorerScreen';
import { CoverageScreen } from './features/coverage/CoverageScreen';
import { SnapshotsScreen } from './features/snapshots/SnapshotsScreen';
import { SupportScreen } from './features/support/SupportScreen';
import { WebhooksScreen } from './features/webhooks/WebhooksScreen';
import { unwrap, workbench } from './workbench';

export function App(): JSX.Element {
  const [route, navigate] = useRoute();
  const { settings, error: settingsError } = useSettings();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [infoError, setInfoError] = useState<string | null>(null);
  const environments = useEnvironments();
  useAppliedTheme(settings?.theme);

  useEffect(() => {
    unwrap(workbench().app.getInfo()).then(setInfo, (e: Error) => setInfoError(e.message));
  }, []);

  const area = AREAS.find((a) => a.id === route);
  return (
    <div className={`shell${environments.active?.kind === 'production' ? ' shell-production' : ''}`}>
      <ProductionBand state={environments.state} />
      <CommandPalette environments={environments.state} navigate={navigate} />
      <Header info={info} environments={environments.state} />
      <div className="shell-body">
        <Navigation current={route} onNavigate={navigate} />
        <main className="content" aria-live="polite">
          <NoticeBanner extra={[settingsError, infoError, environments.error].filter((m): m is string => m !== null)} />
          {route === SETTINGS_AREA_ID ? (
            <SettingsScreen settings={settings} info={info} />
          ) : route === 'environments' ? (
            <EnvironmentsScreen state={environments.state} />
          ) : route === 'connections' ? (
            <ConnectionsScreen environment={environments.active} />
          ) : route === 'explorer' ? (
            <ExplorerScreen environment={environments.active} />
          ) : route === 'coverage' ? (
            <CoverageScreen environment={environments.active} />
          ) : route === 'snapshots' ? (
            <SnapshotsScreen environment={environments.active} />
          ) : route === 'sandbox' ? (
            <SandboxScreen environment={environments.active} />
          ) : route === 'webhooks' ? (
            <WebhooksScreen environment={environments.active} />
          ) : route === 'request-log' ? (
            <RequestLogScreen environments={environments.state} />
          ) : route === 'support' ? (
            <SupportScreen environment={environments.active} />
          ) : area ? (
            <AreaPlaceholder area={area} />
          ) : null}
        </main>
      </div>
    </div>
  );
}
