/**
 * What the composition root is given (CoreAdapters: the shell's adapters) and what it builds
 * (WorkbenchServices). Only types: core.ts constructs, handler-map.ts assembles.
 */
import type Database from 'better-sqlite3';
import type { Contract } from '../shared/contract';
import type { AppInfoSource } from './features/app/app-info';
import type { Clock } from './platform/clock';
import type { ConnectFlow } from './features/connect/connect-flow';
import type { ConnectionService } from './platform/workspace/connection-service';
import type { ConnectionLifecycle } from './platform/workspace/connection-lifecycle';
import type { RedirectOpener } from './features/connect/redirect-opener';
import type { ExportSaver } from './features/files/export-saver';
import type { ExportGate } from './features/files/export-gate';
import type { DiagnosticsService } from './features/diagnostics/diagnostics-service';
import type { DrillRunner } from './features/sandbox/drills';
import type { MockData } from './features/sandbox/mock-data';
import type { ExplorerService } from './features/explorer/explorer-service';
import type { PayItemRules } from './features/explorer/pay-item-rules';
import type { CoverageService } from './features/coverage/coverage-service';
import type { SnapshotService } from './features/snapshots/snapshot-service';
import type { OperationRegistry } from './platform/operations/operations';
import type { EnvironmentService } from './platform/workspace/environment-service';
import type { EventHub } from './platform/events/event-hub';
import type { FinchGateway } from './platform/finch/gateway';
import type { RateLimiter } from './platform/finch/rate-limiter';
import type { ProductionArming } from './features/safety/production-arming';
import type { NoticeBoard } from './platform/notices/notice-board';
import type { RequestLog } from './platform/request-log/request-log';
import type { LogPruner } from './platform/request-log/log-pruner';
import type { LogSizeReport } from './platform/request-log/log-size';
import type { Cipher } from './platform/secrets/cipher';
import type { SecretVault } from './platform/secrets/secret-vault';
import type { SettingsService } from './features/settings/settings-service';
import type { SettingsStore } from './platform/json-store/settings-store';
import type { RunningSimulator } from '../simulator';
import type { DeductionsLab } from './features/deductions/deductions-lab';
import type { IntegrationLab } from './features/integration-lab/integration-lab';
import type { FileSaver, PdfPrinter } from './platform/delivery/delivery';
import type { SupportService } from './features/support/support-service';
import type { ReadinessService } from './features/readiness/readiness-service';
import type { WebhookService } from './features/webhooks/webhook-service';

export interface CoreAdapters {
  app: Omit<AppInfoSource, 'secretStorage'>;
  /** Opens a JSON store at a path (electron-store in the app, a JSON file in Node). */
  openSettingsStore: (path: string) => SettingsStore;
  /** Encrypts secrets (safeStorage in the app). */
  cipher: Cipher;
  /** better-sqlite3 built for the running runtime, when not the default (Electron). */
  sqliteNativeBinding?: string;
  /** Time for rate limits and log timestamps (a sped-up clock in tests). */
  clock?: Clock;
  /** The fetch Finch calls go through (Node's by default). */
  fetch?: typeof fetch;
  /** Tests: run the embedded simulator's clock this many times faster, and the app's clock with it. */
  simulatorClockSpeed?: number;
  /** Start the built-in Finch simulator for the Local simulator environment (default true). */
  embeddedSimulator?: boolean;
  /** How the redirect flow's Connect window is opened (see redirect-opener.ts). */
  redirectOpener?: RedirectOpener;
  /** Where exports are saved (a save dialog in Electron); without it the renderer downloads them. */
  fileSaver?: FileSaver;
  /** HTML → PDF for the readiness report (Electron's printToPDF); without it there is no PDF export. */
  pdfPrinter?: PdfPrinter;
  /** Lines for the app log (never secrets). */
  log?: (line: string) => void;
}

export interface WorkbenchServices {
  app: CoreAdapters['app'];
  cipher: Cipher;
  events: EventHub<Contract>;
  notices: NoticeBoard;
  settings: SettingsService;
  vault: SecretVault;
  environments: EnvironmentService;
  requestLog: RequestLog;
  /** Holds the request log to its retention setting, in small batches. */
  logPruner: LogPruner;
  logSize: LogSizeReport;
  limiter: RateLimiter;
  gateway: FinchGateway;
  connections: ConnectionService;
  connect: ConnectFlow;
  lifecycle: ConnectionLifecycle;
  diagnostics: DiagnosticsService;
  drills: DrillRunner;
  mockData: MockData;
  /** Production environments open disarmed; destructive acts need arming (safety/). */
  arming: ProductionArming;
  explorer: ExplorerService;
  /** Pay-statement item rules (explorer's pay-items view): destructive writes. */
  payItemRules: PayItemRules;
  /** Long pulls: progress events and cancellation (explorer, snapshots). */
  operations: OperationRegistry;
  /** Field coverage runs (and the evidence the readiness report cites). */
  coverage: CoverageService;
  snapshots: SnapshotService;
  support: SupportService;
  readiness: ReadinessService;
  redirectOpener: RedirectOpener | null;
  exportSaver: ExportSaver | null;
  /** Every renderer export and clipboard copy is redacted here before it leaves (files/export-gate.ts). */
  exportGate: ExportGate;
  simulator: RunningSimulator | null;
  db: Database.Database;
  webhooks: WebhookService;
  /** Benefit writes, the jobs they start, and the paycheck check (features/deductions). */
  deductions: DeductionsLab;
  /** The local Finch proxy your backend calls, its scenarios and the calls it saw (features/integration-lab). */
  integrationLab: IntegrationLab;
}
