/**
 * Caches generated companies and their edit-overlaid views so that no request regenerates a
 * company: a view is rebuilt only when the set of edits a connection can see changes.
 */
import type { StateStore } from './state-store';
import type { CompanyRecord, ConnectionRecord, EditRecord } from '../model/types';
import { CompanyData } from '../data/company-data';
import { CompanyView } from '../data/company-view';

const MAX_COMPANIES = 32;
const MAX_VIEWS = 64;

/** A Map used as a small LRU cache: reads move an entry to the back, inserts evict the front. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly capacity: number) {}
  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
  }
  clear(): void {
    this.map.clear();
  }
}

export class Datasets {
  private readonly companies = new Lru<CompanyData>(MAX_COMPANIES);
  private readonly views = new Lru<CompanyView>(MAX_VIEWS);

  constructor(
    private readonly seed: number,
    private readonly store: StateStore,
  ) {}

  company(record: CompanyRecord): CompanyData {
    let data = this.companies.get(record.id);
    if (!data) {
      data = new CompanyData(record, this.seed);
      this.companies.set(record.id, data);
    }
    return data;
  }

  /** What /employer reads on this connection see: synced edits plus live ones. */
  viewFor(connection: ConnectionRecord): CompanyView {
    return this.view(connection.companyId, (e) => e.live || e.seq <= connection.syncedEditSeq);
  }

  /** Every edit applied, as sandbox endpoints answer right after a change. */
  latestView(companyId: string): CompanyView {
    return this.view(companyId, () => true);
  }

  private view(companyId: string, isVisible: (edit: EditRecord) => boolean): CompanyView {
    const record = this.store.companies.get(companyId);
    if (!record) throw new Error(`unknown company ${companyId}`);
    const edits = this.store.editsFor(companyId);
    const visible: EditRecord[] = [];
    const pending: EditRecord[] = [];
    for (const edit of edits) (isVisible(edit) ? visible : pending).push(edit);
    const key = `${companyId}:${visible.length}:${visible[visible.length - 1]?.seq ?? 0}:${pending.length}`;
    let view = this.views.get(key);
    if (!view) {
      view = new CompanyView(this.company(record), visible, pending);
      this.views.set(key, view);
    }
    return view;
  }

  clear(): void {
    this.companies.clear();
    this.views.clear();
  }
}
