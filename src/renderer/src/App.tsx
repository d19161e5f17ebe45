import type { JSX } from 'react';
import { Suspense, useEffect, useState } from 'react';
import type { AppInfo } from '@shared/contract';
import { SCREENS } from './shell/screens';
import { Header } from './shell/Header';
import { Navigation } from './shell/Navigation';
import { NoticeBanner } from './shell/NoticeBanner';
import { useRoute } from './shell/useRoute';
import { useAppliedTheme, useSettings } from './shell/useTheme';
import { useEnvironments } from './features/environments/useEnvironments';
import { ProductionBand } from './shell/ProductionBand';
import { CommandPalette } from './shell/CommandPalette';
import { unwrap, workbench } from './workbench';
import { carriedRead, firstRead } from './components/startup/first-reads';

export function App(): JSX.Element {
  const [route, navigate] = useRoute();
  const { settings, error: settingsError } = useSettings();
  const [info, setInfo] = useState<AppInfo | null>(() => carriedRead('info'));
  const [infoError, setInfoError] = useState<string | null>(null);
  const environments = useEnvironments();
  useAppliedTheme(settings?.theme);

  useEffect(() => {
    unwrap(firstRead('info', () => workbench().app.getInfo())).then(setInfo, (e: Error) => setInfoError(e.message));
  }, []);

  return (
    <div className={`shell${environments.active?.kind === 'production' ? ' shell-production' : ''}`}>
      <ProductionBand state={environments.state} />
      <CommandPalette environments={environments.state} navigate={navigate} />
      <Header info={info} environments={environments.state} />
      <div className="shell-body">
        <Navigation current={route} onNavigate={navigate} />
        <main className="content" aria-live="polite">
          <NoticeBanner extra={[settingsError, infoError, environments.error].filter((m): m is string => m !== null)} />
          <Suspense fallback={<p className="muted screen-loading">Opening…</p>}>
            {SCREENS[route]?.({ settings, info, environments: environments.state, active: environments.active }) ?? null}
          </Suspense>
        </main>
      </div>
    </div>
  );
}
