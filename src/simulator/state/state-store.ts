/**
 * Loads and saves PersistedState as one JSON file, with in-memory indexes for the lookups made
 * on every request (token digest → token, id → connection). Writes are debounced and atomic
 * (temp file + rename) so a crash mid-write never leaves half a state file behind.
 */
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type {
  CodeRecord,
  CompanyRecord,
  ConnectionRecord,
  EditRecord,
  JobRecord,
  PersistedState,
  SessionRecord,
  TokenRecord,
} from '../model/types';
import { emptyState } from '../model/types';

const SAVE_DELAY_MS = 25;

export class StateStore {
  state: PersistedState;
  readonly companies = new Map<string, CompanyRecord>();
  readonly connections = new Map<string, ConnectionRecord>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly codes = new Map<string, CodeRecord>();
  readonly sessions = new Map<string, SessionRecord>();
  readonly jobs = new Map<string, JobRecord>();
  readonly editsByCompany = new Map<string, EditRecord[]>();

  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(
    private readonly file: string | null,
    private readonly log: (line: string) => void = () => undefined,
  ) {
    // The folder is made at start, owner-only: a missing parent must not surface only at the
    // first save, and the state (connections, hashed tokens) is no one else's to read.
    if (file) mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    this.state = this.load();
    this.reindex();
  }

  private load(): PersistedState {
    if (!this.file || !existsSync(this.file)) return emptyState();
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<PersistedState>;
      if (parsed.version !== 1 || !Array.isArray(parsed.connections)) throw new Error('unknown state version');
      return { ...emptyState(), ...parsed } as PersistedState;
    } catch (error) {
      // Keep the unreadable file for inspection and start fresh rather than refusing to start.
      const aside = `${this.file}.unreadable-${Date.now()}`;
      renameSync(this.file, aside);
      this.log(`simulator: state file unreadable (${(error as Error).message}); moved to ${aside}`);
      return emptyState();
    }
  }

  reindex(): void {
    const s = this.state;
    this.companies.clear();
    this.connections.clear();
    this.tokens.clear();
    this.codes.clear();
    this.sessions.clear();
    this.jobs.clear();
    this.editsByCompany.clear();
    for (const c of s.companies) this.companies.set(c.id, c);
    for (const c of s.connections) this.connections.set(c.id, c);
    for (const t of s.tokens) this.tokens.set(t.hash, t);
    for (const c of s.codes) this.codes.set(c.hash, c);
    for (const x of s.sessions) this.sessions.set(x.id, x);
    for (const j of s.jobs) this.jobs.set(j.id, j);
    for (const e of s.edits) this.pushEditIndex(e);
  }

  private pushEditIndex(edit: EditRecord): void {
    const list = this.editsByCompany.get(edit.companyId);
    if (list) list.push(edit);
    else this.editsByCompany.set(edit.companyId, [edit]);
  }

  addCompany(company: CompanyRecord): void {
    this.state.companies.push(company);
    this.companies.set(company.id, company);
    this.changed();
  }

  addConnection(connection: ConnectionRecord): void {
    this.state.connections.push(connection);
    this.connections.set(connection.id, connection);
    this.changed();
  }

  addToken(token: TokenRecord): void {
    this.state.tokens.push(token);
    this.tokens.set(token.hash, token);
    this.changed();
  }

  addCode(code: CodeRecord): void {
    this.state.codes.push(code);
    this.codes.set(code.hash, code);
    this.changed();
  }

  addSession(session: SessionRecord): void {
    this.state.sessions.push(session);
    this.sessions.set(session.id, session);
    this.changed();
  }

  addJob(job: JobRecord): void {
    this.state.jobs.push(job);
    this.jobs.set(job.id, job);
    this.changed();
  }

  addEdit(edit: Omit<EditRecord, 'seq'>): EditRecord {
    const record: EditRecord = { ...edit, seq: this.state.nextEditSeq++ };
    this.state.edits.push(record);
    this.pushEditIndex(record);
    this.changed();
    return record;
  }

  editsFor(companyId: string): readonly EditRecord[] {
    return this.editsByCompany.get(companyId) ?? [];
  }

  /**
   * Drops what can never be used again (expired codes and sessions, tokens revoked long ago),
   * so a state file kept for months does not grow without bound.
   */
  prune(now: number, graceMs = 86_400_000): void {
    const s = this.state;
    const before = s.codes.length + s.sessions.length + s.tokens.length;
    s.codes = s.codes.filter((c) => c.expiresAt > now - graceMs);
    s.sessions = s.sessions.filter((x) => x.expiresAt > now - graceMs && (x.completedAt === null || x.completedAt > now - graceMs));
    s.tokens = s.tokens.filter((t) => t.revokedAt === null || t.revokedAt > now - graceMs);
    if (s.codes.length + s.sessions.length + s.tokens.length !== before) {
      this.reindex();
      this.changed();
    }
  }

  reset(): void {
    this.state = emptyState();
    this.reindex();
    this.changed();
  }

  /** Marks the state dirty and schedules a debounced write. */
  changed(): void {
    if (!this.file) return;
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.writeNow();
    }, SAVE_DELAY_MS);
    this.timer.unref();
  }

  private writeNow(): Promise<void> {
    const file = this.file;
    if (!file || !this.dirty) return this.writing;
    this.dirty = false;
    const text = JSON.stringify(this.state);
    this.writing = this.writing
      .then(async () => {
        mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
        const temp = `${file}.${process.pid}.tmp`;
        await writeFile(temp, text, { mode: 0o600 });
        await rename(temp, file);
      })
      .catch((error: unknown) => this.log(`simulator: could not save state: ${(error as Error).message}`));
    return this.writing;
  }

  /** Writes any pending change now and waits for it. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    await this.writeNow();
    await this.writing;
  }
}
