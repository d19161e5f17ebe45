/** The `readiness` channels: the go-live report, its manual ticks and its exports. */
import type { HandlerMap } from '@shared/contract';
import type { ReadinessService } from './readiness-service';

export function buildReadinessHandlers(readiness: ReadinessService): HandlerMap['readiness'] {
  return {
    report: () => readiness.report(),
    setCheck: ({ itemId, checked, note }) => readiness.setCheck(itemId, checked, note),
    export: ({ format }) => readiness.export(format),
  };
}
