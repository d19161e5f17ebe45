/** The manual items the user ticked (migration 004): kept across restarts, untouched by anything else. */
import type Database from 'better-sqlite3';
import type { ReadinessItemId } from '@shared/domain/readiness';

export interface ManualCheck {
  checkedAt: number;
  note: string | null;
}

export class ManualChecks {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      all: db.prepare('SELECT item_id AS itemId, checked_at AS checkedAt, note FROM readiness_checks'),
      upsert: db.prepare(`INSERT INTO readiness_checks (item_id, checked_at, note) VALUES (?, ?, ?)
        ON CONFLICT (item_id) DO UPDATE SET checked_at = excluded.checked_at, note = excluded.note`),
      remove: db.prepare('DELETE FROM readiness_checks WHERE item_id = ?'),
    };
  }

  all(): Map<ReadinessItemId, ManualCheck> {
    const rows = this.s.all.all() as { itemId: ReadinessItemId; checkedAt: number; note: string | null }[];
    return new Map(rows.map((r) => [r.itemId, { checkedAt: r.checkedAt, note: r.note }]));
  }

  set(itemId: ReadinessItemId, checked: boolean, at: number, note: string | null): void {
    if (checked) this.s.upsert.run(itemId, at, note && note.length > 0 ? note : null);
    else this.s.remove.run(itemId);
  }
}
