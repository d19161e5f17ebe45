/** What leaves the app: the export gate (files), support bundles and the readiness report. Part of THE IPC contract (src/shared/contract.ts), kept here for size. */
import { z } from 'zod';
import { channel } from '../ipc/contract-kit';
import { BundlePreviewSchema, BundleSelectionSchema, ExportDeliverySchema, SupportScopeSchema } from '../domain/support';
import { ManualCheckInputSchema, ReadinessReportSchema } from '../domain/readiness';
import { PreparedExportSchema, PrepareExportSchema, StageExportSchema } from '../domain/exports';
import { NoInput, Id } from './common';

export const outputsChannels = {
  files: {
    exportMode: channel({
      input: NoInput,
      output: z.object({ mode: z.enum(['dialog', 'download']) }),
      summary: 'How exports leave the app: a save dialog in main (Electron) or a browser download (harness)',
    }),
    saveExport: channel({
      input: z
        .object({
          /** Checked in main (export-saver.ts): a plain name ending in .csv, .json, .md or .html. */
          suggestedName: z.string().min(1).max(200),
          content: z.string().max(100_000_000),
        })
        .strict(),
      output: z.object({ outcome: z.enum(['saved', 'cancelled', 'download']), path: z.string().nullable() }),
      summary: 'Save an export through the save dialog; in the browser harness the answer is “download” and the renderer downloads it',
    }),
    stageExport: channel({
      input: StageExportSchema,
      output: z.object({ draftId: z.string(), rows: z.number(), chars: z.number() }),
      summary: 'Send a large export to main in parts (rows or text); prepareExport then takes the draft',
    }),
    prepareExport: channel({
      input: PrepareExportSchema,
      output: PreparedExportSchema,
      summary: 'Redact a file export or clipboard copy in main (consistent placeholders, counts of what was hidden); raw on request, never with the vault’s secrets',
    }),
    savePrepared: channel({
      input: z.object({ exportId: z.string().min(1).max(100) }).strict(),
      output: z.object({ outcome: z.enum(['saved', 'cancelled', 'download']), path: z.string().nullable() }),
      summary: 'Save exactly what prepareExport returned (save dialog); in the browser harness the answer is “download”',
    }),
  },
  support: {
    scope: channel({
      input: z.object({ environmentId: Id.optional() }).strict(),
      output: SupportScopeSchema,
      summary: 'Connections a support bundle of an environment (default: the active one) can cover',
    }),
    selectionForFailure: channel({
      input: z.object({ requestLogId: z.number().int().positive() }).strict(),
      output: BundleSelectionSchema,
      summary: 'A bundle selection around one failed attempt of the request log',
    }),
    preview: channel({ input: BundleSelectionSchema, output: BundlePreviewSchema, summary: 'Exactly what the support bundle will hold, already redacted' }),
    export: channel({
      input: BundleSelectionSchema,
      output: ExportDeliverySchema,
      summary: 'Write the redacted support bundle zip (refused if the final scan finds a known secret)',
    }),
  },
  readiness: {
    report: channel({ input: NoInput, output: ReadinessReportSchema, summary: 'Finch’s integration checklist with pass / fail / not yet, evidence and next steps' }),
    setCheck: channel({ input: ManualCheckInputSchema, output: ReadinessReportSchema, summary: 'Tick or untick a manual item of the readiness report' }),
    export: channel({
      input: z.object({ format: z.enum(['html', 'markdown', 'pdf']) }).strict(),
      output: ExportDeliverySchema,
      summary: 'The readiness report as HTML, Markdown or (desktop app) PDF',
    }),
  },
} as const;
