/**
 * The Integration lab: your own backend under test. Start the local Finch proxy, point your SDK
 * at it, choose what it injects (Finch's failures, from the checklist's presets), and read the
 * scorecard your traffic earned, each verdict linked to the request log rows behind it.
 */
import './integration-lab.css';
import type { JSX } from 'react';
import { useEffect, useState } from 'react';
import type { EnvironmentView } from '@shared/domain/environment';
import { useRead } from '@renderer/components/data/use-read';
import { unwrap, workbench } from '@renderer/workbench';
import { ProxyPanel } from './ProxyPanel';
import { ScenarioPanel } from './ScenarioPanel';
import { ScorecardPanel } from './ScorecardPanel';

/** Calls arrive in bursts: the scorecard is graded again at most this often. */
const REGRADE_MS = 1_000;

export function IntegrationLabScreen({ environment }: { environment: EnvironmentView | null }): JSX.Element {
  const [version, setVersion] = useState(0);
  const status = useRead(`status:${environment?.id ?? ''}`, () => unwrap(workbench().integrationLab.status()));
  const presets = useRead('presets', () => unwrap(workbench().integrationLab.presets()));
  const scenario = useRead('scenario', () => unwrap(workbench().integrationLab.scenario()));
  const card = useRead(`scorecard:${version}`, () => unwrap(workbench().integrationLab.scorecard()));

  const reloadStatus = status.reload;
  const reloadScenario = scenario.reload;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = workbench().integrationLab.onCallsArrived(() => {
      timer ??= setTimeout(() => {
        timer = null;
        setVersion((v) => v + 1);
        reloadStatus();
        reloadScenario();
      }, REGRADE_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [reloadStatus, reloadScenario]);

  return (
    <section className="screen screen-wide" aria-labelledby="integration-lab-title">
      <h1 id="integration-lab-title">Integration lab</h1>
      <p className="lede">
        Point your own backend at a local Finch proxy, inject Finch’s failures, and see what your code does about them.
      </p>
      <ProxyPanel
        status={status.data}
        environment={environment}
        onChanged={(next) => {
          status.setData(next);
          setVersion((v) => v + 1);
        }}
      />
      <ScenarioPanel presets={presets.data} scenario={scenario.data} onChanged={(next) => scenario.setData(next)} />
      <ScorecardPanel
        card={card.data}
        error={card.error?.message ?? status.error?.message ?? null}
        onRegrade={() => setVersion((v) => v + 1)}
      />
    </section>
  );
}
