/**
 * Arrays and free-form objects are edited as JSON. While sensitive values are masked they show
 * as numbered placeholders (masked-json.ts) and keep their values unless replaced. Text that
 * does not parse stays as typed and becomes the field's value as UnparsedJson, so the form
 * can refuse to send it (instead of quietly sending the last good value).
 */
import type { JSX } from 'react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { maskForEditing, restoreHidden } from './masked-json';
import { UnparsedJson } from './schema-node';

interface Props {
  id: string;
  path: string;
  value: unknown;
  masked: boolean;
  onChange: (value: unknown) => void;
  placeholder: string | undefined;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

export function JsonField({ value, onChange, masked, path, ...rest }: Props): JSX.Element {
  const display = useMemo(
    () =>
      value instanceof UnparsedJson
        ? null
        : masked
          ? maskForEditing(value, path)
          : { text: value === undefined || value === null ? '' : JSON.stringify(value, null, 1), hidden: new Map<string, unknown>() },
    [value, masked, path],
  );
  // The placeholders of the last good value: an unparsed edit still refers to them.
  const hidden = useRef(new Map<string, unknown>());
  if (display) hidden.current = display.hidden;
  const shown = display ? display.text : (value as UnparsedJson).text;
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  return (
    <textarea
      {...rest}
      rows={Math.min(8, Math.max(2, text.split('\n').length))}
      spellCheck={false}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => {
        if (text === shown) return; // untouched: an explicit null stays null
        if (text.trim() === '') return onChange(undefined);
        try {
          onChange(restoreHidden(JSON.parse(text), hidden.current));
        } catch (error) {
          onChange(new UnparsedJson(text, (error as Error).message));
        }
      }}
    />
  );
}

/** Whether a JSON value shows placeholders while masked (then the form says how they work). */
export function hidesValues(value: unknown, path: string): boolean {
  return !(value instanceof UnparsedJson) && maskForEditing(value, path).hidden.size > 0;
}
