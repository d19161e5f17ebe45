/**
 * THE IPC contract: every channel the renderer may call and every event main may push.
 * The preload API (`window.workbench.<feature>.<verb>`), the main handler map, the browser
 * harness and the tests are all derived from this one object. Add a channel here and the
 * type checker tells you where it must be implemented. The larger features' channels are
 * written in src/shared/contract-parts/ and assembled into this object.
 */
import { z } from 'zod';
import { channel, event } from './ipc/contract-kit';
import type { HandlerMapOf, WorkbenchApiOf, EmitOf } from './ipc/contract-kit';
import { DeletionPreviewSchema, EnvironmentInputSchema, EnvironmentNameSchema, EnvironmentPatchSchema, EnvironmentsStateSchema } from './domain/environment';
import { ConnectCompletionSchema, ConnectReportSchema, ConnectSessionInputSchema, ConnectSessionSchema } from './domain/connect';
import { BulkDisconnectTargetSchema, ConnectionEventSchema, ConnectionViewSchema } from './domain/connection';
import { ConnectTraceSchema, ExplanationSchema, HealthCheckSchema, TraceMessageSchema } from './domain/diagnostics';
import { ArmingStateSchema } from './domain/arming';
import { MeterReadingSchema, RequestLogEntrySchema, RequestLogQuerySchema } from './domain/request-log';
// The larger features' channels live in contract-parts/ (one file each) and are assembled here.
import { Id, NoInput } from './contract-parts/common';
import { explorerChannels } from './contract-parts/explorer';
import { outputsChannels } from './contract-parts/outputs';
import { sandboxChannels } from './contract-parts/sandbox';
import { webhooksChannels } from './contract-parts/webhooks';

export const ConnectionCheckSchema = z.object({
  allowed: z.boolean(),
  reason: z.string().optional(),
  warnings: z.array(z.string()),
});

export const ThemeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof ThemeSchema>;

export const SettingsSchema = z.object({
  theme: ThemeSchema,
});
/** What is stored in the settings file: the user's settings plus app state kept with them. */
export const StoredSettingsSchema = SettingsSchema.extend({ activeEnvironmentId: z.string().optional() });
export type Settings = z.infer<typeof SettingsSchema>;

export const NoticeSchema = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const SecretStorageStatusSchema = z.object({
  available: z.boolean(),
  /** e.g. `keychain`, `dpapi`, `gnome_libsecret`, `basic_text`, `none`. */
  backend: z.string(),
  /** What this means for the user, in one sentence. */
  detail: z.string(),
});
export type SecretStorageStatus = z.infer<typeof SecretStorageStatusSchema>;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  runtime: z.enum(['electron', 'browser-harness']),
  platform: z.string(),
  dataFolder: z.string(),
  secretStorage: SecretStorageStatusSchema,
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const contract = {
  app: {
    getInfo: channel({ input: NoInput, output: AppInfoSchema, summary: 'Version, data folder and secret storage status' }),
    listNotices: channel({
      input: NoInput,
      output: z.array(NoticeSchema),
      summary: 'Things the user must know about, e.g. a settings file that was moved aside',
    }),
    dismissNotice: channel({
      input: z.object({ id: z.string().min(1).max(200) }).strict(),
      output: z.array(NoticeSchema),
      summary: 'Hide a notice; returns the remaining ones',
    }),
    noticesChanged: event({ payload: z.array(NoticeSchema), summary: 'The list of notices changed' }),
  },
  settings: {
    get: channel({ input: NoInput, output: SettingsSchema, summary: 'Current settings' }),
    update: channel({
      input: SettingsSchema.partial().strict(),
      output: SettingsSchema,
      summary: 'Change one or more settings; returns the saved settings',
    }),
    changed: event({ payload: SettingsSchema, summary: 'Settings were saved' }),
  },
  environments: {
    getState: channel({ input: NoInput, output: EnvironmentsStateSchema, summary: 'All environments, the active one, and where secrets are kept' }),
    create: channel({ input: EnvironmentInputSchema, output: EnvironmentsStateSchema, summary: 'Add a Sandbox, Development or Production environment' }),
    update: channel({ input: EnvironmentPatchSchema, output: EnvironmentsStateSchema, summary: 'Rename, re-key, or replace/clear the secret' }),
    duplicate: channel({
      input: z.object({ id: Id, name: EnvironmentNameSchema }).strict(),
      output: EnvironmentsStateSchema,
      summary: 'Copy an environment without its secret',
    }),
    describeDeletion: channel({ input: z.object({ id: Id }).strict(), output: DeletionPreviewSchema, summary: 'What deleting would remove' }),
    remove: channel({
      input: z.object({ id: Id, confirmName: z.string().max(200).optional() }).strict(),
      output: EnvironmentsStateSchema,
      summary: 'Delete an environment and everything recorded in it',
    }),
    setActive: channel({ input: z.object({ id: Id }).strict(), output: EnvironmentsStateSchema, summary: 'Switch the whole app to an environment' }),
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
      output: z.object({ ok: z.boolean(), status: z.number().nullable(), message: z.string(), requestId: z.string().nullable() }),
      summary: 'Verify the client_id/secret against the API with no side effect; says what it did',
    }),
    changed: event({ payload: EnvironmentsStateSchema, summary: 'Environments or the active one changed' }),
  },
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
    describeDisconnectAll: channel({
      input: NoInput,
      output: z.array(BulkDisconnectTargetSchema),
      summary: 'What “Disconnect all test connections” would disconnect (provider, company, connection id, people if known), to review first',
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
          accessToken: z.string().trim().min(8, 'looks too short').max(4000).regex(/^[\x21-\x7e]+$/, 'may contain only printable ASCII characters'),
          customerName: z.string().trim().min(1).max(200).optional(),
        })
        .strict(),
      output: ConnectionViewSchema,
      summary: 'Introspect an access token made elsewhere and store it (refused when it belongs to another environment)',
    }),
    changed: event({ payload: z.object({ environmentId: z.string() }), summary: 'Connections of an environment changed' }),
  },
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
      output: z.object({ state: z.string(), launchUrl: z.string().nullable(), warnings: z.array(z.string()), requestId: z.string().nullable() }),
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
  sandbox: sandboxChannels.sandbox,
  explorer: explorerChannels.explorer,
  coverage: explorerChannels.coverage,
  snapshots: explorerChannels.snapshots,
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
    connectTraces: channel({ input: NoInput, output: z.array(ConnectTraceSchema), summary: 'Connect attempts of the active environment, newest first' }),
    traceConnectMessage: channel({ input: TraceMessageSchema, output: z.null(), summary: 'A message the Connect frame posted, as the renderer saw it' }),
    healthCheck: channel({
      input: z.object({ connectionId: Id }).strict(),
      output: HealthCheckSchema,
      summary: 'Introspect, status per product, last sync, rate-limit headroom, with explanations',
    }),
  },
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
    appended: event({ payload: z.array(RequestLogEntrySchema), summary: 'New attempts were logged (batched)' }),
  },
  files: outputsChannels.files,
  safety: {
    armingState: channel({ input: NoInput, output: ArmingStateSchema, summary: 'Whether the active Production environment is armed, and until when' }),
    arm: channel({
      input: z.object({ confirmName: z.string().max(200), minutes: z.number().int() }).strict(),
      output: ArmingStateSchema,
      summary: 'Arm the active Production environment for a few minutes (its name, typed)',
    }),
    disarm: channel({ input: NoInput, output: ArmingStateSchema, summary: 'Back to read-only at once' }),
    armingChanged: event({ payload: ArmingStateSchema, summary: 'An environment was armed, disarmed, or its arming ran out' }),
  },
  support: outputsChannels.support,
  readiness: outputsChannels.readiness,
  rateLimits: {
    readings: channel({ input: NoInput, output: z.array(MeterReadingSchema), summary: 'Used/limit per application and product' }),
    changed: event({ payload: z.array(MeterReadingSchema), summary: 'Meter readings changed (batched)' }),
  },
  webhooks: webhooksChannels.webhooks,
} as const;

export type Contract = typeof contract;
export type WorkbenchApi = WorkbenchApiOf<Contract>;
export type HandlerMap = HandlerMapOf<Contract>;
export type Emit = EmitOf<Contract>;
