/**
 * Exactly what the zip will hold, already redacted: its files and sizes, what redaction
 * removed, the ticket text to paste, and the first attempts of requests.csv.
 */
import type { JSX } from 'react';
import { useState } from 'react';
import { HIDDEN_LABELS } from '@shared/domain/export-limits';
import type { BundlePreview as Preview } from '@shared/domain/support';
import { formatBytes } from './exports';

function StatusCell({ status, outcome }: { status: number | null; outcome: string }): JSX.Element {
  const tone = outcome === 'ok' ? 'tone-ok' : outcome === 'accepted' || outcome === 'rate_limited' ? 'tone-warn' : 'tone-error';
  return <span className={`status ${tone}`}>{status ?? '—'}</span>;
}

export function BundlePreview({ preview, onCopyTicket }: { preview: Preview; onCopyTicket: (text: string) => void }): JSX.Element {
  const [showManifest, setShowManifest] = useState(false);
  const redactions = Object.entries(preview.redactions);
  const total = preview.files.reduce((sum, f) => sum + f.bytes, 0);
  return (
    <section className="card bundle-preview" aria-labelledby="bundle-preview-title">
      <div className="card-head">
        <h2 id="bundle-preview-title">Preview: {preview.fileName}</h2>
        <span className="muted">{formatBytes(total)} before compression</span>
      </div>
      <p className="bundle-counts" role="status">
        <strong>{preview.counts.requests}</strong> attempt{preview.counts.requests === 1 ? '' : 's'} (
        <strong>{preview.counts.failed}</strong> failed) · <strong>{preview.counts.connections}</strong> connection
        {preview.counts.connections === 1 ? '' : 's'} · <strong>{preview.counts.events}</strong> event
        {preview.counts.events === 1 ? '' : 's'}
        {preview.omittedRequests > 0 && <span className="muted"> · {preview.omittedRequests} older attempts left out (cap)</span>}
      </p>

      <table className="bundle-files">
        <caption className="visually-hidden">Files in the bundle</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Size</th>
            <th scope="col">Holds</th>
          </tr>
        </thead>
        <tbody>
          {preview.files.map((f) => (
            <tr key={f.name}>
              <td className="mono">{f.name}</td>
              <td className="num">{formatBytes(f.bytes)}</td>
              <td className="muted">{f.description}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <div className="redaction-summary" aria-label="Redaction">
        <h3>Redacted before export</h3>
        {redactions.length === 0 ? (
          <p className="muted">Nothing needed removing. Tokens, secrets, authorization headers and personal data never enter a bundle.</p>
        ) : (
          <ul className="chips">
            {redactions.map(([category, count]) => (
              <li key={category} className="chip">
                {count} × {HIDDEN_LABELS[category] ?? category}
              </li>
            ))}
          </ul>
        )}
        <p className="muted">
          On save, the archive is scanned for {preview.secretsChecked} known secret{preview.secretsChecked === 1 ? '' : 's'} (vault secrets
          and access tokens) in every encoding; nothing is written if one is found.
        </p>
      </div>

      <div className="card-head">
        <h3>ticket.md: paste into the Finch support ticket</h3>
        <button type="button" className="button" onClick={() => onCopyTicket(preview.ticket)}>
          Copy ticket text
        </button>
      </div>
      <pre tabIndex={0} className="json ticket" aria-label="Ticket text">
        {preview.ticket}
      </pre>

      <h3>
        requests.csv
        {preview.sampleRequests.length < preview.counts.requests
          ? ` (first ${preview.sampleRequests.length} of ${preview.counts.requests})`
          : ''}
      </h3>
      {preview.sampleRequests.length === 0 ? (
        <p className="muted">No attempt matches: widen the time window, add connections, or untick “Failed attempts only”.</p>
      ) : (
        <div className="bundle-requests">
          <table aria-label="Attempts in the bundle">
            <thead>
              <tr>
                <th scope="col">Time (UTC)</th>
                <th scope="col">Request</th>
                <th scope="col">Status, finch_code</th>
                <th scope="col">Finch-Request-ID</th>
                <th scope="col" title="attempt">
                  #
                </th>
                <th scope="col">ms</th>
                <th scope="col">Message (redacted)</th>
              </tr>
            </thead>
            <tbody>
              {preview.sampleRequests.map((r) => (
                <tr key={`${r.call_id}-${r.attempt}-${r.request_id ?? r.time}`}>
                  <td className="mono" title={r.time}>
                    {r.time.slice(5, 19).replace('T', ' ')}
                  </td>
                  <td className="mono ellipsis" title={`${r.method} ${r.path}`}>
                    {r.method} {r.path}
                  </td>
                  <td className="ellipsis">
                    <StatusCell status={r.status} outcome={r.outcome} /> <span className="mono">{r.finch_code ?? r.error_name ?? ''}</span>
                  </td>
                  <td className="mono">{r.request_id ?? 'none'}</td>
                  <td className="num">{r.attempt}</td>
                  <td className="num">{Math.round(r.duration_ms)}</td>
                  <td className="ellipsis" title={r.message ?? ''}>
                    {r.message ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <button type="button" className="link-button" aria-expanded={showManifest} onClick={() => setShowManifest((v) => !v)}>
        {showManifest ? 'Hide' : 'Show'} manifest.json
      </button>
      {showManifest && (
        <pre tabIndex={0} className="json">
          {preview.manifest}
        </pre>
      )}
    </section>
  );
}
