/**
 * The one gate every file export and clipboard copy of the renderer passes: it redacts what
 * the view shows with a fresh Redactor (so placeholders are consistent within this output and
 * unrelated to any other), counts what was hidden for the preview, checks the final bytes for
 * every known secret in every encoding, and keeps the prepared content so "Save" writes
 * exactly what was previewed. Raw output (the user's per-act choice) keeps personal data but
 * still loses the vault's secrets.
 *
 * Large tables arrive in parts (the browser harness caps one message at 1 MB): `stage` gathers
 * them in a draft that `prepare` consumes.
 */
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ExportColumnSpec, PreparedExport, PrepareExport, StageExport } from '@shared/domain/exports';
import { MAX_EXPORT_CHARS, MAX_EXPORT_ROWS } from '@shared/domain/export-limits';
import { toCsv, toJson } from '@shared/export/table-export';
import { LOCAL_CLIENT_SECRET } from '@main/platform/workspace/targets';
import { WorkbenchError } from '@main/platform/errors';
import { Redactor, SecretScanner } from '@main/platform/redaction';
import type { RedactionCategory } from '@main/platform/redaction';
import { personalInJson, personalInTable, redactJson, redactRows } from '@main/platform/redaction/table';
import type { ExportOutcome, ExportSaver } from './export-saver';
import { saveExport } from './export-saver';
import { OneTimeSecrets } from './one-time-secrets';

export interface ExportGateOptions {
  /** Every secret and token the vault holds. */
  secrets: () => Iterable<string>;
  db: Database.Database;
  saver: ExportSaver | null;
  /** The environments file (EnvironmentService.exportJson): built here, never sent by the renderer. */
  environmentsJson?: () => string;
  now?: () => number;
}

interface Draft {
  rows: unknown[][];
  text: string[];
  chars: number;
  touched: number;
}

/** Drafts and prepared outputs are short-lived: a few at a time, gone after ten minutes. */
const KEEP_MS = 10 * 60_000;
const MAX_DRAFTS = 8;
const MAX_PREPARED = 8;

const FILE_NAME = /^[^/\\:*?"<>|\u0000-\u001f]+\.(csv|json|md|html|txt)$/;

export class ExportGate {
  private readonly drafts = new Map<string, Draft>();
  private readonly prepared = new Map<string, { result: PreparedExport; at: number }>();
  private readonly now: () => number;
  private readonly oneTime: OneTimeSecrets;

  constructor(private readonly options: ExportGateOptions) {
    this.now = options.now ?? Date.now;
    this.oneTime = new OneTimeSecrets(this.now);
  }

  /**
   * A webhook secret the app just generated, to be shown and copied once: returns the id the
   * renderer trades for it (see one-time-secrets.ts for why this exception exists and its limits).
   */
  offerOneTimeSecret(secret: string): string {
    return this.oneTime.offer(secret);
  }

  /** Adds a part (rows or text) to a draft; the first part opens it. */
  stage(input: StageExport): { draftId: string; rows: number; chars: number } {
    this.expire();
    let draftId = input.draftId;
    let draft = draftId ? this.drafts.get(draftId) : undefined;
    if (draftId && !draft)
      throw new WorkbenchError('not_found', 'That export was started more than ten minutes ago or already finished; export again.');
    if (!draft) {
      if (this.drafts.size >= MAX_DRAFTS) this.drafts.delete(this.drafts.keys().next().value!);
      draftId = `draft-${randomBytes(8).toString('hex')}`;
      draft = { rows: [], text: [], chars: 0, touched: this.now() };
      this.drafts.set(draftId, draft);
    }
    const rows = input.rows ?? [];
    const chars = input.text?.length ?? 0;
    if (draft.rows.length + rows.length > MAX_EXPORT_ROWS || draft.chars + chars > MAX_EXPORT_CHARS) {
      this.drafts.delete(draftId!);
      throw new WorkbenchError(
        'validation',
        `An export holds at most ${MAX_EXPORT_ROWS.toLocaleString('en-US')} rows and ${MAX_EXPORT_CHARS / 1_000_000} million characters; narrow the view.`,
      );
    }
    for (const row of rows) draft.rows.push(row);
    if (input.text !== undefined) draft.text.push(input.text);
    draft.chars += chars;
    draft.touched = this.now();
    return { draftId: draftId!, rows: draft.rows.length, chars: draft.chars };
  }

  /** Redacts (or, raw, strips only the vault's secrets), checks the bytes, and keeps the result for `save`. */
  prepare(input: PrepareExport): PreparedExport {
    this.expire();
    if (
      input.target === 'file' &&
      (input.suggestedName === undefined || !FILE_NAME.test(input.suggestedName) || input.suggestedName.startsWith('.'))
    ) {
      throw new WorkbenchError('validation', 'A file export needs a plain file name ending in .csv, .json, .md, .html or .txt.', {
        fields: [{ path: 'suggestedName', message: 'must be a plain file name with a known extension' }],
      });
    }
    const source = input.source;
    if (source.kind === 'one-time-secret') return this.revealOnce(input.target, source.revealId);
    const draft = 'draftId' in source && source.draftId ? this.takeDraft(source.draftId) : null;
    const secrets = [...this.options.secrets(), LOCAL_CLIENT_SECRET];
    let content: string;
    let rowCount: number | null = null;
    let redactor: Redactor;
    if (source.kind === 'environments') {
      if (!this.options.environmentsJson) throw new WorkbenchError('internal', 'Environments cannot be exported here.');
      redactor = this.redactor(secrets, []);
      content = redactor.secretsOnly(this.options.environmentsJson());
    } else if (source.kind === 'table') {
      const rows = [...(draft?.rows ?? []), ...(source.rows ?? [])];
      rowCount = rows.length;
      redactor = this.redactor(secrets, []);
      // Headers may name a customer (coverage's "gusto · Acme (conn id)"): the app's known values only, so
      // words such as "name" stay even when a cell of the table holds them.
      const labels = source.columns.map((c) => ({ ...c, label: input.raw ? redactor.secretsOnly(c.label) : redactor.known(c.label) }));
      if (!input.raw) redactor.addPersonal(personalInTable(source.columns, rows));
      content = tableText(labels, redactRows(redactor, source.columns, rows, input.raw), input.format ?? 'csv');
    } else {
      const text = [...(draft?.text ?? []), source.text ?? ''].join('');
      if (source.kind === 'json') {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          throw new WorkbenchError('validation', 'The view’s JSON does not parse; nothing was exported.');
        }
        redactor = this.redactor(secrets, input.raw ? [] : [...personalInJson(value)]);
        content = `${JSON.stringify(redactJson(redactor, value, input.raw), null, 2)}\n`;
      } else if (source.kind === 'command') {
        redactor = this.redactor(secrets, []);
        content = input.raw ? redactor.secretsOnly(text) : redactor.known(text);
      } else {
        redactor = this.redactor(secrets, []);
        content = input.raw ? redactor.secretsOnly(text) : redactor.text(text);
      }
    }
    const bytes = Buffer.from(content, 'utf8');
    // The last line of defence, for raw output too: no known secret in any encoding.
    const scanner = new SecretScanner(secrets);
    const findings = scanner.scan(input.suggestedName ?? 'clipboard', bytes);
    if (findings.length > 0)
      throw new WorkbenchError('conflict', `Nothing left the app: a known secret was found in the output (${findings[0]!.encoding}).`);
    const hidden = redactor.tally();
    const result: PreparedExport = {
      exportId: `export-${randomBytes(8).toString('hex')}`,
      target: input.target,
      suggestedName: input.suggestedName ?? null,
      content,
      raw: input.raw,
      hidden,
      distinct: redactor.distinct(),
      total: Object.values(hidden).reduce((a, b) => a + b, 0),
      rows: rowCount,
      bytes: bytes.byteLength,
      secretsChecked: scanner.secretCount,
    };
    if (this.prepared.size >= MAX_PREPARED) this.prepared.delete(this.prepared.keys().next().value!);
    this.prepared.set(result.exportId, { result, at: this.now() });
    return result;
  }

  /**
   * The one output that holds a vault secret on purpose: the newly generated webhook secret for
   * this id, once, to the clipboard only (shown, then copied as is). Every other known secret is
   * still checked for, and nothing is kept for `save`.
   */
  private revealOnce(target: PrepareExport['target'], revealId: string): PreparedExport {
    if (target !== 'clipboard')
      throw new WorkbenchError('validation', 'A newly generated secret can only be shown and copied, never saved to a file.');
    const secret = this.oneTime.take(revealId);
    if (secret === null)
      throw new WorkbenchError(
        'not_found',
        'That secret was already shown: it is shown once, right after it is generated. Generate a new one to see a secret again.',
      );
    const known = [...this.options.secrets(), LOCAL_CLIENT_SECRET];
    if (!known.includes(secret))
      throw new WorkbenchError('conflict', 'That secret was replaced or forgotten since it was generated; it is no longer the one in use.');
    const bytes = Buffer.from(secret, 'utf8');
    const others = known.filter((s) => s !== secret);
    const scanner = new SecretScanner(others);
    if (scanner.scan('clipboard', bytes).length > 0)
      throw new WorkbenchError('conflict', 'Nothing left the app: another known secret was found in the output.');
    return {
      exportId: `export-${randomBytes(8).toString('hex')}`,
      target: 'clipboard',
      suggestedName: null,
      content: secret,
      raw: true,
      hidden: {},
      distinct: {},
      total: 0,
      rows: null,
      bytes: bytes.byteLength,
      secretsChecked: scanner.secretCount,
    };
  }

  /** Writes a prepared file export through the shell's saver (or says the renderer downloads it). */
  async save(exportId: string): Promise<ExportOutcome> {
    this.expire();
    const entry = this.prepared.get(exportId);
    if (!entry) throw new WorkbenchError('not_found', 'That export was prepared more than ten minutes ago; export again.');
    const { result } = entry;
    if (result.target !== 'file' || result.suggestedName === null)
      throw new WorkbenchError('validation', 'Only file exports are saved; a clipboard copy is pasted.');
    this.prepared.delete(exportId);
    return saveExport(this.options.saver, result.suggestedName, result.content);
  }

  /** Content that reached main some other way: refused if it holds a known secret. */
  assertNoSecrets(where: string, content: string | Uint8Array): void {
    const scanner = new SecretScanner([...this.options.secrets(), LOCAL_CLIENT_SECRET]);
    const findings = scanner.scan(where, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    if (findings.length > 0)
      throw new WorkbenchError('conflict', `Nothing was written: a known secret was found in the export (${findings[0]!.encoding}).`);
  }

  private redactor(secrets: string[], learnt: [string, RedactionCategory][]): Redactor {
    const customers = this.options.db.prepare('SELECT name, email FROM customers').all() as { name: string; email: string | null }[];
    const redactor = new Redactor({ secrets, personal: customers.flatMap((c) => [c.name, c.email ?? '']).filter((v) => v.length > 0) });
    redactor.addPersonal(learnt);
    return redactor;
  }

  private takeDraft(draftId: string): Draft {
    const draft = this.drafts.get(draftId);
    if (!draft)
      throw new WorkbenchError('not_found', 'That export was started more than ten minutes ago or already finished; export again.');
    this.drafts.delete(draftId);
    return draft;
  }

  private expire(): void {
    const cutoff = this.now() - KEEP_MS;
    for (const [id, d] of this.drafts) if (d.touched < cutoff) this.drafts.delete(id);
    for (const [id, p] of this.prepared) if (p.at < cutoff) this.prepared.delete(id);
  }
}

function tableText(columns: readonly ExportColumnSpec[], rows: unknown[][], format: 'csv' | 'json'): string {
  const exportColumns = columns.map((c, i) => ({ key: String(i), label: c.label }));
  const read = (row: unknown, key: string) => (row as unknown[])[Number(key)];
  return format === 'csv' ? toCsv(rows, exportColumns, read) : toJson(rows, exportColumns, read);
}
