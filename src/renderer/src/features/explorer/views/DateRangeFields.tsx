/** Start and end dates (YYYY-MM-DD) for payment-dated reads. */
import type { JSX } from 'react';
import { useId } from 'react';

export interface DateRange {
  startDate: string;
  endDate: string;
}

/**
 * End before start: the fields say so inline, and forms must not send the read (main would
 * only refuse it again, and a second, generic alert beside the inline one helps nobody).
 */
export function isBackwards(range: DateRange): boolean {
  return range.startDate !== '' && range.endDate !== '' && range.startDate > range.endDate;
}

export function DateRangeFields({ range, onChange }: { range: DateRange; onChange: (range: DateRange) => void }): JSX.Element {
  const backwards = isBackwards(range);
  const errorId = useId();
  return (
    <>
      <label className="field">
        <span>Start date</span>
        <input type="date" required value={range.startDate} onChange={(e) => onChange({ ...range, startDate: e.target.value })} />
      </label>
      <label className="field">
        <span>End date</span>
        <input
          type="date"
          required
          value={range.endDate}
          onChange={(e) => onChange({ ...range, endDate: e.target.value })}
          aria-invalid={backwards ? true : undefined}
          aria-describedby={backwards ? errorId : undefined}
        />
      </label>
      {backwards && (
        <p className="field-error" role="alert" id={errorId}>
          The end date is before the start date.
        </p>
      )}
    </>
  );
}
