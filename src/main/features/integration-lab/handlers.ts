/** The `integrationLab` channels: the local Finch proxy, its scenario and the calls it saw. */
import type { HandlerMap } from '@shared/contract';
import type { IntegrationLab } from './integration-lab';

export function buildIntegrationLabHandlers(lab: IntegrationLab, now: () => number): HandlerMap['integrationLab'] {
  return {
    start: (input) => lab.start(input),
    stop: () => lab.stop(),
    status: () => lab.status(),
    presets: () => lab.presets(),
    setScenario: (input) => lab.setScenario(input),
    scenario: () => lab.scenario(),
    calls: (input) => lab.calls(input),
    reset: () => lab.reset(),
    scorecard: () => lab.scorecard(now()),
  };
}
