/**
 * The Webhooks screen's data: the active environment's receiver/secret/forwarding state and
 * its events, newest first, kept live by the `webhooks.received` event (new rows are
 * prepended, updated rows replaced in place).
 */
import { useCallback, useEffect, useState } from 'react';
import type { WebhookEventSummary, WebhookState } from '@shared/domain/webhooks';
import { copyText as copyThroughGate } from '@renderer/components/export/clipboard';
import { unwrap, workbench } from '@renderer/workbench';

const PAGE = 200;

export function useWebhooks(environmentId: string | null) {
  const [state, setState] = useState<WebhookState | null>(null);
  const [events, setEvents] = useState<WebhookEventSummary[]>([]);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    Promise.all([unwrap(workbench().webhooks.state({})), unwrap(workbench().webhooks.list({ limit: PAGE }))]).then(
      ([s, list]) => (setState(s), setEvents(list), setError(null)),
      (e: Error) => setError(e.message),
    );
  }, []);

  useEffect(() => {
    reload();
  }, [reload, environmentId]);

  useEffect(
    () =>
      workbench().webhooks.onReceived((summary) => {
        if (summary.environmentId !== environmentId) return;
        setEvents((current) => {
          const at = current.findIndex((e) => e.id === summary.id);
          if (at >= 0) return current.map((e) => (e.id === summary.id ? summary : e));
          return [summary, ...current].slice(0, PAGE);
        });
      }),
    [environmentId],
  );

  return { state, setState, events, error, setError, reload };
}

/** Copies text through the export gate like every copy; says what happened in words the status line can show. */
export async function copyText(text: string, what: string): Promise<string> {
  try {
    const copied = await copyThroughGate(text);
    return copied.content === text ? `Copied ${what}.` : `Copied ${what} (with some values hidden).`;
  } catch (error) {
    return (error as Error).message;
  }
}
