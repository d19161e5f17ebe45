/** The `snapshots` channels: full pulls kept on this computer, and their diffs. */
import type { HandlerMap } from '@shared/contract';
import type { SnapshotService } from './snapshot-service';

export function buildSnapshotHandlers(snapshots: SnapshotService, activeId: () => string): HandlerMap['snapshots'] {
  return {
    take: (input) => snapshots.take(activeId(), input),
    list: () => snapshots.list(activeId()),
    remove: ({ id }) => snapshots.remove(activeId(), id),
    removeAll: ({ connectionId }) => snapshots.removeAll(activeId(), connectionId),
    diff: ({ fromId, toId }) => snapshots.diff(activeId(), fromId, toId),
  };
}
