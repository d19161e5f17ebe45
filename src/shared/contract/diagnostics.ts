/** Diagnostics: explanations of requests and Connect attempts, health checks. Part of THE IPC contract (./index.ts assembles it). */
import { z } from 'zod';
import { ConnectTraceSchema, ExplanationSchema, HealthCheckSchema, TraceMessageSchema } from '../domain/diagnostics';
import { channel } from '../ipc/contract-kit';
import { Id, NoInput } from './common';

export const diagnosticsChannels = {
  diagnostics: {
    explainRequest: channel({
      input: z.object({ id: z.number().int().positive() }).strict(),
      output: ExplanationSchema.nullable(),
      summary: 'What a logged attempt means and what to do next (null when it went as expected)',
    }),
    explainRequestId: channel({
      input: z.object({ requestId: z.string().min(1).max(200) }).strict(),
      output: ExplanationSchema.nullable(),
      summary: 'The explanation for the attempt with this Finch-Request-ID (null when none is needed or known)',
    }),
    connectTraces: channel({
      input: NoInput,
      output: z.array(ConnectTraceSchema),
      summary: 'Connect attempts of the active environment, newest first',
    }),
    traceConnectMessage: channel({
      input: TraceMessageSchema,
      output: z.null(),
      summary: 'A message the Connect frame posted, as the renderer saw it',
    }),
    healthCheck: channel({
      input: z.object({ connectionId: Id }).strict(),
      output: HealthCheckSchema,
      summary: 'Introspect, status per product, last sync, rate-limit headroom, with explanations',
    }),
  },
} as const;
