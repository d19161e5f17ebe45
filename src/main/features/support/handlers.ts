/** The `support` channels: the bundle's scope, its preview and its export. */
import type { HandlerMap } from '@shared/contract';
import type { SupportService } from './support-service';

export function buildSupportHandlers(support: SupportService, activeId: () => string): HandlerMap['support'] {
  return {
    scope: ({ environmentId }) => support.scope(environmentId ?? activeId()),
    selectionForFailure: ({ requestLogId }) => support.selectionForFailure(requestLogId),
    preview: (selection) => support.preview(selection),
    export: (selection) => support.export(selection),
  };
}
