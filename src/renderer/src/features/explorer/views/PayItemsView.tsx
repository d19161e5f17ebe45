/** Pay-statement items: the distinct earnings, taxes, deductions and contributions Finch found, filtered. */
import type { JSX } from 'react';
import { useState } from 'react';
import { PAY_ITEM_CATEGORIES } from '@shared/domain/explorer';
import { unwrap, workbench } from '@renderer/workbench';
import type { ViewProps } from '../explorer-context';
import { stemFor } from '../explorer-context';
import { useRead } from '@renderer/components/data/use-read';
import { ListCard } from './ListCard';
import { PayItemRulesPanel } from './PayItemRulesPanel';

interface Query {
  startDate: string;
  endDate: string;
  category: string;
  name: string;
}

export function PayItemsView({ connection, environment, onWatchJob }: ViewProps): JSX.Element {
  const [draft, setDraft] = useState<Query>({ startDate: '', endDate: '', category: '', name: '' });
  const [query, setQuery] = useState<Query>(draft);
  const input = {
    connectionId: connection.id,
    ...(query.startDate ? { startDate: query.startDate } : {}),
    ...(query.endDate ? { endDate: query.endDate } : {}),
    ...(query.category ? { categories: [query.category as (typeof PAY_ITEM_CATEGORIES)[number]] } : {}),
    ...(query.name ? { name: query.name } : {}),
  };
  const read = useRead(JSON.stringify(input), () => unwrap(workbench().explorer.payStatementItems(input)));
  return (
    <>
      <form className="explorer-form card" onSubmit={(e) => (e.preventDefault(), setQuery(draft))} aria-label="Pay-statement item filters">
        <label className="field">
          <span>Last seen from</span>
          <input type="date" value={draft.startDate} onChange={(e) => setDraft({ ...draft, startDate: e.target.value })} />
        </label>
        <label className="field">
          <span>to</span>
          <input type="date" value={draft.endDate} onChange={(e) => setDraft({ ...draft, endDate: e.target.value })} />
        </label>
        <label className="field">
          <span>Category</span>
          <select value={draft.category} onChange={(e) => setDraft({ ...draft, category: e.target.value })}>
            <option value="">all</option>
            {PAY_ITEM_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Name contains</span>
          <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} maxLength={200} />
        </label>
        <button type="submit" className="button button-primary">
          Read items
        </button>
      </form>
      <ListCard
        title="Pay-statement items"
        endpoint="GET /employer/pay-statement-item"
        noun={['item', 'items']}
        read={read}
        rowsOf={(d) =>
          ((d as { responses?: unknown } | null)?.responses as Record<string, unknown>[] | undefined) ??
          (Array.isArray(d) ? (d as Record<string, unknown>[]) : [])
        }
        first={['name', 'category', 'attributes.type', 'attributes.pre_tax', 'attributes.employer', 'attributes.metadata']}
        // The metadata a rule attached, as one column (not one per key).
        adjust={(columns) => columns.filter((c) => !c.path?.startsWith('attributes.metadata.'))}
        rowKey={(r, i) => `${String(r['category'])}:${String(r['name'])}:${i}`}
        empty={
          <p className="muted">
            No pay-statement items match. Clear the filters, or read pay statements first: items come from the statements Finch has seen.
          </p>
        }
        exportStem={stemFor('pay-statement-items', connection)}
        connectionId={connection.id}
        onWatchJob={onWatchJob}
      />
      <PayItemRulesPanel connection={connection} environment={environment ?? null} onChanged={read.reload} />
    </>
  );
}
