/** The request log (every attempt with its Finch-Request-ID) and the rate meter. Part of THE IPC contract (./index.ts assembles it). */
import { z } from 'zod';
import { MeterReadingSchema, RequestLogEntrySchema, RequestLogQuerySchema } from '../domain/request-log';
import { LogSizeSchema } from '../domain/log-retention';
import { channel, event } from '../ipc/contract-kit';
import { NoInput } from './common';

export const requestLogChannels = {
  requestLog: {
    search: channel({
      input: RequestLogQuerySchema,
      output: z.array(RequestLogEntrySchema),
      summary: 'Logged attempts, newest first, filtered and searched',
    }),
    attemptsOf: channel({
      input: z.object({ callId: z.string().min(1).max(100) }).strict(),
      output: z.array(RequestLogEntrySchema),
      summary: 'Every attempt of one call (retries included), oldest first',
    }),
    size: channel({
      input: NoInput,
      output: LogSizeSchema,
      summary: 'Rows, file size, bytes per row, oldest row and what the retention setting will prune next',
    }),
    appended: event({ payload: z.array(RequestLogEntrySchema), summary: 'New attempts were logged (batched)' }),
  },
  rateLimits: {
    readings: channel({ input: NoInput, output: z.array(MeterReadingSchema), summary: 'Used/limit per application and product' }),
    changed: event({ payload: z.array(MeterReadingSchema), summary: 'Meter readings changed (batched)' }),
  },
} as const;
