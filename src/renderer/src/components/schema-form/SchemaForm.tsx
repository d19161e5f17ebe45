/**
 * A form drawn from one of Finch's request schemas: a field per property (text, date,
 * number, yes/no, a choice for enums), nested objects as fieldsets, arrays as JSON. A nullable
 * field has a "null" box, because sending an explicit null is often the very case being
 * tested. Field-level errors from main (paths like `residence.state`) appear under their field.
 */
import type { JSX } from 'react';
import { createContext, useContext, useEffect, useState } from 'react';
import type { SchemaNode } from './schema-node';
import { enumValues, inputKind, isInteger, nullable, propertiesOf, requiredOf } from './schema-node';

export interface FieldError {
  path: string;
  message: string;
}

interface FormProps {
  schema: SchemaNode;
  value: Record<string, unknown>;
  onChange: (value: Record<string, unknown>) => void;
  errors: FieldError[];
  /** Properties to leave out (e.g. ids the server assigns). */
  hide?: string[];
}

/** Shown as dots until revealed, as in the explorer: sandbox data is fake, screens get shared anyway. */
const SENSITIVE = new Set(['ssn', 'encrypted_ssn', 'dob', 'account_number', 'routing_number']);

export function SchemaForm({ schema, value, onChange, errors, hide = [] }: FormProps): JSX.Element {
  const [revealed, setRevealed] = useState(false);
  return (
    <RevealContext.Provider value={revealed}>
      <label className="checkbox reveal-toggle">
        <input type="checkbox" checked={revealed} onChange={(e) => setRevealed(e.target.checked)} /> Reveal sensitive values (SSN, date of birth, account numbers)
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
  const masked = SENSITIVE.has(name) && !revealed;
  // A JSON field holds its items too, so errors inside it (pay_statements.0.gross_pay) show under it.
  const own = errors.filter((e) => e.path === path || (kind === 'json' && e.path.startsWith(`${path}.`)));
  const id = `field-${path.replace(/\./g, '-')}`;
  const canBeNull = nullable(node);
  const isNull = value === null;
  const nullBox = canBeNull ? (
    <label className="null-toggle" title="Send an explicit null">
      <input type="checkbox" checked={isNull} onChange={(e) => onChange(e.target.checked ? null : undefined)} aria-label={`${path} is null`} /> null
    </label>
  ) : null;
  const errorLine = own.map((e) => (
    <span key={`${e.path}:${e.message}`} className="field-error" id={`${id}-error`}>
      {e.path}: {e.message}
    </span>
  ));

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
  const common = { id, placeholder: isNull ? 'null' : undefined, 'aria-invalid': own.length > 0, 'aria-describedby': own.length > 0 ? `${id}-error` : undefined };
  let input: JSX.Element;
  switch (kind) {
    case 'enum':
      input = (
        <select {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
          <option value="">{isNull ? 'null' : '(not set)'}</option>
          {enumValues(node).map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      );
      break;
    case 'boolean':
      input = (
        <select {...common} value={typeof value === 'boolean' ? String(value) : ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'true')}>
          <option value="">{isNull ? 'null' : '(not set)'}</option>
          <option value="true">true</option>
          <option value="false">false</option>
        </select>
      );
      break;
    case 'number':
      input = (
        <input
          {...common}
          type="number"
          step={isInteger(node) ? 1 : 'any'}
          value={typeof value === 'number' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      );
      break;
    case 'json':
      input = <JsonField {...common} value={value} onChange={onChange} />;
      break;
    default:
      input = (
        <input
          {...common}
          type={masked ? 'password' : kind === 'date' ? 'date' : 'text'}
          autoComplete="off"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        />
      );
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
      {errorLine}
    </div>
  );
}

/** Arrays and free-form objects are edited as JSON; the text is kept while it does not parse. */
function JsonField({ value, onChange, ...rest }: { value: unknown; onChange: (v: unknown) => void; id: string; placeholder: string | undefined }): JSX.Element {
  const shown = value === undefined || value === null ? '' : JSON.stringify(value, null, 1);
  const [text, setText] = useState(shown);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setText(shown), [shown]);
  return (
    <>
      <textarea
        {...rest}
        rows={Math.min(8, Math.max(2, text.split('\n').length))}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => {
          if (text.trim() === '') return (setProblem(null), onChange(undefined));
          try {
            onChange(JSON.parse(text));
            setProblem(null);
          } catch (error) {
            setProblem(`not valid JSON: ${(error as Error).message}`);
          }
        }}
      />
      {problem && <span className="field-error">{problem}</span>}
    </>
  );
}
