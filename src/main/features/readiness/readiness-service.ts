/**
 * The go-live readiness report: every item of Finch's Successful Integration Checklist with
 * pass / fail / not yet, the evidence behind it and what to do next. Automatic items are
 * judged from what the app recorded (events, request log, drills, vault, connections);
 * manual items are ticked by the user. Exports as Markdown, HTML, and PDF where a printer
 * is injected (Electron).
 */
import type Database from 'better-sqlite3';
import type { ReadinessItem, ReadinessItemId, ReadinessReport } from '@shared/domain/readiness';
import type { ExportDelivery } from '@shared/domain/support';
import { LOCAL_CLIENT_SECRET } from '@main/platform/workspace/targets';
import type { EnvironmentService } from '@main/platform/workspace/environment-service';
import { WorkbenchError } from '@main/platform/errors';
import type { MeterReading } from '@main/platform/finch/rate-limiter';
import { Redactor, SecretScanner } from '@main/platform/redaction';
import type { DrillResult } from '@shared/domain/drills';
import type { SecretVault } from '@main/platform/secrets/secret-vault';
import { secretRefs } from '@main/platform/secrets/secret-vault';
import type { FileSaver, PdfPrinter } from '@main/platform/delivery/delivery';
import { deliver } from '@main/platform/delivery/delivery';
import { CHECKLIST } from './checklist';
import type { ChecklistItem } from './checklist';
import { backendExchange, connectFlow, multipleConnections } from './evaluate-connect';
import { batchErrors, nullableFields, rateLimiter, reauthFlow, serverErrors } from './evaluate-api';
import { companyId, disconnectTest, finchSandbox, providerSandbox, requestIds, secretsEncrypted } from './evaluate-storage';
import type { CoverageRun, DeductionEvidence, EvidenceContext, Verdict } from './evidence-context';
import { deductionWrites } from './evaluate-writes';
import { withYourApp } from './observed-in-your-app';
import type { Scorecard } from '@shared/domain/integration-lab';
import { EvidenceQueries } from './evidence-queries';
import { ManualChecks } from './manual-checks';
import { renderHtml, renderMarkdown } from './render';

export interface ReadinessServiceOptions {
  db: Database.Database;
  environments: EnvironmentService;
  /** Drill results of an environment (provided by the sandbox feature). */
  drillResults: (environmentId: string) => DrillResult[];
  vault: SecretVault;
  meter: () => MeterReading[];
  app: () => { name: string; version: string; runtime: string; platform: string };
  fileSaver: FileSaver | null;
  pdfPrinter: PdfPrinter | null;
  /** Field coverage runs of an environment (provided by the coverage feature; absent → "not yet"). */
  coverageRuns?: (environmentId: string) => CoverageRun[];
  /** The Integration lab's scorecard of the user's own backend (null: no traffic through the proxy). */
  yourApp?: () => Scorecard | null;
  /** Deduction jobs and reconciliations of an environment (provided by the deductions feature). */
  deductions?: DeductionEvidence;
  now?: () => number;
}

const EVALUATORS: Partial<Record<ReadinessItemId, (ctx: EvidenceContext) => Verdict>> = {
  'connect-flow': connectFlow,
  'multiple-connections': multipleConnections,
  'backend-exchange': backendExchange,
  'rate-limiter': rateLimiter,
  'nullable-fields': nullableFields,
  'reauth-flow': reauthFlow,
  'server-errors': serverErrors,
  'batch-errors': batchErrors,
  'secrets-encrypted': secretsEncrypted,
  'company-id': companyId,
  'request-ids': requestIds,
  'finch-sandbox': finchSandbox,
  'provider-sandbox': providerSandbox,
  'disconnect-test': disconnectTest,
  'deduction-writes': deductionWrites,
};

const FORMATS = {
  markdown: { extension: 'md', mimeType: 'text/markdown', filter: 'Markdown' },
  html: { extension: 'html', mimeType: 'text/html', filter: 'Web page' },
  pdf: { extension: 'pdf', mimeType: 'application/pdf', filter: 'PDF' },
} as const;

export class ReadinessService {
  private readonly queries: EvidenceQueries;
  private readonly manual: ManualChecks;
  private readonly now: () => number;

  constructor(private readonly options: ReadinessServiceOptions) {
    this.queries = new EvidenceQueries(options.db);
    this.manual = new ManualChecks(options.db);
    this.now = options.now ?? Date.now;
  }

  report(): ReadinessReport {
    const redactor = this.redactor();
    const ctx = this.context(redactor);
    const ticks = this.manual.all();
    const sections = CHECKLIST.map((section) => ({
      title: section.title,
      items: section.items.map((item): ReadinessItem => {
        const verdict = item.kind === 'manual' ? manualVerdict(item, ticks.get(item.id)) : this.evaluate(item, ctx);
        return {
          id: item.id,
          title: item.title,
          checklist: item.checklist,
          kind: item.kind,
          ...verdict,
          // Names the user chose (environments, notes) may hold anything, even a pasted secret.
          evidence: verdict.evidence.map((e) => ({
            ...e,
            text: redactor.known(e.text),
            environment: e.environment === null ? null : redactor.known(e.environment),
          })),
          manual:
            item.kind === 'manual'
              ? { checkedAt: ticks.get(item.id)?.checkedAt ?? null, note: orNull(ticks.get(item.id)?.note, (n) => redactor.known(n)) }
              : null,
        };
      }),
    }));
    const all = sections.flatMap((s) => s.items);
    const count = (status: ReadinessItem['status']) => all.filter((i) => i.status === status).length;
    return {
      generatedAt: this.now(),
      sections,
      counts: { pass: count('pass'), fail: count('fail'), not_yet: count('not_yet'), not_applicable: count('not_applicable') },
      formats: this.options.pdfPrinter ? ['html', 'markdown', 'pdf'] : ['html', 'markdown'],
    };
  }

  setCheck(itemId: ReadinessItemId, checked: boolean, note?: string): ReadinessReport {
    const item = CHECKLIST.flatMap((s) => s.items).find((i) => i.id === itemId);
    if (!item || item.kind !== 'manual') {
      throw new WorkbenchError('validation', 'Only manual items can be ticked; the others follow the evidence.', {
        fields: [{ path: 'itemId', message: 'is not a manual item' }],
      });
    }
    this.manual.set(itemId, checked, this.now(), note ?? null);
    return this.report();
  }

  /** The report as a file; like every export, refused if a known secret made it into the bytes. */
  async export(format: 'markdown' | 'html' | 'pdf'): Promise<ExportDelivery> {
    const spec = FORMATS[format];
    if (format === 'pdf' && !this.options.pdfPrinter) {
      throw new WorkbenchError(
        'validation',
        'PDF export needs the desktop app (Electron’s printToPDF). Export HTML and print it from your browser instead.',
      );
    }
    const report = this.report();
    const app = this.options.app();
    const appLine = `${app.name} ${app.version} (${app.runtime}) on ${app.platform}`;
    const html = renderHtml(report, appLine);
    const bytes =
      format === 'markdown'
        ? new TextEncoder().encode(renderMarkdown(report, appLine))
        : format === 'html'
          ? new TextEncoder().encode(html)
          : await this.options.pdfPrinter!.print(html);
    const scanner = new SecretScanner(this.secrets());
    // A PDF compresses its text: check the page it was printed from as well.
    const findings = [
      ...scanner.scan(`readiness.${spec.extension}`, bytes),
      ...(format === 'pdf' ? scanner.scan('readiness.html', new TextEncoder().encode(html)) : []),
    ];
    if (findings.length > 0)
      throw new WorkbenchError('conflict', `Nothing was written: a known secret was found in the report (${findings[0]!.encoding}).`);
    const stamp = new Date(report.generatedAt).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    return deliver(
      this.options.fileSaver,
      { suggestedName: `finch-readiness-${stamp}.${spec.extension}`, filter: { name: spec.filter, extensions: [spec.extension] }, bytes },
      spec.mimeType,
    );
  }

  private evaluate(item: ChecklistItem, ctx: EvidenceContext): Verdict {
    const evaluator = EVALUATORS[item.id];
    if (!evaluator) return { status: 'not_yet', summary: 'No evidence source for this item.', evidence: [], next: null };
    try {
      return withYourApp(item.id, evaluator(ctx), ctx.yourApp, ctx);
    } catch (error) {
      // One broken evidence source must not take the whole report down.
      return {
        status: 'not_yet',
        summary: `The app could not gather this evidence: ${(error as Error).message}`,
        evidence: [],
        next: 'Try again; if it persists, report it.',
      };
    }
  }

  private secrets(): string[] {
    return [...this.options.vault.allSecretsForRedaction(), LOCAL_CLIENT_SECRET];
  }

  private redactor(): Redactor {
    const customers = this.options.db.prepare('SELECT name, email FROM customers').all() as { name: string; email: string | null }[];
    return new Redactor({
      secrets: this.secrets(),
      personal: customers.flatMap((c) => [c.name, c.email ?? '']).filter((v) => v.length > 0),
    });
  }

  private context(redactor: Redactor): EvidenceContext {
    const environments = this.options.environments.state().environments.map((e) => ({ id: e.id, name: e.name, kind: e.kind }));
    const drills = environments
      .flatMap((env) => this.options.drillResults(env.id).map((r) => ({ ...r, environmentId: env.id })))
      .sort((a, b) => b.finishedAt - a.finishedAt || b.id - a.id);
    const vault = this.options.vault;
    return {
      q: this.queries,
      environments,
      drills,
      secretStorage: vault.status(),
      secretCounts: {
        clientSecrets: environments.filter((e) => vault.has(secretRefs.clientSecret(e.id))).length,
        accessTokens: vault.countWhere('connection/'),
      },
      meter: this.options.meter(),
      coverageRuns: this.options.coverageRuns ?? null,
      deductions: this.options.deductions ?? null,
      yourApp: this.options.yourApp?.() ?? null,
      text: (input) => redactor.text(input),
    };
  }
}

const orNull = (value: string | null | undefined, map: (v: string) => string): string | null => (value ? map(value) : null);

function manualVerdict(item: ChecklistItem, tick: { checkedAt: number; note: string | null } | undefined): Verdict {
  if (tick) return { status: 'pass', summary: 'Checked by you.', evidence: [], next: null };
  return {
    status: 'not_yet',
    summary: item.hint ?? 'The app cannot see this: check it yourself, then tick it.',
    evidence: [],
    next: 'Tick it once done.',
  };
}
