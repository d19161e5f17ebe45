/** The `safety` channels: arming a Production environment for destructive acts. */
import type { HandlerMap } from '@shared/contract';
import type { ProductionArming } from './production-arming';

export function buildSafetyHandlers(arming: ProductionArming, activeId: () => string): HandlerMap['safety'] {
  return {
    armingState: () => arming.state(activeId()),
    arm: ({ confirmName, minutes }) => arming.arm(activeId(), confirmName, minutes),
    disarm: () => arming.disarm(activeId()),
  };
}
