/**
 * The raw request console: POST /forward sends a request to the provider's own API through
 * Finch. Says up front whether this connection can be forwarded to (assisted ones cannot),
 * warns loudly in Production (it hits the employer's real system, and asks for a tick),
 * and shows the provider's answer as the provider gave it.
 */
import type { JSX } from 'react';
import { useState } from 'react';
import type { ForwardResult } from '@shared/domain/explorer';
import { FORWARD_METHODS } from '@shared/domain/explorer';
import { unwrap, workbench } from '@renderer/workbench';
import type { ViewProps } from '../explorer-context';
import { useAction } from '@renderer/components/data/use-action';
import { ReadError } from '@renderer/components/data/read-failure';
import { RequestIds } from '../read-panels';
import { useRead } from '@renderer/components/data/use-read';

type Method = (typeof FORWARD_METHODS)[number];

/** "" → undefined; otherwise a JSON object of strings, or an error to show next to the field. */
function parseObject(text: string, field: string): { value?: Record<string, string>; error?: string } {
  if (!text.trim()) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      return { error: `${field} must be a JSON object, e.g. {"page": "1"}` };
    return {
      value: Object.fromEntries(
        Object.entries(parsed as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
      ),
    };
  } catch (error) {
    return { error: `${field} is not valid JSON: ${(error as Error).message}` };
  }
}

function pretty(text: string | null): string {
  if (text === null) return 'null (the provider sent an empty body)';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function ForwardView({ connection }: ViewProps): JSX.Element {
  const support = useRead(connection.id, () => unwrap(workbench().explorer.forwardSupport({ connectionId: connection.id })));
  const [method, setMethod] = useState<Method>('GET');
  const [route, setRoute] = useState('/');
  const [params, setParams] = useState('');
  const [headers, setHeaders] = useState('');
  const [body, setBody] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const parsedParams = parseObject(params, 'Query parameters');
  const parsedHeaders = parseObject(headers, 'Headers');
  const info = support.data;
  const production = info?.production ?? false;
  const refused = info?.verdict === 'unsupported';

  const forwarding = useAction((input: Parameters<Window['workbench']['explorer']['forward']>[0]) =>
    unwrap(workbench().explorer.forward(input)),
  );
  const answer: ForwardResult | null = forwarding.result;
  const failure = forwarding.failure;
  const sending = forwarding.pending;
  const send = async () => {
    await forwarding.run({
      connectionId: connection.id,
      method,
      route: route.trim(),
      ...(parsedParams.value ? { params: parsedParams.value } : {}),
      ...(parsedHeaders.value ? { headers: parsedHeaders.value } : {}),
      ...(body.trim() ? { data: body } : {}),
      ...(production ? { productionConfirmed: confirmed } : {}),
    });
  };

  return (
    <section className="card" aria-label="Request forwarding">
      <h2>Request forwarding (POST /forward)</h2>
      <p className="muted">
        A raw request to the provider’s own API, sent by Finch with the employer’s authorization. The answer is the provider’s,
        untranslated.
      </p>
      {support.error && <ReadError failure={support.error} what="whether this connection can be forwarded to" onRetry={support.reload} />}
      {info && (
        <p
          className={`notice ${info.verdict === 'supported' ? 'notice-info' : info.verdict === 'unsupported' ? 'notice-error' : 'notice-warning'}`}
          role="note"
          aria-label="Forwarding support"
        >
          <span>
            <strong>
              {info.verdict === 'supported'
                ? 'Supported.'
                : info.verdict === 'unsupported'
                  ? 'Not available for this connection.'
                  : 'May not be supported.'}
            </strong>{' '}
            {info.reason}
          </span>
        </p>
      )}
      {production && (
        <div className="notice notice-error production-warning" role="alert">
          <span>
            <strong>PRODUCTION:</strong> a forwarded request reaches the employer’s real payroll system. A POST, PUT, PATCH or DELETE can
            change their real data. Send only what you would run against their live account.
          </span>
        </div>
      )}
      <form className="forward-form" onSubmit={(e) => (e.preventDefault(), void send())}>
        <div className="inline-fields">
          <label className="field">
            <span>Method</span>
            <select value={method} onChange={(e) => setMethod(e.target.value as Method)}>
              {FORWARD_METHODS.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </label>
          <label className="field forward-route">
            <span>Route (on the provider’s API)</span>
            <input
              value={route}
              onChange={(e) => setRoute(e.target.value)}
              spellCheck={false}
              maxLength={500}
              placeholder="/v1/employees"
            />
          </label>
        </div>
        <label className="field">
          <span>Query parameters (JSON object)</span>
          <textarea rows={2} value={params} onChange={(e) => setParams(e.target.value)} spellCheck={false} placeholder='{"page": "1"}' />
        </label>
        {parsedParams.error && <p className="field-error">{parsedParams.error}</p>}
        <label className="field">
          <span>Headers (JSON object)</span>
          <textarea
            rows={2}
            value={headers}
            onChange={(e) => setHeaders(e.target.value)}
            spellCheck={false}
            placeholder='{"Accept": "application/json"}'
          />
        </label>
        {parsedHeaders.error && <p className="field-error">{parsedHeaders.error}</p>}
        {method !== 'GET' && (
          <label className="field">
            <span>Body (sent as a string)</span>
            <textarea rows={4} value={body} onChange={(e) => setBody(e.target.value)} spellCheck={false} />
          </label>
        )}
        {production && (
          <label className="checkbox">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> I understand this reaches the
            employer’s real system
          </label>
        )}
        <button
          type="submit"
          className={production ? 'button button-danger' : 'button button-primary'}
          disabled={sending || refused || !info || !!parsedParams.error || !!parsedHeaders.error || (production && !confirmed)}
        >
          {sending ? 'Sending…' : production ? 'Send to the live provider' : 'Send'}
        </button>
      </form>
      {failure && <ReadError failure={failure} what="the forwarded request" />}
      {answer && (
        <div className="forward-answer" aria-label="Provider answer" role="region">
          <h3>
            Provider answered{' '}
            <span className={`status ${answer.providerStatus && answer.providerStatus < 400 ? 'tone-ok' : 'tone-error'}`}>
              {answer.providerStatus ?? '—'}
            </span>
          </h3>
          <RequestIds ids={answer.requestIds} prefix={`Finch answered ${answer.status}`} />
          {answer.providerHeaders?.['x-finch-simulator'] === 'forward-echo' && (
            <p className="muted">
              The local simulator has no provider behind it: its answer echoes the request Finch would have forwarded.
            </p>
          )}
          <h3>Headers</h3>
          <pre tabIndex={0} className="json">
            {JSON.stringify(answer.providerHeaders, null, 2)}
          </pre>
          <h3>Body</h3>
          <pre tabIndex={0} className="json">
            {pretty(answer.providerBody)}
          </pre>
          <h3>The request Finch sent</h3>
          <pre tabIndex={0} className="json">
            {JSON.stringify(answer.request, null, 2)}
          </pre>
        </div>
      )}
    </section>
  );
}
