/**
 * A diff as flat rows (one per added/removed person or payment, one per changed field), the
 * same rows the diff view lists, for CSV/JSON export. Values are spelled out so null, "" and
 * absent survive CSV.
 */
import type { ExportColumn } from '@shared/export/table-export';
import type { SnapshotDiff } from '@shared/domain/snapshots';
import { diffValueText } from './DiffValue';

export interface DiffRow {
  change: string;
  subject: string;
  fromId: string;
  toId: string;
  matchedBy: string;
  field: string;
  before: string;
  after: string;
}

export const DIFF_COLUMNS: ExportColumn[] = [
  { key: 'change', label: 'Change' },
  { key: 'subject', label: 'Person or payment' },
  { key: 'fromId', label: 'Id in older snapshot' },
  { key: 'toId', label: 'Id in newer snapshot' },
  { key: 'matchedBy', label: 'Matched by' },
  { key: 'field', label: 'Field' },
  { key: 'before', label: 'Before' },
  { key: 'after', label: 'After' },
];

export function diffRows(diff: SnapshotDiff): DiffRow[] {
  const empty = { fromId: '', toId: '', matchedBy: '', field: '', before: '', after: '' };
  const rows: DiffRow[] = [];
  for (const p of diff.peopleAdded) rows.push({ ...empty, change: 'person added', subject: p.name, toId: p.toId ?? '' });
  for (const p of diff.peopleRemoved) rows.push({ ...empty, change: 'person removed', subject: p.name, fromId: p.fromId ?? '' });
  for (const p of diff.peopleChanged) {
    for (const c of p.changes) {
      rows.push({
        change: 'person changed',
        subject: p.name,
        fromId: p.fromId ?? '',
        toId: p.toId ?? '',
        matchedBy: p.matchedBy,
        field: c.path,
        before: diffValueText(c.before, c.beforeAbsent),
        after: diffValueText(c.after, c.afterAbsent),
      });
    }
  }
  for (const c of diff.companyChanges)
    rows.push({
      ...empty,
      change: 'company changed',
      subject: 'company',
      field: c.path,
      before: diffValueText(c.before, c.beforeAbsent),
      after: diffValueText(c.after, c.afterAbsent),
    });
  for (const p of diff.paymentsAdded)
    rows.push({ ...empty, change: 'payment added', subject: `${p.payDate ?? 'no pay date'}`, toId: p.id });
  for (const p of diff.paymentsRemoved)
    rows.push({ ...empty, change: 'payment removed', subject: `${p.payDate ?? 'no pay date'}`, fromId: p.id });
  for (const p of diff.paymentsChanged) {
    for (const c of p.changes)
      rows.push({
        ...empty,
        change: 'payment changed',
        subject: `${p.payDate ?? 'no pay date'}`,
        toId: p.id,
        field: c.path,
        before: diffValueText(c.before, c.beforeAbsent),
        after: diffValueText(c.after, c.afterAbsent),
      });
  }
  return rows;
}
