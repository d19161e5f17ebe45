/**
 * Ctrl/Cmd+K: a command palette reaching every screen and the main acts, for keyboard and
 * screen-reader users (and everyone in a hurry). A native <dialog> (focus is trapped while
 * open and returns to where it was), a combobox input and a listbox of results; arrows move,
 * Enter runs, Escape closes.
 */
import type { JSX } from 'react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { EnvironmentsState } from '@shared/domain/environment';
import { unwrap, workbench } from '../workbench';
import { buildCommands, filterCommands } from './palette-commands';

/**
 * Focus a control by accessible name once its screen has rendered (a few frames at most).
 * Waits for the palette to close (closing a modal dialog hands focus back to its opener) and
 * for the target screen's heading, so a same-named control on the old screen is not chosen.
 */
function focusControl(name: string, screenTitle: string, tries = 300): void {
  const ready = !document.querySelector('dialog[open]') && document.querySelector('main h1')?.textContent === screenTitle;
  if (!ready) {
    if (tries > 0) requestAnimationFrame(() => focusControl(name, screenTitle, tries - 1));
    return;
  }
  const candidates = [...document.querySelectorAll<HTMLElement>('main button, main input, main select, main textarea, main a[href]')];
  const match = candidates.find((el) => {
    const label =
      el.getAttribute('aria-label') ??
      (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
      el.closest('label')?.textContent ??
      el.textContent ??
      '';
    return label.trim() === name || label.trim().startsWith(`${name}`);
  });
  // A control still disabled (its screen is loading) cannot take focus yet: keep waiting.
  if (match && !(match as HTMLButtonElement).disabled) match.focus();
  else if (tries > 0) requestAnimationFrame(() => focusControl(name, screenTitle, tries - 1));
}

export function CommandPalette({
  environments,
  navigate,
}: {
  environments: EnvironmentsState | null;
  navigate: (areaId: string) => void;
}): JSX.Element | null {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setQuery('');
        setIndex(0);
        setError(null);
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const element = dialog.current;
    if (open && element && !element.open) element.showModal();
    if (!open && element?.open) element.close();
  }, [open]);

  // Built only while open: the shell renders the closed palette on every start and change.
  const commands = useMemo(
    () =>
      open
        ? buildCommands({
            environments,
            navigate,
            focusControl: (name, screenTitle) => requestAnimationFrame(() => focusControl(name, screenTitle)),
            setActiveEnvironment: async (id) => void (await unwrap(workbench().environments.setActive({ id }))),
            setTheme: async (theme) => void (await unwrap(workbench().settings.update({ theme }))),
          })
        : [],
    [open, environments, navigate],
  );
  const results = open ? filterCommands(commands, query).slice(0, 50) : [];
  const selected = results[Math.min(index, results.length - 1)];

  const run = (command = selected): void => {
    if (!command) return;
    Promise.resolve(command.run()).then(
      () => setOpen(false),
      (e: Error) => setError(e.message),
    );
    // Navigation acts close at once so the target control can take focus.
    if (command.id.startsWith('go:') || command.id.startsWith('act:')) setOpen(false);
  };

  return (
    <dialog ref={dialog} className="dialog command-palette" aria-label="Command palette" onClose={() => setOpen(false)}>
      {open && (
        <>
          <input
            type="text"
            role="combobox"
            aria-label="Command"
            aria-expanded="true"
            aria-controls="palette-results"
            aria-activedescendant={selected ? `palette-${selected.id}` : undefined}
            placeholder="Type a screen, an act or an environment…"
            value={query}
            autoFocus
            onChange={(e) => (setQuery(e.target.value), setIndex(0))}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                setIndex((i) => Math.min(i + 1, results.length - 1));
              } else if (e.key === 'ArrowUp') {
                e.preventDefault();
                setIndex((i) => Math.max(i - 1, 0));
              } else if (e.key === 'Enter') {
                e.preventDefault();
                run();
              }
              // The input is the palette's only stop: Tab stays here rather than leaving the modal.
              else if (e.key === 'Tab') e.preventDefault();
            }}
          />
          <ul id="palette-results" role="listbox" aria-label="Commands">
            {results.map((c) => (
              <li
                key={c.id}
                id={`palette-${c.id}`}
                role="option"
                aria-selected={c === selected}
                className={c === selected ? 'selected' : undefined}
                onMouseDown={(e) => (e.preventDefault(), run(c))}
              >
                {c.label}
              </li>
            ))}
            {results.length === 0 && <li className="muted">Nothing matches “{query}”.</li>}
          </ul>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <p className="muted hint">↑ ↓ to choose · Enter to run · Esc to close</p>
        </>
      )}
    </dialog>
  );
}
