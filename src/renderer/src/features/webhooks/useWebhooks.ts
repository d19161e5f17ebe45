/**
 * The Webhooks screen's data: the active environment's receiver/secret/forwarding state and
 * its events, newest first, kept live by the `webhooks.received` event (new rows are
 * prepended, updated rows replaced in place).
 */
import { useCallback, useEffect } from 'react';
import type { WebhookEventSummary, WebhookState } from '@shared/domain/webhooks';
import { copyText as copyThroughGate } from '@renderer/components/export/clipboard';
import { useRead } from '@renderer/components/data/use-read';
import { unwrap, workbench } from '@renderer/workbench';

const PAGE = 200;

const NONE: WebhookEventSummary[] = [];

export function useWebhooks(environmentId: string | null) {
  // Keyed by the environment: a late answer for the one switched away from is dropped.
  const read = useRead(
    `environment:${environmentId}`,
    async () => {
      const [state, events] = await Promise.all([
        unwrap(workbench().webhooks.state({})),
        unwrap(workbench().webhooks.list({ limit: PAGE })),
      ]);
      return { state, events };
    },
    { keepDataOnError: true },
  );
  const { setData } = read;

  useEffect(
    () =>
      workbench().webhooks.onReceived((summary) => {
        if (summary.environmentId !== environmentId) return;
        setData((current) => {
          if (!current) return current;
          const at = current.events.findIndex((e) => e.id === summary.id);
          const events =
            at >= 0 ? current.events.map((e) => (e.id === summary.id ? summary : e)) : [summary, ...current.events].slice(0, PAGE);
          return { ...current, events };
        });
      }),
    [environmentId, setData],
  );

  /** A panel's act answered the new state (receiver, secret, forwarding). */
  const setState = useCallback((state: WebhookState) => setData((current) => current && { ...current, state }), [setData]);
  return { state: read.data?.state ?? null, setState, events: read.data?.events ?? NONE, error: read.error?.message ?? null };
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
