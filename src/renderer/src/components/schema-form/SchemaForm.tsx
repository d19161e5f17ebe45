/**
 * A form drawn from one of Finch's request schemas: a field per property (text, date,
 * number, yes/no, a choice for enums), nested objects as fieldsets, arrays as JSON. A nullable
 * field has a "null" box, because sending an explicit null is often the very case being
 * tested. Field-level errors (from schema-check.ts before sending, or from main, with paths
 * like `residence.state`) appear under their field. Sensitive values are masked by the
 * Explorer's rule until revealed, and stay editable while masked.
 */
import type { JSX } from 'react';
import { createContext, useContext, useState } from 'react';
import { isSensitive, MASK } from '../sensitive';
import { hidesValues, JsonField } from './JsonField';
import type { FieldError, SchemaNode } from './schema-node';
import { enumValues, inputKind, isInteger, nullable, propertiesOf, requiredOf, UnparsedJson } from './schema-node';

export type { FieldError } from './schema-node';

interface FormProps {
  schema: SchemaNode;
  value: Record<string, unknown>;
  onChange: (value: Record<string, unknown>) => void;
  errors: FieldError[];
  /** Properties to leave out (e.g. ids the server assigns). */
  hide?: string[];
}

/** Focuses the first field marked invalid, in the order the form shows them. */
export function focusFirstInvalid(form: HTMLElement | null): void {
  form?.querySelector<HTMLElement>('input[aria-invalid="true"], select[aria-invalid="true"], textarea[aria-invalid="true"]')?.focus();
}

export function SchemaForm({ schema, value, onChange, errors, hide = [] }: FormProps): JSX.Element {
  const [revealed, setRevealed] = useState(false);
  return (
    <RevealContext.Provider value={revealed}>
      <label className="checkbox reveal-toggle">
        <input type="checkbox" checked={revealed} onChange={(e) => setRevealed(e.target.checked)} /> Reveal sensitive values (SSN, date of
        birth, pay, bank accounts)
      </label>
      <ObjectFields schema={schema} value={value} onChange={onChange} errors={errors} path="" hide={hide} />
    </RevealContext.Provider>
  );
}

const RevealContext = createContext(false);

interface ObjectProps {
  schema: SchemaNode;
  value: Record<string, unknown>;
  onChange: (value: Record<string, unknown>) => void;
  errors: FieldError[];
  path: string;
  hide?: string[];
}

function ObjectFields({ schema, value, onChange, errors, path, hide = [] }: ObjectProps): JSX.Element {
  const required = requiredOf(schema);
  return (
    <div className="schema-fields">
      {propertiesOf(schema)
        .filter(([key]) => !hide.includes(key))
        .map(([key, node]) => (
          <Field
            key={key}
            name={key}
            path={path ? `${path}.${key}` : key}
            node={node}
            required={required.has(key)}
            value={value[key]}
            onChange={(next) => onChange({ ...value, [key]: next })}
            errors={errors}
          />
        ))}
    </div>
  );
}

interface FieldProps {
  name: string;
  path: string;
  node: SchemaNode;
  required: boolean;
  value: unknown;
  onChange: (value: unknown) => void;
  errors: FieldError[];
}

function Field({ name, path, node, required, value, onChange, errors }: FieldProps): JSX.Element {
  const kind = inputKind(node);
  const revealed = useContext(RevealContext);
  // A masked choice has no password-style input: its Edit button shows this one field.
  const [shownHere, setShownHere] = useState(false);
  // Sandbox data is fake, but screens get shared: the Explorer's masking rule applies here too.
  const masked = isSensitive(path) && !revealed && !shownHere;
  // A JSON field holds its items too, so errors inside it (pay_statements.0.gross_pay) show under it.
  const unparsed = value instanceof UnparsedJson ? [{ path, message: `not valid JSON: ${value.problem}` }] : [];
  const own = [...errors.filter((e) => e.path === path || (kind === 'json' && e.path.startsWith(`${path}.`))), ...unparsed].filter(
    (e, i, all) => all.findIndex((o) => o.path === e.path && o.message === e.message) === i,
  );
  const id = `field-${path.replace(/\./g, '-')}`;
  const canBeNull = nullable(node);
  const isNull = value === null;
  const nullBox = canBeNull ? (
    <label className="null-toggle" title="Send an explicit null">
      <input
        type="checkbox"
        checked={isNull}
        onChange={(e) => onChange(e.target.checked ? null : undefined)}
        aria-label={`${path} is null`}
      />{' '}
      null
    </label>
  ) : null;
  // One element (one id) for all of a field's errors, under the field, never beside its input.
  const errorLine =
    own.length > 0 ? (
      <span className="field-error" id={`${id}-error`}>
        {own.map((e) => (
          <span key={`${e.path}:${e.message}`}>
            {e.path}: {e.message}
          </span>
        ))}
      </span>
    ) : null;

  if (kind === 'object') {
    const nested = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
    const nestedErrors = errors.filter((e) => e.path.startsWith(`${path}.`));
    return (
      <fieldset className="schema-object" aria-invalid={own.length + nestedErrors.length > 0}>
        <legend>
          {name} {nullBox}
        </legend>
        {node.description && <p className="muted hint">{node.description}</p>}
        {!isNull && <ObjectFields schema={node} value={nested} onChange={onChange} errors={errors} path={path} />}
        {errorLine}
      </fieldset>
    );
  }

  // A null field stays editable: typing a value replaces the null (the box unticks itself).
  const common = {
    id,
    placeholder: isNull ? 'null' : undefined,
    'aria-invalid': own.length > 0,
    'aria-describedby': own.length > 0 ? `${id}-error` : undefined,
  };
  let input: JSX.Element;
  if (masked && (kind === 'enum' || kind === 'boolean')) {
    input = (
      <>
        <input
          {...common}
          type="text"
          readOnly
          value={value === undefined || value === null ? '' : MASK}
          placeholder={isNull ? 'null' : '(not set)'}
        />
        <button type="button" className="button button-small" aria-label={`Edit ${path}`} onClick={() => setShownHere(true)}>
          Edit
        </button>
      </>
    );
  } else if (masked && kind !== 'json') {
    // Password-style: a new value can be typed, the current one is not shown.
    input = (
      <input
        {...common}
        type="password"
        autoComplete="off"
        inputMode={kind === 'number' ? 'decimal' : undefined}
        value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
        onChange={(e) =>
          onChange(
            e.target.value === ''
              ? undefined
              : kind === 'number' && Number.isFinite(Number(e.target.value))
                ? Number(e.target.value)
                : e.target.value,
          )
        }
      />
    );
  } else {
    // A JSON box masks what is sensitive inside it (accounts.account_number), whatever its own name.
    input = plainInput(kind, node, value, isNull, onChange, common, !revealed, path);
  }
  return (
    <div className={`schema-field schema-${kind}`}>
      <label htmlFor={id} title={node.description}>
        {name}
        {required && <span aria-label="required"> *</span>}
        {kind === 'json' && <span className="muted"> (JSON)</span>}
      </label>
      <div className="schema-input">
        {input}
        {nullBox}
      </div>
      {kind === 'json' && !revealed && hidesValues(value, path) && (
        <span className="muted hint">
          Sensitive values show as “{MASK.slice(0, -1)} n)”: leave one in place to keep its value, or type a new value over it.
        </span>
      )}
      {errorLine}
    </div>
  );
}

type Common = { id: string; placeholder: string | undefined; 'aria-invalid': boolean; 'aria-describedby': string | undefined };

function plainInput(
  kind: ReturnType<typeof inputKind>,
  node: SchemaNode,
  value: unknown,
  isNull: boolean,
  onChange: (v: unknown) => void,
  common: Common,
  masked: boolean,
  path: string,
): JSX.Element {
  switch (kind) {
    case 'enum':
      return (
        <select
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        >
          <option value="">{isNull ? 'null' : '(not set)'}</option>
          {enumValues(node).map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      );
    case 'boolean':
      return (
        <select
          {...common}
          value={typeof value === 'boolean' ? String(value) : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'true')}
        >
          <option value="">{isNull ? 'null' : '(not set)'}</option>
          <option value="true">true</option>
          <option value="false">false</option>
        </select>
      );
    case 'number':
      return (
        <input
          {...common}
          type="number"
          step={isInteger(node) ? 1 : 'any'}
          value={typeof value === 'number' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      );
    case 'json':
      return <JsonField {...common} path={path} masked={masked} value={value} onChange={onChange} />;
    default:
      return (
        <input
          {...common}
          type={kind === 'date' ? 'date' : 'text'}
          autoComplete="off"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        />
      );
  }
}
