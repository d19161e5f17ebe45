/**
 * Environments: the built-in Local simulator plus the user's Sandbox, Development and
 * Production applications. Owns their rows, their client secrets (through the vault), which
 * one is active, and the refusal to use anything of one environment from another.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { DeletionPreview, EnvironmentInput, EnvironmentPatch, EnvironmentView, EnvironmentsState } from '@shared/domain/environment';
import { clientIdHint, EnvironmentExportSchema } from '@shared/domain/environment';
import { WorkbenchError } from '../errors';
import type { SecretVault } from '../secrets/secret-vault';
import { secretRefs } from '../secrets/secret-vault';
import type { EnvironmentRow, EnvironmentStatements } from './environment-store';
import { prepareEnvironmentStatements } from './environment-store';
import { needsTypedConfirmation } from './environment-rules';

export const LOCAL_ENVIRONMENT_ID = 'local';

export interface EnvironmentServiceOptions {
  db: Database.Database;
  vault: SecretVault;
  /** Where the active environment id is kept (the settings file). */
  active: { get(): string | undefined; set(id: string): void };
  onChanged: (state: EnvironmentsState) => void;
  now?: () => number;
}

export class EnvironmentService {
  private readonly statements: EnvironmentStatements;
  private readonly now: () => number;

  constructor(private readonly options: EnvironmentServiceOptions) {
    this.statements = prepareEnvironmentStatements(options.db);
    this.now = options.now ?? Date.now;
    if (!this.statements.byId.get(LOCAL_ENVIRONMENT_ID)) {
      const t = this.now();
      this.statements.insert.run({
        id: LOCAL_ENVIRONMENT_ID,
        name: 'Local simulator',
        kind: 'local-simulator',
        clientId: null,
        apiBaseUrl: null,
        connectUrl: null,
        redirectUri: null,
        color: null,
        createdAt: t,
        updatedAt: t,
      });
    }
  }

  state(): EnvironmentsState {
    const status = this.options.vault.status();
    return {
      environments: this.rows().map((row) => this.view(row)),
      activeId: this.activeId(),
      secretStorage: { mode: status.mode, detail: status.detail },
    };
  }

  /** The active environment's id; falls back to the Local simulator if the saved one is gone. */
  activeId(): string {
    const saved = this.options.active.get();
    return saved && this.statements.byId.get(saved) ? saved : LOCAL_ENVIRONMENT_ID;
  }

  setActive(id: string): EnvironmentsState {
    this.require(id);
    this.options.active.set(id);
    return this.changed();
  }

  get(id: string): EnvironmentRow {
    return this.require(id);
  }

  create(input: EnvironmentInput): EnvironmentsState {
    this.assertNameFree(input.name);
    const id = randomUUID();
    const t = this.now();
    this.statements.insert.run({
      id,
      name: input.name,
      kind: input.kind,
      clientId: input.clientId,
      apiBaseUrl: input.apiBaseUrl ?? null,
      connectUrl: input.connectUrl ?? null,
      redirectUri: input.redirectUri ?? null,
      color: input.color ?? null,
      createdAt: t,
      updatedAt: t,
    });
    if (input.clientSecret) this.options.vault.put(secretRefs.clientSecret(id), input.clientSecret);
    return this.changed();
  }

  update(patch: EnvironmentPatch): EnvironmentsState {
    const row = this.require(patch.id);
    if (
      row.kind === 'local-simulator' &&
      (patch.clientId || patch.clientSecret || patch.apiBaseUrl !== undefined || patch.connectUrl !== undefined)
    ) {
      throw new WorkbenchError(
        'validation',
        'The Local simulator uses built-in credentials and addresses; only its name, colour and redirect URI can change.',
      );
    }
    // Compared the way the UNIQUE index compares (SQLite NOCASE folds ASCII only), not with JS
    // toLowerCase, which folds more and let a clash through as an internal error.
    if (patch.name !== undefined) this.assertNameFree(patch.name, row.id);
    if (patch.clientId !== undefined && patch.clientId !== row.clientId && !patch.clientSecret) {
      // A different application: the old secret cannot belong to it.
      this.options.vault.delete(secretRefs.clientSecret(row.id));
    }
    this.statements.update.run({
      id: row.id,
      name: patch.name ?? row.name,
      clientId: patch.clientId ?? row.clientId,
      apiBaseUrl: patch.apiBaseUrl === undefined ? row.apiBaseUrl : patch.apiBaseUrl,
      connectUrl: patch.connectUrl === undefined ? row.connectUrl : patch.connectUrl,
      redirectUri: patch.redirectUri === undefined ? row.redirectUri : patch.redirectUri,
      color: patch.color === undefined ? row.color : patch.color,
      updatedAt: this.now(),
    });
    if (patch.clientSecret) this.options.vault.put(secretRefs.clientSecret(row.id), patch.clientSecret);
    if (patch.clearSecret) this.options.vault.delete(secretRefs.clientSecret(row.id));
    return this.changed();
  }

  /** A copy under a new name, without the secret (secrets are never copied). */
  duplicate(id: string, name: string): EnvironmentsState {
    const row = this.require(id);
    if (row.kind === 'local-simulator') throw new WorkbenchError('validation', 'The Local simulator cannot be duplicated.');
    return this.create({
      name,
      kind: row.kind,
      clientId: row.clientId ?? '',
      ...(row.apiBaseUrl ? { apiBaseUrl: row.apiBaseUrl } : {}),
      ...(row.connectUrl ? { connectUrl: row.connectUrl } : {}),
      ...(row.redirectUri ? { redirectUri: row.redirectUri } : {}),
      ...(row.color ? { color: row.color } : {}),
    });
  }

  describeDeletion(id: string): DeletionPreview {
    const row = this.require(id);
    const counts = this.statements.counts.get({ id }) as Omit<
      DeletionPreview,
      'environmentId' | 'name' | 'kind' | 'secrets' | 'requiresTypedConfirmation'
    >;
    const secrets = this.options.vault.countWhere(`environment/${id}/`) + this.options.vault.countWhere(`connection/${id}/`);
    return {
      environmentId: id,
      name: row.name,
      kind: row.kind,
      ...counts,
      secrets,
      requiresTypedConfirmation: needsTypedConfirmation(row.kind),
    };
  }

  remove(id: string, confirmName?: string): EnvironmentsState {
    const row = this.require(id);
    if (row.kind === 'local-simulator') throw new WorkbenchError('validation', 'The Local simulator is built in and cannot be deleted.');
    if (needsTypedConfirmation(row.kind) && confirmName !== row.name) {
      throw new WorkbenchError('validation', `Type the environment's name, “${row.name}”, to delete this Production environment.`, {
        fields: [{ path: 'confirmName', message: 'does not match the environment name' }],
      });
    }
    this.options.db.transaction(() => {
      this.statements.deleteRequests.run(id);
      this.statements.deleteEvents.run(id);
      this.statements.deleteSnapshots.run(id);
      this.statements.delete.run(id); // customers and connections cascade
    })();
    this.options.vault.deleteWhere(`environment/${id}/`);
    this.options.vault.deleteWhere(`connection/${id}/`);
    return this.changed();
  }

  exportJson(): string {
    const environments = this.rows()
      .filter((row) => row.kind !== 'local-simulator')
      .map((row) => ({
        name: row.name,
        kind: row.kind as 'sandbox' | 'development' | 'production',
        clientId: row.clientId ?? '',
        ...(row.apiBaseUrl ? { apiBaseUrl: row.apiBaseUrl } : {}),
        ...(row.connectUrl ? { connectUrl: row.connectUrl } : {}),
        ...(row.redirectUri ? { redirectUri: row.redirectUri } : {}),
        ...(row.color ? { color: row.color } : {}),
      }));
    return JSON.stringify({ format: 'finch-workbench/environments', version: 1, environments }, null, 2);
  }

  /** Adds the file's environments (all or none); secrets must be entered afterwards. */
  importJson(text: string): EnvironmentsState {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new WorkbenchError('validation', `The file is not JSON: ${(error as Error).message}`);
    }
    const parsed = EnvironmentExportSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new WorkbenchError(
        'validation',
        `This is not a Finch Workbench environments file: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown shape'}.`,
      );
    }
    const names = parsed.data.environments.map((e) => e.name.toLowerCase());
    const clash = parsed.data.environments.find((e, i) => names.indexOf(e.name.toLowerCase()) !== i || this.statements.byName.get(e.name));
    if (clash) throw new WorkbenchError('conflict', `An environment named “${clash.name}” already exists; nothing was imported.`);
    this.options.db.transaction(() => {
      for (const env of parsed.data.environments) {
        const t = this.now();
        this.statements.insert.run({
          id: randomUUID(),
          name: env.name,
          kind: env.kind,
          clientId: env.clientId,
          apiBaseUrl: env.apiBaseUrl ?? null,
          connectUrl: env.connectUrl ?? null,
          redirectUri: env.redirectUri ?? null,
          color: env.color ?? null,
          createdAt: t,
          updatedAt: t,
        });
      }
    })();
    return this.changed();
  }

  /** Refuses to use a record of one environment while working in another. */
  assertSameEnvironment(expected: string, actual: string, what: string): void {
    if (expected !== actual) {
      const name = (id: string) => (this.statements.byId.get(id) as EnvironmentRow | undefined)?.name ?? id;
      throw new WorkbenchError(
        'forbidden',
        `${what} belongs to “${name(actual)}”, not to “${name(expected)}”. Finch ids never cross environments.`,
      );
    }
  }

  private rows(): EnvironmentRow[] {
    return this.statements.all.all() as EnvironmentRow[];
  }

  private require(id: string): EnvironmentRow {
    const row = this.statements.byId.get(id) as EnvironmentRow | undefined;
    if (!row) throw new WorkbenchError('not_found', 'That environment no longer exists.');
    return row;
  }

  private assertNameFree(name: string, exceptId?: string): void {
    const holder = this.statements.byName.get(name) as { id: string } | undefined;
    if (holder && holder.id !== exceptId) {
      throw new WorkbenchError('conflict', `An environment named “${name}” already exists.`, {
        fields: [{ path: 'name', message: 'is already used' }],
      });
    }
  }

  private view(row: EnvironmentRow): EnvironmentView {
    const builtIn = row.kind === 'local-simulator';
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      builtIn,
      clientIdHint: clientIdHint(row.clientId),
      hasSecret: builtIn || this.options.vault.has(secretRefs.clientSecret(row.id)),
      apiBaseUrl: row.apiBaseUrl,
      connectUrl: row.connectUrl,
      redirectUri: row.redirectUri,
      color: row.color,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }

  private changed(): EnvironmentsState {
    const state = this.state();
    this.options.onChanged(state);
    return state;
  }
}
