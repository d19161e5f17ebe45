/** Start and end dates (YYYY-MM-DD) for payment-dated reads. */
import type { JSX } from 'react';

export interface DateRange {
  startDate: string;
  endDate: string;
}

export function DateRangeFields({ range, onChange }: { range: DateRange; onChange: (range: DateRange) => void }): JSX.Element {
  const backwards = range.startDate && range.endDate && range.startDate > range.endDate;
  return (
    <>
      <label className="field">
        <span>Start date</span>
        <input type="date" required value={range.startDate} onChange={(e) => onChange({ ...range, startDate: e.target.value })} />
      </label>
      <label className="field">
        <span>End date</span>
        <input type="date" required value={range.endDate} onChange={(e) => onChange({ ...range, endDate: e.target.value })} aria-invalid={backwards ? true : undefined} />
      </label>
      {backwards && (
        <p className="field-error" role="alert">
          The end date is before the start date.
        </p>
      )}
    </>
  );
}
