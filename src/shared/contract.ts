/**
 * THE IPC contract: every channel the renderer may call and every event main may push.
 * The preload API (`window.workbench.<feature>.<verb>`), the main handler map, the browser
 * harness and the tests are all derived from this one object. Add a channel here and the
 * type checker tells you where it must be implemented.
 */
import { z } from 'zod';
import { channel, event } from './ipc/contract-kit';
import type { HandlerMapOf, WorkbenchApiOf, EmitOf } from './ipc/contract-kit';
import {
  DeletionPreviewSchema,
  EnvironmentInputSchema,
  EnvironmentNameSchema,
  EnvironmentPatchSchema,
  EnvironmentsStateSchema,
} from './domain/environment';
import { ConnectCompletionSchema, ConnectReportSchema, ConnectSessionInputSchema, ConnectSessionSchema } from './domain/connect';
import { ConnectionEventSchema, ConnectionViewSchema, SandboxConnectionInputSchema } from './domain/connection';
import { ConnectTraceSchema, ExplanationSchema, HealthCheckSchema, TraceMessageSchema } from './domain/diagnostics';
import { DrillIdSchema, DrillResultSchema } from './domain/drills';
import { CONNECTION_STATUSES, JOB_COMPLETIONS, JobConfigurationSchema, SandboxWriteInputSchema, SandboxWriteResultSchema } from './domain/sandbox';
import { SyncJobViewSchema } from './domain/sandbox-jobs';
import {
  BatchReadSchema,
  BenefitDetailSchema,
  ConnectionIdSchema,
  DateRangeSchema,
  EndpointReadSchema,
  FinchIdSchema,
  ForwardInputSchema,
  ForwardResultSchema,
  ForwardSupportSchema,
  OperationIdSchema,
  PayItemsInputSchema,
  PayStatementsInputSchema,
  PendingContextSchema,
  PeopleInputSchema,
  PersonPayInputSchema,
  PersonPaySchema,
  SyncStartSchema,
} from './domain/explorer';
import { OperationProgressSchema } from './domain/operations';
import { ArmingStateSchema } from './domain/arming';
import { CoverageRunInputSchema, CoverageRunSchema } from './domain/coverage';
import { SnapshotDiffSchema, SnapshotSummarySchema, SnapshotTakeInputSchema } from './domain/snapshots';
import { MeterReadingSchema, RequestLogEntrySchema, RequestLogQuerySchema } from './domain/request-log';
import { BundlePreviewSchema, BundleSelectionSchema, ExportDeliverySchema, SupportScopeSchema } from './domain/support';
import { ManualCheckInputSchema, ReadinessReportSchema } from './domain/readiness';
import {
  DeliveryViewSchema,
  ForwardModeSchema,
  ForwardRecordSchema,
  ForwardUrlSchema,
  TamperSchema,
  WebhookEventDetailSchema,
  WebhookEventSummarySchema,
  WebhookEventTypeSchema,
  WebhookSecretSchema,
  WebhookStateSchema,
} from './domain/webhooks';
import { PreparedExportSchema, PrepareExportSchema, StageExportSchema } from './domain/exports';

const NoInput = z.object({}).strict();
const Id = z.string().min(1).max(200);
const ConnectionOnly = z.object({ connectionId: ConnectionIdSchema }).strict();

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
    exportJson: channel({ input: NoInput, output: z.object({ json: z.string() }), summary: 'Environments as JSON, without secrets' }),
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
    disconnectAllSandbox: channel({
      input: NoInput,
      output: z.object({ disconnected: z.number(), failed: z.array(z.object({ id: z.string(), message: z.string() })) }),
      summary: 'Clean up every live connection of a Sandbox environment',
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
    drillResults: channel({ input: NoInput, output: z.array(DrillResultSchema), summary: 'Drill results of the active environment, newest first' }),
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
  explorer: {
    cancel: channel({
      input: z.object({ operationId: Id }).strict(),
      output: z.object({ cancelled: z.boolean() }),
      summary: 'Cancel a long pull (directory, batches, snapshot); false when it had already ended',
    }),
    progress: event({ payload: OperationProgressSchema, summary: 'A long pull advanced: records, pages, rate-limit waits, state' }),
    directory: channel({
      input: z.object({ connectionId: z.string().min(1).max(200), operationId: OperationIdSchema.optional() }).strict(),
      output: z.object({
        people: z.array(z.record(z.string(), z.unknown())),
        accepted: z.object({ code: z.string().nullable(), message: z.string().nullable() }).nullable(),
        requestIds: z.array(z.string()),
        pages: z.number(),
      }),
      summary: 'GET /employer/directory, every page, as an operation (progress, cancel); a 202 is reported as such',
    }),
    person: channel({
      input: z.object({ connectionId: z.string().min(1).max(200), individualId: z.string().min(1).max(200) }).strict(),
      output: z.object({
        individual: z.object({ code: z.number().nullable(), body: z.unknown() }).nullable(),
        employment: z.object({ code: z.number().nullable(), body: z.unknown() }).nullable(),
        requestIds: z.array(z.string()),
      }),
      summary: 'One person: their individual and employment records (per-item codes kept)',
    }),
    company: channel({
      input: ConnectionOnly,
      output: EndpointReadSchema,
      summary: 'GET /employer/company for a connection of the active environment',
    }),
    people: channel({
      input: PeopleInputSchema,
      output: BatchReadSchema,
      summary: 'POST /employer/individual or /employer/employment for the given ids or everyone, in chunks, as an operation; per-item codes kept',
    }),
    payments: channel({ input: DateRangeSchema, output: EndpointReadSchema, summary: 'GET /employer/payment between two pay dates' }),
    payStatements: channel({
      input: PayStatementsInputSchema,
      output: BatchReadSchema,
      summary: 'POST /employer/pay-statement for chosen payments (10 per call, every page), as an operation; per-payment codes kept',
    }),
    personPay: channel({
      input: PersonPayInputSchema,
      output: PersonPaySchema,
      summary: 'One person’s pay statements: the payments in a range, then their statements',
    }),
    payGroups: channel({ input: ConnectionOnly, output: EndpointReadSchema, summary: 'GET /employer/pay-groups' }),
    payGroup: channel({
      input: z.object({ connectionId: ConnectionIdSchema, payGroupId: FinchIdSchema }).strict(),
      output: EndpointReadSchema,
      summary: 'GET /employer/pay-groups/{id}: the group and its individuals',
    }),
    payStatementItems: channel({ input: PayItemsInputSchema, output: EndpointReadSchema, summary: 'GET /employer/pay-statement-item, filtered' }),
    benefits: channel({ input: ConnectionOnly, output: EndpointReadSchema, summary: 'GET /employer/benefits' }),
    benefit: channel({
      input: z.object({ connectionId: ConnectionIdSchema, benefitId: FinchIdSchema }).strict(),
      output: BenefitDetailSchema,
      summary: 'One benefit, who is enrolled, and each enrolled person’s benefit details (per-item codes kept)',
    }),
    documents: channel({ input: ConnectionOnly, output: EndpointReadSchema, summary: 'GET /employer/documents, every page' }),
    document: channel({
      input: z.object({ connectionId: ConnectionIdSchema, documentId: FinchIdSchema }).strict(),
      output: EndpointReadSchema,
      summary: 'GET /employer/documents/{id}: a W-4’s details',
    }),
    jobs: channel({ input: ConnectionOnly, output: EndpointReadSchema, summary: 'GET /jobs/automated, with the data_sync_all quota' }),
    job: channel({
      input: z.object({ connectionId: ConnectionIdSchema, kind: z.enum(['automated', 'manual']), jobId: FinchIdSchema }).strict(),
      output: EndpointReadSchema,
      summary: 'GET /jobs/automated/{id} or /jobs/manual/{id}',
    }),
    startSync: channel({
      input: ConnectionOnly,
      output: SyncStartSchema,
      summary: 'POST /jobs/automated data_sync_all (Finch allows one per hour per connection; a refusal says when the next is allowed)',
    }),
    pendingContext: channel({
      input: ConnectionOnly,
      output: PendingContextSchema,
      summary: 'For a 202: the connection status (introspect) and the unfinished jobs to watch',
    }),
    providers: channel({ input: ConnectionOnly, output: EndpointReadSchema, summary: 'GET /providers' }),
    introspect: channel({ input: ConnectionOnly, output: EndpointReadSchema, summary: 'GET /introspect for the connection' }),
    forwardSupport: channel({
      input: ConnectionOnly,
      output: ForwardSupportSchema,
      summary: 'Whether POST /forward can reach this connection’s provider, and whether this is Production',
    }),
    forward: channel({
      input: ForwardInputSchema,
      output: ForwardResultSchema,
      summary: 'POST /forward: a raw request to the provider’s API through Finch (refused for assisted connections; Production needs confirmation)',
    }),
  },
  coverage: {
    run: channel({
      input: CoverageRunInputSchema,
      output: CoverageRunSchema,
      summary: 'Field coverage of a connection (a full pull as an operation): per product and field, values, empties, nulls and absences beside GET /providers; stored',
    }),
    runs: channel({ input: NoInput, output: z.array(CoverageRunSchema), summary: 'Stored coverage runs of the active environment, newest first' }),
    deleteRun: channel({
      input: z.object({ id: z.number().int().positive() }).strict(),
      output: z.object({ deleted: z.boolean() }),
      summary: 'Forget one coverage run',
    }),
  },
  snapshots: {
    take: channel({
      input: SnapshotTakeInputSchema,
      output: SnapshotSummarySchema,
      summary: 'Save a full pull of a connection (company, people, payments and pay statements in a range) as a compressed snapshot; cancelling stores nothing',
    }),
    list: channel({ input: NoInput, output: z.array(SnapshotSummarySchema), summary: 'Snapshots of the active environment, newest first (summaries, never their content)' }),
    remove: channel({
      input: z.object({ id: z.number().int().positive() }).strict(),
      output: z.object({ removed: z.number().int() }),
      summary: 'Delete one snapshot (it holds personal data)',
    }),
    removeAll: channel({
      input: z.object({ connectionId: Id }).strict(),
      output: z.object({ removed: z.number().int() }),
      summary: 'Delete every snapshot of a connection',
    }),
    diff: channel({
      input: z.object({ fromId: z.number().int().positive(), toId: z.number().int().positive() }).strict(),
      output: SnapshotDiffSchema,
      summary: 'Compare two snapshots (also of two connections of one customer): people added/removed/changed, company, payments',
    }),
  },
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
  files: {
    exportMode: channel({
      input: NoInput,
      output: z.object({ mode: z.enum(['dialog', 'download']) }),
      summary: 'How exports leave the app: a save dialog in main (Electron) or a browser download (harness)',
    }),
    saveExport: channel({
      input: z
        .object({
          /** Checked in main (export-saver.ts): a plain name ending in .csv, .json, .md or .html. */
          suggestedName: z.string().min(1).max(200),
          content: z.string().max(100_000_000),
        })
        .strict(),
      output: z.object({ outcome: z.enum(['saved', 'cancelled', 'download']), path: z.string().nullable() }),
      summary: 'Save an export through the save dialog; in the browser harness the answer is “download” and the renderer downloads it',
    }),
    stageExport: channel({
      input: StageExportSchema,
      output: z.object({ draftId: z.string(), rows: z.number(), chars: z.number() }),
      summary: 'Send a large export to main in parts (rows or text); prepareExport then takes the draft',
    }),
    prepareExport: channel({
      input: PrepareExportSchema,
      output: PreparedExportSchema,
      summary: 'Redact a file export or clipboard copy in main (consistent placeholders, counts of what was hidden); raw on request, never with the vault’s secrets',
    }),
    savePrepared: channel({
      input: z.object({ exportId: z.string().min(1).max(100) }).strict(),
      output: z.object({ outcome: z.enum(['saved', 'cancelled', 'download']), path: z.string().nullable() }),
      summary: 'Save exactly what prepareExport returned (save dialog); in the browser harness the answer is “download”',
    }),
  },
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
  support: {
    scope: channel({
      input: z.object({ environmentId: Id.optional() }).strict(),
      output: SupportScopeSchema,
      summary: 'Connections a support bundle of an environment (default: the active one) can cover',
    }),
    selectionForFailure: channel({
      input: z.object({ requestLogId: z.number().int().positive() }).strict(),
      output: BundleSelectionSchema,
      summary: 'A bundle selection around one failed attempt of the request log',
    }),
    preview: channel({ input: BundleSelectionSchema, output: BundlePreviewSchema, summary: 'Exactly what the support bundle will hold, already redacted' }),
    export: channel({
      input: BundleSelectionSchema,
      output: ExportDeliverySchema,
      summary: 'Write the redacted support bundle zip (refused if the final scan finds a known secret)',
    }),
  },
  readiness: {
    report: channel({ input: NoInput, output: ReadinessReportSchema, summary: 'Finch’s integration checklist with pass / fail / not yet, evidence and next steps' }),
    setCheck: channel({ input: ManualCheckInputSchema, output: ReadinessReportSchema, summary: 'Tick or untick a manual item of the readiness report' }),
    export: channel({
      input: z.object({ format: z.enum(['html', 'markdown', 'pdf']) }).strict(),
      output: ExportDeliverySchema,
      summary: 'The readiness report as HTML, Markdown or (desktop app) PDF',
    }),
  },
  rateLimits: {
    readings: channel({ input: NoInput, output: z.array(MeterReadingSchema), summary: 'Used/limit per application and product' }),
    changed: event({ payload: z.array(MeterReadingSchema), summary: 'Meter readings changed (batched)' }),
  },
  webhooks: {
    state: channel({ input: NoInput, output: WebhookStateSchema, summary: 'Receiver address, secret status and forwarding of the active environment' }),
    startReceiver: channel({
      input: z.object({ port: z.number().int().min(1024).max(65_535).optional() }).strict(),
      output: WebhookStateSchema,
      summary: 'Listen on 127.0.0.1 (the port given, or a free one); the Local simulator then posts its events here',
    }),
    stopReceiver: channel({ input: NoInput, output: WebhookStateSchema, summary: 'Stop listening' }),
    setSecret: channel({
      input: z.object({ secret: WebhookSecretSchema }).strict(),
      output: WebhookStateSchema,
      summary: 'Store the active environment’s webhook secret in the vault (never sent back)',
    }),
    generateSecret: channel({ input: NoInput, output: WebhookStateSchema, summary: 'Local simulator: a new random webhook secret, kept in the vault' }),
    clearSecret: channel({ input: NoInput, output: WebhookStateSchema, summary: 'Forget the active environment’s webhook secret' }),
    setForwarding: channel({
      input: z.object({ url: ForwardUrlSchema.nullable(), mode: ForwardModeSchema, auto: z.boolean() }).strict(),
      output: WebhookStateSchema,
      summary: 'Your dev server’s URL, re-signed or byte-for-byte, and whether every received event goes there',
    }),
    list: channel({
      input: z.object({ limit: z.number().int().min(1).max(500).optional(), beforeId: z.number().int().positive().optional() }).strict(),
      output: z.array(WebhookEventSummarySchema),
      summary: 'Received and pasted events of the active environment, newest first',
    }),
    get: channel({ input: z.object({ id: z.number().int().positive() }).strict(), output: WebhookEventDetailSchema, summary: 'One event: headers, body, every check, forwards' }),
    forward: channel({
      input: z.object({ id: z.number().int().positive(), mode: ForwardModeSchema }).strict(),
      output: ForwardRecordSchema,
      summary: 'Send a stored event to the dev server now; records its status code and latency',
    }),
    replay: channel({
      input: z.object({ id: z.number().int().positive(), mode: ForwardModeSchema }).strict(),
      output: WebhookEventSummarySchema,
      summary: 'Deliver a stored event to the receiver again (old signature, or re-signed now); a new event',
    }),
    preview: channel({
      input: z.object({ connectionId: Id, eventType: WebhookEventTypeSchema }).strict(),
      output: z.object({ body: z.string() }),
      summary: 'Local simulator: the payload it would send for this event type and connection',
    }),
    trigger: channel({
      input: z.object({ connectionId: Id, eventType: WebhookEventTypeSchema, body: z.string().max(100_000).optional(), tamper: TamperSchema.optional() }).strict(),
      output: z.object({ eventId: z.string(), deliveries: z.number() }),
      summary: 'Local simulator: send this event now, signed (or deliberately tampered), to the receiver',
    }),
    deliveries: channel({ input: NoInput, output: z.array(DeliveryViewSchema), summary: 'Local simulator: its delivery log, attempts and retries, newest first' }),
    verifyPasted: channel({
      input: z.object({ headers: z.string().max(20_000), body: z.string().max(1_000_000) }).strict(),
      output: WebhookEventDetailSchema,
      summary: 'Check a payload and headers you paste with the stored secret; explains each failure',
    }),
    received: event({ payload: WebhookEventSummarySchema, summary: 'An event was received, pasted or forwarded (new or updated row)' }),
  },
} as const;

export type Contract = typeof contract;
export type WorkbenchApi = WorkbenchApiOf<Contract>;
export type HandlerMap = HandlerMapOf<Contract>;
export type Emit = EmitOf<Contract>;
