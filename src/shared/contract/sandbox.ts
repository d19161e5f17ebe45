/** The Sandbox workbench: connections without Connect, drills, mock-data writes, statuses and jobs. Part of THE IPC contract (./index.ts assembles it). */
import { z } from 'zod';
import { ConnectionViewSchema, SandboxConnectionInputSchema } from '../domain/connection';
import { DrillIdSchema, DrillResultSchema } from '../domain/drills';
import {
  CONNECTION_STATUSES,
  JOB_COMPLETIONS,
  JobConfigurationSchema,
  SandboxWriteInputSchema,
  SandboxWriteResultSchema,
} from '../domain/sandbox';
import { SyncJobViewSchema } from '../domain/sandbox-jobs';
import { channel } from '../ipc/contract-kit';
import { Id, NoInput } from './common';

export const sandboxChannels = {
  sandbox: {
    createConnection: channel({
      input: SandboxConnectionInputSchema,
      output: ConnectionViewSchema,
      summary: 'Create a sandbox connection without Connect (POST /sandbox/connections) in the active environment',
    }),
    runDrill: channel({
      input: z.object({ drill: DrillIdSchema, connectionId: Id.optional() }).strict(),
      output: DrillResultSchema,
      summary: 'Run a scenario drill on a sandbox connection; the result is stored as readiness evidence',
    }),
    drillResults: channel({
      input: NoInput,
      output: z.array(DrillResultSchema),
      summary: 'Drill results of the active environment, newest first',
    }),
    write: channel({
      input: SandboxWriteInputSchema,
      output: SandboxWriteResultSchema,
      summary: 'Edit mock data through /sandbox/* (checked against Finch’s request schema), then sync so reads show it',
    }),
    setStatus: channel({
      input: z.object({ connectionId: Id, status: z.enum(CONNECTION_STATUSES) }).strict(),
      output: ConnectionViewSchema,
      summary: 'Force a sandbox connection’s status (PUT /sandbox/connections/accounts)',
    }),
    jobConfiguration: channel({
      input: z.object({ connectionId: Id }).strict(),
      output: JobConfigurationSchema,
      summary: 'How the next data_sync_all job of a sandbox connection will end',
    }),
    setJobConfiguration: channel({
      input: z.object({ connectionId: Id, completionStatus: z.enum(JOB_COMPLETIONS) }).strict(),
      output: JobConfigurationSchema,
      summary: 'Make the next data_sync_all job complete, or fail with reauth_error, permissions_error or error',
    }),
    runSyncJob: channel({
      input: z.object({ connectionId: Id, operationId: Id.optional() }).strict(),
      output: SyncJobViewSchema,
      summary: 'Enqueue a sandbox data_sync_all and watch it to its end (progress on explorer.progress)',
    }),
  },
} as const;
