/**
 * The Sandbox forms' person picker: the first page of the directory, "Load more" for the
 * next, and the load in flight shown with Cancel (it spends the shared directory budget).
 */
import type { JSX } from 'react';
import { OperationProgressBar } from '@renderer/components/OperationProgress';
import { SelectField } from '@renderer/components/fields';
import type { PeoplePicker } from './usePeoplePicker';
import { PICKER_PAGE } from './usePeoplePicker';

const n = (value: number) => value.toLocaleString('en-US');

export function PersonSelect({
  picker,
  value,
  onChange,
}: {
  picker: PeoplePicker;
  value: string | null;
  onChange: (id: string | null) => void;
}): JSX.Element {
  const { people, total } = picker;
  const empty = picker.phase === 'loading' ? `Loading the first ${PICKER_PAGE} people…` : 'No people yet';
  return (
    <div className="person-select" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'flex-end' }}>
      <SelectField
        label="Person"
        value={value ?? ''}
        options={people.length ? people.map((p) => ({ value: p.id, label: p.label })) : [{ value: '', label: empty }]}
        onChange={(id) => onChange(id || null)}
      />
      {total !== null && people.length > 0 && (
        <span className="muted">
          {n(people.length)} of {n(total)} people{' '}
          {picker.hasMore && (
            <button type="button" className="link-button" disabled={picker.phase === 'loading'} onClick={picker.loadMore}>
              Load {n(Math.min(PICKER_PAGE, total - people.length))} more
            </button>
          )}
        </span>
      )}
      {picker.problem && people.length > 0 && (
        <span className="field-error" role="alert">
          {picker.problem}
        </span>
      )}
      {picker.phase === 'failed' && (
        <button type="button" className="link-button" onClick={picker.reload}>
          Read the people again
        </button>
      )}
      <OperationProgressBar operation={picker.operation} detailOnly />
    </div>
  );
}
