/**
 * What each sandbox form starts from: the record Finch has now (company, a person's individual
 * or employment record), so an edit changes what the engineer touches and nothing else.
 */
import { unwrap, workbench } from '@renderer/workbench';

export type WriteName = 'company' | 'directory' | 'individual' | 'employment' | 'payment';

export const WRITE_LABELS: Record<WriteName, string> = {
  company: 'Company',
  directory: 'Add a person',
  individual: 'Edit a person (individual)',
  employment: 'Edit employment',
  payment: 'New payment',
};

export interface PersonChoice {
  id: string;
  label: string;
}

function withoutId(record: unknown): Record<string, unknown> {
  if (record === null || typeof record !== 'object') return {};
  const { id: _id, ...rest } = record as Record<string, unknown>;
  return rest;
}

/** A directory entry as a picker shows it: "Ada Lovelace", or the id when it has no name. */
export function personChoice(p: Record<string, unknown>): PersonChoice {
  return { id: String(p['id']), label: `${String(p['first_name'] ?? '')} ${String(p['last_name'] ?? '')}`.trim() || String(p['id']) };
}

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

export async function prefill(write: WriteName, connectionId: string, personId: string | null): Promise<Record<string, unknown>> {
  switch (write) {
    case 'company':
      return withoutId((await unwrap(workbench().explorer.company({ connectionId }))).data);
    case 'individual':
    case 'employment': {
      if (!personId) return {};
      const person = await unwrap(workbench().explorer.person({ connectionId, individualId: personId }));
      const record = write === 'individual' ? person.individual : person.employment;
      return record && record.code === 200 ? withoutId(record.body) : {};
    }
    case 'payment':
      return {
        start_date: isoDay(-14),
        end_date: isoDay(-1),
        pay_statements: personId ? [{ individual_id: personId, gross_pay: 250_000, net_pay: 190_000, total_hours: 80 }] : [],
      };
    case 'directory':
      return {};
  }
}

/** For edits of a person: only the top-level fields that changed (Finch merges the rest). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = after[key] === undefined ? null : after[key];
  }
  return out;
}
