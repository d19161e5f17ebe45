/** The `sandbox` channels: connections without Connect, drills, mock-data writes, statuses and jobs. */
import type { HandlerMap } from '@shared/contract';
import type { ConnectionService } from '@main/platform/workspace/connection-service';
import type { DrillRunner } from './drills';
import type { MockData } from './mock-data';

export function buildSandboxHandlers(d: {
  connections: ConnectionService;
  drills: DrillRunner;
  mockData: MockData;
  activeId: () => string;
}): HandlerMap['sandbox'] {
  const { connections, drills, mockData, activeId } = d;
  return {
    createConnection: (input) => connections.createSandbox(activeId(), input),
    runDrill: ({ drill, connectionId }) => drills.run(activeId(), drill, connectionId ?? null),
    drillResults: () => drills.results(activeId()),
    write: (input) => mockData.write(activeId(), input),
    setStatus: ({ connectionId, status }) => mockData.setStatus(activeId(), connectionId, status),
    jobConfiguration: ({ connectionId }) => mockData.jobConfiguration(activeId(), connectionId),
    setJobConfiguration: ({ connectionId, completionStatus }) => mockData.setJobConfiguration(activeId(), connectionId, completionStatus),
    runSyncJob: ({ connectionId, operationId }) => mockData.runSyncJob(activeId(), connectionId, operationId),
  };
}
