/** Connections of the active environment: list, timeline, disconnect (one or reviewed all), archive, token import. Part of THE IPC contract (./index.ts assembles it). */
import { z } from 'zod';
import { BulkDisconnectTargetSchema, ConnectionEntitiesSchema, ConnectionEventSchema, ConnectionViewSchema } from '../domain/connection';
import { FinchIdSchema } from '../domain/explorer';
import { channel, event } from '../ipc/contract-kit';
import { Id, NoInput } from './common';

export const connectionsChannels = {
  connections: {
    list: channel({ input: NoInput, output: z.array(ConnectionViewSchema), summary: 'Connections of the active environment' }),
    timeline: channel({
      input: z.object({ connectionId: Id }).strict(),
      output: z.array(ConnectionEventSchema),
      summary: 'Connect, reauth, disconnect and other events of a connection, newest first, with their request ids',
    }),
    disconnect: channel({
      input: z.object({ connectionId: Id, confirmName: z.string().max(200).optional() }).strict(),
      output: ConnectionViewSchema,
      summary: 'POST /disconnect: billing stops, there is no reconnect; the token leaves the vault',
    }),
    entities: channel({
      input: z.object({ connectionId: Id }).strict(),
      output: ConnectionEntitiesSchema,
      summary: 'The legal entities of a connection and their status (GET /introspect entities)',
    }),
    disconnectEntity: channel({
      input: z
        .object({
          connectionId: Id,
          entityIds: z.array(FinchIdSchema).min(1, 'choose at least one entity').max(100),
          confirmName: z.string().max(200).optional(),
        })
        .strict(),
      output: ConnectionEntitiesSchema,
      summary: 'POST /disconnect-entity: those entities leave Finch, the others stay (Development and Production: the customer name typed)',
    }),
    describeDisconnectAll: channel({
      input: NoInput,
      output: z.array(BulkDisconnectTargetSchema),
      summary:
        'What “Disconnect all test connections” would disconnect (provider, company, connection id, people if known), to review first',
    }),
    disconnectAllSandbox: channel({
      input: z
        .object({
          connectionIds: z.array(Id).min(1).max(1000),
          // The number of connections, typed: the bulk act's deliberate confirmation.
          confirm: z.string().max(20),
        })
        .strict(),
      output: z.object({ disconnected: z.array(z.string()), failed: z.array(z.object({ id: z.string(), message: z.string() })) }),
      summary: 'Disconnect the reviewed live connections of a Sandbox environment (confirm: their number, typed)',
    }),
    archive: channel({
      input: z.object({ connectionId: Id }).strict(),
      output: ConnectionViewSchema,
      summary: 'Hide a disconnected connection from the lists (kept with its history; unarchive shows it again)',
    }),
    unarchive: channel({
      input: z.object({ connectionId: Id }).strict(),
      output: ConnectionViewSchema,
      summary: 'Show an archived connection in the lists again',
    }),
    archiveDisconnected: channel({
      input: NoInput,
      output: z.object({ archived: z.number().int().nonnegative() }),
      summary: 'Archive every disconnected connection of the active environment',
    }),
    importToken: channel({
      input: z
        .object({
          // Tokens travel in an HTTP header: printable ASCII only.
          accessToken: z
            .string()
            .trim()
            .min(8, 'looks too short')
            .max(4000)
            .regex(/^[\x21-\x7e]+$/, 'may contain only printable ASCII characters'),
          customerName: z.string().trim().min(1).max(200).optional(),
        })
        .strict(),
      output: ConnectionViewSchema,
      summary: 'Introspect an access token made elsewhere and store it (refused when it belongs to another environment)',
    }),
    changed: event({ payload: z.object({ environmentId: z.string() }), summary: 'Connections of an environment changed' }),
  },
} as const;
