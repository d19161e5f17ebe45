/** Environments: Local simulator, Sandbox, Development, Production; credentials stay in main. Part of THE IPC contract (./index.ts assembles it). */
import { z } from 'zod';
import {
  DeletionPreviewSchema,
  EnvironmentInputSchema,
  EnvironmentNameSchema,
  EnvironmentPatchSchema,
  EnvironmentsStateSchema,
} from '../domain/environment';
import { channel, event } from '../ipc/contract-kit';
import { Id, NoInput } from './common';

export const ConnectionCheckSchema = z.object({
  allowed: z.boolean(),
  reason: z.string().optional(),
  warnings: z.array(z.string()),
});

/** The outcome of "Check credentials" (main's credential-check.ts returns exactly this). */
export const CredentialCheckSchema = z.object({
  ok: z.boolean(),
  status: z.number().nullable(),
  message: z.string(),
  requestId: z.string().nullable(),
});
export type CredentialCheck = z.infer<typeof CredentialCheckSchema>;

export const environmentsChannels = {
  environments: {
    getState: channel({
      input: NoInput,
      output: EnvironmentsStateSchema,
      summary: 'All environments, the active one, and where secrets are kept',
    }),
    create: channel({
      input: EnvironmentInputSchema,
      output: EnvironmentsStateSchema,
      summary: 'Add a Sandbox, Development or Production environment',
    }),
    update: channel({
      input: EnvironmentPatchSchema,
      output: EnvironmentsStateSchema,
      summary: 'Rename, re-key, or replace/clear the secret',
    }),
    duplicate: channel({
      input: z.object({ id: Id, name: EnvironmentNameSchema }).strict(),
      output: EnvironmentsStateSchema,
      summary: 'Copy an environment without its secret',
    }),
    describeDeletion: channel({
      input: z.object({ id: Id }).strict(),
      output: DeletionPreviewSchema,
      summary: 'What deleting would remove',
    }),
    remove: channel({
      input: z.object({ id: Id, confirmName: z.string().max(200).optional() }).strict(),
      output: EnvironmentsStateSchema,
      summary: 'Delete an environment and everything recorded in it',
    }),
    setActive: channel({
      input: z.object({ id: Id }).strict(),
      output: EnvironmentsStateSchema,
      summary: 'Switch the whole app to an environment',
    }),
    importJson: channel({
      input: z.object({ json: z.string().min(1).max(1_000_000) }).strict(),
      output: EnvironmentsStateSchema,
      summary: 'Add environments from an exported file',
    }),
    checkConnection: channel({
      input: z
        .object({
          id: Id,
          providerId: z.string().max(100).optional(),
          authMethod: z.enum(['credential', 'api_token', 'oauth', 'assisted']).optional(),
          sandboxMode: z.enum(['finch', 'provider']).optional(),
        })
        .strict(),
      output: ConnectionCheckSchema,
      summary: 'Whether this environment allows a connection like this, and what to know first',
    }),
    checkCredentials: channel({
      input: z.object({ id: Id }).strict(),
      output: CredentialCheckSchema,
      summary: 'Verify the client_id/secret against the API with no side effect; says what it did',
    }),
    changed: event({ payload: EnvironmentsStateSchema, summary: 'Environments or the active one changed' }),
  },
} as const;
