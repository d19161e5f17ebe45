/** The `connections` channels of the active environment: list, timeline, disconnect, archive, import. */
import type { HandlerMap } from '@shared/contract';
import type { ConnectionLifecycle } from '@main/platform/workspace/connection-lifecycle';
import type { ConnectionService } from '@main/platform/workspace/connection-service';

export function buildConnectionHandlers(d: {
  connections: ConnectionService;
  lifecycle: ConnectionLifecycle;
  activeId: () => string;
}): HandlerMap['connections'] {
  const { connections, lifecycle, activeId } = d;
  return {
    list: () => connections.list(activeId()),
    timeline: ({ connectionId }) => connections.timeline(activeId(), connectionId),
    disconnect: ({ connectionId, confirmName }) => lifecycle.disconnect(activeId(), connectionId, confirmName),
    entities: ({ connectionId }) => lifecycle.entities(activeId(), connectionId),
    disconnectEntity: ({ connectionId, entityIds, confirmName }) =>
      lifecycle.disconnectEntity(activeId(), connectionId, entityIds, confirmName),
    describeDisconnectAll: () => lifecycle.describeDisconnectAll(activeId()),
    disconnectAllSandbox: ({ connectionIds, confirm }) => lifecycle.disconnectAllSandbox(activeId(), connectionIds, confirm),
    archive: ({ connectionId }) => connections.archive(activeId(), connectionId),
    unarchive: ({ connectionId }) => connections.unarchive(activeId(), connectionId),
    archiveDisconnected: () => connections.archiveDisconnected(activeId()),
    importToken: ({ accessToken, customerName }) => lifecycle.importToken(activeId(), accessToken, customerName),
  };
}
