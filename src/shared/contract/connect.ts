/** Finch Connect: sessions (embedded, redirect, reauth), the code exchange, what Connect reported. Part of THE IPC contract (./index.ts assembles it). */
import { z } from 'zod';
import { ConnectCompletionSchema, ConnectReportSchema, ConnectSessionInputSchema, ConnectSessionSchema } from '../domain/connect';
import { ConnectionViewSchema } from '../domain/connection';
import { channel, event } from '../ipc/contract-kit';
import { Id } from './common';

export const connectChannels = {
  connect: {
    start: channel({
      input: ConnectSessionInputSchema,
      output: ConnectSessionSchema,
      summary: 'Create a Connect session in main (POST /connect/sessions) after checking the environment’s rules',
    }),
    complete: channel({
      input: ConnectCompletionSchema,
      output: ConnectionViewSchema,
      summary: 'Connect succeeded: main checks the state, exchanges the code once, introspects and stores the connection',
    }),
    report: channel({ input: ConnectReportSchema, output: z.null(), summary: 'Connect answered with an error or was closed' }),
    startRedirect: channel({
      input: ConnectSessionInputSchema,
      output: z.object({
        state: z.string(),
        launchUrl: z.string().nullable(),
        warnings: z.array(z.string()),
        requestId: z.string().nullable(),
      }),
      summary: 'Redirect flow: a session with a redirect_uri; main opens the Connect window (or returns the URL for a pop-up)',
    }),
    redirectFinished: event({
      payload: z.object({ state: z.string(), ok: z.boolean(), message: z.string(), connectionId: z.string().nullable() }),
      summary: 'A redirect-flow attempt ended',
    }),
    startReauth: channel({
      input: z.object({ connectionId: Id }).strict(),
      output: ConnectSessionSchema,
      summary: 'A reauthentication session for a connection that needs it (POST /connect/sessions/reauthenticate)',
    }),
  },
} as const;
