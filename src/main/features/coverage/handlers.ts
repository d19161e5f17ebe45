/** The `coverage` channels: field-coverage runs of the active environment. */
import type { HandlerMap } from '@shared/contract';
import type { CoverageService } from './coverage-service';

export function buildCoverageHandlers(coverage: CoverageService, activeId: () => string): HandlerMap['coverage'] {
  return {
    run: (input) => coverage.run(activeId(), input),
    runs: () => coverage.runs(activeId()),
    deleteRun: ({ id }) => coverage.deleteRun(activeId(), id),
  };
}
