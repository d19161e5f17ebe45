/**
 * A modal confirmation. With `typeToConfirm`, the confirm button stays disabled until the
 * user has typed that exact text (Production's deliberate act). Native <dialog>: focus is
 * trapped while open and returns to the opener when it closes.
 */
import type { JSX, ReactNode } from 'react';
import { useEffect, useRef, useState } from 'react';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  typeToConfirm?: string;
  error?: string | null;
  onConfirm: (typed: string) => void;
  onCancel: () => void;
}

export function ConfirmDialog({ title, children, confirmLabel, danger, typeToConfirm, error, onConfirm, onCancel }: Props): JSX.Element {
  const ref = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState('');
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const ready = typeToConfirm === undefined || typed === typeToConfirm;
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="confirm-title" onCancel={(e) => (e.preventDefault(), onCancel())}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) onConfirm(typed);
        }}
      >
        <h2 id="confirm-title">{title}</h2>
        <div className="dialog-body">{children}</div>
        {typeToConfirm !== undefined && (
          <label className="field">
            <span>
              Type <strong>{typeToConfirm}</strong> to confirm
            </span>
            <input autoFocus value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} />
          </label>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className={danger ? 'button button-danger' : 'button button-primary'} disabled={!ready}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
