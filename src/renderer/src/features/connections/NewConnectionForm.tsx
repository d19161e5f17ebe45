/** Who is connecting, which products, and (in Sandbox) which sandbox: then Finch Connect. */
import type { JSX } from 'react';
import { useState } from 'react';
import { CONNECT_PRODUCTS } from '@shared/domain/connect';
import type { ConnectSessionInput } from '@shared/domain/connect';
import type { EnvironmentView } from '@shared/domain/environment';
import { PROVIDER_IDS, SandboxModeField, SelectField } from '@renderer/components/fields';

const DEFAULT_PRODUCTS: ConnectSessionInput['products'] = ['company', 'directory', 'individual', 'employment', 'payment', 'pay_statement'];

interface Props {
  environment: EnvironmentView;
  customers: { id: string; name: string }[];
  busy: boolean;
  onSubmit: (input: ConnectSessionInput, flow: 'embedded' | 'redirect') => void;
}

export function NewConnectionForm({ environment, customers, busy, onSubmit }: Props): JSX.Element {
  const [customerId, setCustomerId] = useState('');
  const [customerName, setCustomerName] = useState('');
  const [customerEmail, setCustomerEmail] = useState('');
  const [products, setProducts] = useState<ConnectSessionInput['products']>(DEFAULT_PRODUCTS);
  const [sandboxMode, setSandboxMode] = useState<'finch' | 'provider'>('finch');
  const [providerId, setProviderId] = useState<string>('');
  const [flow, setFlow] = useState<'embedded' | 'redirect'>('embedded');
  const sandboxLike = environment.kind === 'sandbox' || environment.kind === 'local-simulator';
  const existing = customers.find((c) => c.id === customerId);

  const toggle = (product: (typeof CONNECT_PRODUCTS)[number]): void =>
    setProducts((list) => (list.includes(product) ? list.filter((p) => p !== product) : [...list, product]));

  return (
    <form
      className="card form"
      aria-label="New connection"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(
          {
            ...(existing ? { customerId: existing.id, customerName: existing.name } : { customerName }),
            ...(!existing && customerEmail.trim() ? { customerEmail: customerEmail.trim() } : {}),
            products,
            ...(sandboxLike ? { sandboxMode } : {}),
            ...(providerId ? { providerId } : {}),
          },
          flow,
        );
      }}
    >
      <h2>New connection in {environment.name}</h2>
      <div className="inline-fields">
        <label className="field">
          <span>Customer</span>
          <select value={customerId} onChange={(e) => setCustomerId(e.target.value)}>
            <option value="">New customer…</option>
            {customers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        {!existing && (
          <>
            <label className="field">
              <span>Customer name</span>
              <input value={customerName} onChange={(e) => setCustomerName(e.target.value)} required />
            </label>
            <label className="field">
              <span>Customer email (optional)</span>
              <input type="email" value={customerEmail} onChange={(e) => setCustomerEmail(e.target.value)} />
            </label>
          </>
        )}
        <SelectField
          label="Provider (optional)"
          value={providerId}
          options={[{ value: '', label: 'Let the employer choose' }, ...PROVIDER_IDS]}
          onChange={setProviderId}
        />
        <SelectField
          label="Connect flow"
          value={flow}
          options={[
            { value: 'embedded', label: 'Embedded (in this window)' },
            { value: 'redirect', label: 'Redirect (own window, redirect_uri)' },
          ]}
          onChange={setFlow}
        />
        {sandboxLike && <SandboxModeField value={sandboxMode} onChange={setSandboxMode} />}
      </div>
      <fieldset className="products">
        <legend>Products</legend>
        {CONNECT_PRODUCTS.map((p) => (
          <label key={p} className="checkbox">
            <input type="checkbox" checked={products.includes(p)} onChange={() => toggle(p)} /> {p}
          </label>
        ))}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy || products.length === 0}>
          {busy ? 'Connect is open…' : 'Open Finch Connect'}
        </button>
      </div>
    </form>
  );
}
