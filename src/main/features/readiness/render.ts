/**
 * The readiness report as files: Markdown (to paste into a doc or a ticket) and a
 * self-contained HTML page (inline styles, no scripts, no external resources) that is also
 * what Electron prints to PDF.
 */
import type { Evidence, ReadinessItem, ReadinessReport } from '@shared/domain/readiness';
import { STATUS_LABELS } from '@shared/domain/readiness';

const stamp = (ms: number): string => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const MARK = { pass: '✓', fail: '✗', not_yet: '…', not_applicable: '–' } as const;

function evidenceLine(e: Evidence): string {
  const where = [e.environment, e.at === null ? null : stamp(e.at)].filter(Boolean).join(', ');
  return `${e.text}${where ? ` (${where})` : ''}${e.requestIds.length ? ` · Finch-Request-ID ${e.requestIds.slice(0, 6).join(', ')}${e.requestIds.length > 6 ? ` and ${e.requestIds.length - 6} more` : ''}` : ''}`;
}

function manualLine(item: ReadinessItem): string | null {
  if (item.kind !== 'manual') return null;
  if (!item.manual?.checkedAt) return 'Manual check: not ticked yet.';
  return `Ticked ${stamp(item.manual.checkedAt)}${item.manual.note ? `: ${item.manual.note}` : ''}.`;
}

export function reportTitle(report: ReadinessReport): string {
  return `Go-live readiness, ${stamp(report.generatedAt)}`;
}

export function renderMarkdown(report: ReadinessReport, appLine: string): string {
  const md = (text: string) => text.replace(/([\\`*_[\]<>|])/g, '\\$1');
  const lines = [
    '# Go-live readiness: Finch Successful Integration Checklist',
    '',
    `Generated ${stamp(report.generatedAt)} by ${md(appLine)}. **${report.counts.pass} pass, ${report.counts.fail} fail, ${report.counts.not_yet} not yet, ${report.counts.not_applicable} not applicable.**`,
    '',
  ];
  for (const section of report.sections) {
    lines.push(`## ${section.title}`, '');
    for (const item of section.items) {
      lines.push(
        `### ${MARK[item.status]} ${STATUS_LABELS[item.status]}: ${md(item.title)}${item.kind === 'manual' ? ' (manual)' : ''}`,
        '',
      );
      for (const quote of item.checklist) lines.push(`> ${md(quote)}`);
      lines.push('', md(item.summary));
      const manual = manualLine(item);
      if (manual) lines.push('', md(manual));
      if (item.evidence.length) lines.push('', ...item.evidence.map((e) => `- ${md(evidenceLine(e))}`));
      if (item.next) lines.push('', `**Next:** ${md(item.next)}`);
      lines.push('');
    }
  }
  return lines.join('\n');
}

const esc = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2433; margin: 32px auto; max-width: 860px; padding: 0 20px; }
h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 28px; border-bottom: 1px solid #d8dde8; padding-bottom: 4px; }
.item { border: 1px solid #d8dde8; border-left-width: 5px; border-radius: 6px; padding: 10px 14px; margin: 10px 0; break-inside: avoid; }
.item.pass { border-left-color: #1f8a4c; } .item.fail { border-left-color: #c62f2f; } .item.not_yet { border-left-color: #b7791f; } .item.not_applicable { border-left-color: #8a94a3; }
.badge { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 10px; margin-right: 8px; color: #fff; }
.badge.pass { background: #1f8a4c; } .badge.fail { background: #c62f2f; } .badge.not_yet { background: #b7791f; } .badge.not_applicable { background: #8a94a3; }
h3 { font-size: 15px; margin: 0 0 6px; } blockquote { margin: 4px 0; padding-left: 10px; border-left: 3px solid #d8dde8; color: #586174; font-size: 13px; }
ul { margin: 6px 0; padding-left: 20px; } li { margin: 2px 0; } .ids { font-family: ui-monospace, monospace; font-size: 12px; color: #3d4759; }
.next { margin-top: 6px; } .muted { color: #586174; } .summary { font-weight: 600; }
`;

export function renderHtml(report: ReadinessReport, appLine: string): string {
  const item = (i: ReadinessItem): string => {
    const manual = manualLine(i);
    return `<section class="item ${i.status}">
<h3><span class="badge ${i.status}">${STATUS_LABELS[i.status]}</span>${esc(i.title)}${i.kind === 'manual' ? ' <span class="muted">(manual)</span>' : ''}</h3>
${i.checklist.map((q) => `<blockquote>${esc(q)}</blockquote>`).join('\n')}
<p>${esc(i.summary)}</p>${manual ? `\n<p class="muted">${esc(manual)}</p>` : ''}
${i.evidence.length ? `<ul>${i.evidence.map((e) => `<li>${esc(evidenceLine(e).split(' · Finch-Request-ID')[0]!)}${e.requestIds.length ? ` <span class="ids">Finch-Request-ID ${esc(e.requestIds.slice(0, 6).join(', '))}${e.requestIds.length > 6 ? ` +${e.requestIds.length - 6}` : ''}</span>` : ''}</li>`).join('')}</ul>` : ''}
${i.next ? `<p class="next"><strong>Next:</strong> ${esc(i.next)}</p>` : ''}
</section>`;
  };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(reportTitle(report))}</title><style>${STYLE}</style></head>
<body>
<h1>Go-live readiness: Finch Successful Integration Checklist</h1>
<p class="muted">Generated ${esc(stamp(report.generatedAt))} by ${esc(appLine)}.</p>
<p class="summary">${report.counts.pass} pass · ${report.counts.fail} fail · ${report.counts.not_yet} not yet · ${report.counts.not_applicable} not applicable</p>
${report.sections.map((s) => `<h2>${esc(s.title)}</h2>\n${s.items.map(item).join('\n')}`).join('\n')}
</body></html>
`;
}
