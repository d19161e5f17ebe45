/**
 * The Support area: a redacted support bundle for Finch (opened from a failed request with one
 * click) and the go-live readiness report. The tab and the failure come from the URL hash
 * (`#/support?failure=12`, `#/support?tab=readiness`).
 */
import type { JSX } from 'react';
import { useEffect, useState } from 'react';
import type { EnvironmentView } from '@shared/domain/environment';
import { BundleTab } from './BundleTab';
import { routeParams } from './exports';
import { ReadinessTab } from './ReadinessTab';
import './support.css';

type Tab = 'bundle' | 'readiness';

function readRoute(): { tab: Tab; failureId: number | null } {
  const params = routeParams();
  const failure = Number(params.get('failure'));
  return {
    tab: params.get('tab') === 'readiness' ? 'readiness' : 'bundle',
    failureId: Number.isInteger(failure) && failure > 0 ? failure : null,
  };
}

export function SupportScreen({ environment }: { environment: EnvironmentView | null }): JSX.Element {
  const [route, setRoute] = useState(readRoute);
  useEffect(() => {
    const onChange = (): void => setRoute(readRoute());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const show = (tab: Tab): void => {
    window.location.hash = tab === 'readiness' ? '/support?tab=readiness' : '/support';
  };
  const tabs: { id: Tab; label: string }[] = [
    { id: 'bundle', label: 'Support bundle' },
    { id: 'readiness', label: 'Go-live readiness' },
  ];
  return (
    <section className="screen support-screen" aria-labelledby="support-title">
      <h1 id="support-title">Support</h1>
      <p className="lede">Support bundles for Finch and the go-live readiness report.</p>
      <div className="tabs" role="tablist" aria-label="Support">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`support-tab-${t.id}`}
            aria-controls={`support-panel-${t.id}`}
            aria-selected={route.tab === t.id}
            className={`tab${route.tab === t.id ? ' tab-active' : ''}`}
            onClick={() => show(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`support-panel-${route.tab}`} aria-labelledby={`support-tab-${route.tab}`}>
        {route.tab === 'bundle' ? (
          <BundleTab activeEnvironmentId={environment?.id ?? null} failureId={route.failureId} />
        ) : (
          <ReadinessTab />
        )}
      </div>
    </section>
  );
}
