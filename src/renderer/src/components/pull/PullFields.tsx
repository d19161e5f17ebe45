/**
 * The inputs of a full pull, shared by coverage and snapshots: which connection, and the pay
 * date range for payments and pay statements (Finch keeps about two years of pay history).
 */
import type { JSX } from 'react';
import type { ConnectionView } from '@shared/domain/connection';
import { SelectField } from '../fields';

export interface PullChoice {
  connectionId: string;
  startDate: string;
  endDate: string;
}

/** The last `days` days up to today, as YYYY-MM-DD. */
export function recentRange(days = 90, now = new Date()): { startDate: string; endDate: string } {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { startDate: day(new Date(now.getTime() - days * 86_400_000)), endDate: day(now) };
}

export function connectionLabel(c: Pick<ConnectionView, 'providerId' | 'customerName' | 'id'>): string {
  return `${c.providerId ?? 'unknown provider'} · ${c.customerName ?? 'no customer name'} · ${c.id.slice(0, 8)}`;
}

export function PullFields({
  connections,
  value,
  onChange,
  disabled,
}: {
  connections: ConnectionView[];
  value: PullChoice;
  onChange: (next: PullChoice) => void;
  disabled?: boolean;
}): JSX.Element {
  return (
    <fieldset className="inline-fields pull-fields" disabled={disabled}>
      <SelectField
        label="Connection"
        value={value.connectionId}
        options={connections.map((c) => ({ value: c.id, label: connectionLabel(c) }))}
        onChange={(connectionId) => onChange({ ...value, connectionId })}
      />
      <label className="field">
        <span>Payments from</span>
        <input
          type="date"
          value={value.startDate}
          max={value.endDate}
          onChange={(e) => onChange({ ...value, startDate: e.target.value })}
          required
        />
      </label>
      <label className="field">
        <span>to</span>
        <input
          type="date"
          value={value.endDate}
          min={value.startDate}
          onChange={(e) => onChange({ ...value, endDate: e.target.value })}
          required
        />
      </label>
    </fieldset>
  );
}
