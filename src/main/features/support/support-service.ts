/**
 * Support bundles: the user picks connections, a time window and maybe only failures; the
 * preview shows exactly what the zip will hold; the export redacts, zips, checks the final
 * bytes for every known secret and only then writes (save dialog) or hands the bytes to the
 * renderer (browser harness).
 */
import type Database from 'better-sqlite3';
import type { BundlePreview, BundleSelection, ExportDelivery, SupportScope } from '@shared/domain/support';
import { FAILURE_LOOKBACK_MS } from '@shared/domain/support';
import { clientIdHint } from '@shared/domain/environment';
import type { ConnectionService } from '@main/platform/workspace/connection-service';
import type { EnvironmentService } from '@main/platform/workspace/environment-service';
import { LOCAL_CLIENT_ID, LOCAL_CLIENT_SECRET } from '@main/platform/workspace/targets';
import { WorkbenchError } from '@main/platform/errors';
import { Redactor, SecretScanner } from '@main/platform/redaction';
import type { RequestLog } from '@main/platform/request-log/request-log';
import type { SecretVault } from '@main/platform/secrets/secret-vault';
import type { BundleContent } from './bundle-content';
import { buildBundleContent } from './bundle-content';
import { BundleQuery } from './bundle-query';
import type { FileSaver } from '@main/platform/delivery/delivery';
import { deliver } from '@main/platform/delivery/delivery';
import { assertNoKnownSecrets, zipFiles } from './zip';

export interface SupportServiceOptions {
  db: Database.Database;
  environments: EnvironmentService;
  connections: ConnectionService;
  requestLog: RequestLog;
  vault: SecretVault;
  app: () => { name: string; version: string; runtime: string; platform: string };
  /** Save dialog in the desktop app; null in the browser harness (the renderer downloads). */
  fileSaver: FileSaver | null;
  /** More personal values the redactor must know (e.g. people seen in snapshots). */
  personalValues?: (environmentId: string) => Iterable<string>;
  now?: () => number;
}

/** Rows shown in the preview table (the file holds them all). */
const SAMPLE_ROWS = 100;
/** A failure's bundle covers the hour before it and a few minutes after (retries, recovery). */
const FAILURE_WINDOW = { before: 60 * 60_000, after: 10 * 60_000 };

export interface BuiltBundle {
  content: BundleContent;
  fileName: string;
  zip: Uint8Array;
  secretsChecked: number;
}

export class SupportService {
  private readonly query: BundleQuery;
  private readonly now: () => number;

  constructor(private readonly options: SupportServiceOptions) {
    this.query = new BundleQuery(options.db);
    this.now = options.now ?? Date.now;
  }

  /**
   * What can go in a bundle of this environment: its connections, disconnected ones too, each
   * with its latest recent failure so the form can start from the connections that failed.
   */
  scope(environmentId: string): SupportScope {
    const env = this.options.environments.get(environmentId);
    const lastFailures = this.query.lastFailures(environmentId, this.now() - FAILURE_LOOKBACK_MS);
    return {
      environment: { id: env.id, name: env.name, kind: env.kind },
      connections: this.options.connections.list(environmentId).map((c) => ({
        id: c.id,
        providerId: c.providerId,
        companyId: c.companyId,
        customerName: c.customerName,
        status: c.status,
        disconnected: c.disconnectedAt !== null,
        lastFailureAt: lastFailures.get(c.id) ?? null,
      })),
    };
  }

  /** One click from a failed row of the request log: a selection around that failure. */
  selectionForFailure(requestLogId: number): BundleSelection {
    const entry = this.options.requestLog.get(requestLogId);
    if (!entry) throw new WorkbenchError('not_found', 'That request is no longer in the log.');
    return {
      environmentId: entry.environmentId,
      connectionIds: entry.connectionId ? [entry.connectionId] : [],
      includeUnscoped: entry.connectionId === null,
      from: Math.max(0, entry.time - FAILURE_WINDOW.before),
      to: entry.time + FAILURE_WINDOW.after,
      failedOnly: true,
      focusId: entry.id,
    };
  }

  preview(selection: BundleSelection): BundlePreview {
    const { content, redactor, scanner, fileName } = this.assemble(selection);
    const env = this.options.environments.get(selection.environmentId);
    return {
      fileName,
      environment: { id: env.id, name: env.name, kind: env.kind, clientIdHint: this.hint(env) },
      files: content.files.map((f) => ({ name: f.name, bytes: f.bytes.byteLength, description: f.description })),
      counts: { requests: content.requests.length, failed: content.failures, events: content.events, connections: content.connections },
      omittedRequests: content.omitted,
      focus: content.focus,
      sampleRequests: content.requests.slice(0, SAMPLE_ROWS),
      ticket: content.ticket,
      manifest: content.manifest,
      redactions: redactor.tally(),
      secretsChecked: scanner.secretCount,
    };
  }

  /** Builds the zip and runs the final pass; throws rather than return bytes holding a known secret. */
  build(selection: BundleSelection): BuiltBundle {
    const { content, scanner, fileName, createdAt } = this.assemble(selection);
    const zip = zipFiles(fileName.replace(/\.zip$/, ''), content.files, createdAt);
    assertNoKnownSecrets(zip, scanner);
    return { content, fileName, zip, secretsChecked: scanner.secretCount };
  }

  async export(selection: BundleSelection): Promise<ExportDelivery> {
    const { zip, fileName } = this.build(selection);
    return deliver(
      this.options.fileSaver,
      { suggestedName: fileName, filter: { name: 'Zip archive', extensions: ['zip'] }, bytes: zip },
      'application/zip',
    );
  }

  private assemble(selection: BundleSelection) {
    const env = this.options.environments.get(selection.environmentId);
    const focusCall = this.focusCall(selection);
    const rows = this.query.run(selection, focusCall);
    const secrets = [...this.options.vault.allSecretsForRedaction(), LOCAL_CLIENT_SECRET];
    const personal = [...this.query.customerValues(env.id), ...(this.options.personalValues?.(env.id) ?? [])];
    const redactor = new Redactor({ secrets, personal });
    const scanner = new SecretScanner(secrets);
    const createdAt = this.now();
    const content = buildBundleContent(
      rows,
      {
        selection,
        environment: { kind: env.kind, clientIdHint: this.hint(env) },
        app: this.options.app(),
        createdAt,
        statusHistory: this.query.statusHistory(
          env.id,
          rows.connections.map((c) => c.id),
        ),
      },
      redactor,
    );
    const stamp = new Date(createdAt).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    return { content, redactor, scanner, createdAt, fileName: `finch-support-${env.kind}-${stamp}.zip` };
  }

  private focusCall(selection: BundleSelection) {
    if (selection.focusId === undefined) return [];
    const focus = this.options.requestLog.get(selection.focusId);
    if (!focus) throw new WorkbenchError('not_found', 'The request this bundle is about is no longer in the log.');
    if (focus.environmentId !== selection.environmentId) {
      throw new WorkbenchError('validation', 'The request this bundle is about belongs to another environment.', {
        fields: [{ path: 'focusId', message: 'is in another environment' }],
      });
    }
    return this.options.requestLog.attemptsOf(focus.callId);
  }

  private hint(env: { kind: string; clientId: string | null }): string | null {
    return clientIdHint(env.clientId ?? (env.kind === 'local-simulator' ? LOCAL_CLIENT_ID : null));
  }
}
