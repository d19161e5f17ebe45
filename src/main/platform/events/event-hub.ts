/**
 * Main→renderer events. Services emit typed events here; each transport (Electron windows,
 * harness WebSockets) registers a sink. Payloads are checked against the contract so a bad
 * event is a bug caught in main, not a confusing render.
 */
import type { ContractSpec, EmitOf } from '@shared/ipc/contract-kit';
import { channelName, listEvents } from '@shared/ipc/contract-kit';

export type EventSink = (channel: string, payload: unknown) => void;

export interface EventHub<C extends ContractSpec> {
  emit: EmitOf<C>;
  addSink(sink: EventSink): () => void;
}

export function createEventHub<C extends ContractSpec>(contract: C): EventHub<C> {
  const schemas = new Map(listEvents(contract).map((e) => [e.channel, e.spec.payload]));
  const sinks = new Set<EventSink>();
  const emit = ((feature: string, name: string, payload: unknown) => {
    const channel = channelName(feature, name);
    const schema = schemas.get(channel);
    if (!schema) throw new Error(`Unknown event ${channel}`);
    const data = schema.parse(payload);
    for (const sink of sinks) sink(channel, data);
  }) as EmitOf<C>;
  return {
    emit,
    addSink(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
  };
}
