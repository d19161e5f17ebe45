/** The export gate: every export and copy is redacted in main before it leaves. Part of THE IPC contract (./index.ts assembles it). */
import { z } from 'zod';
import { PrepareExportSchema, PreparedExportSchema, StageExportSchema } from '../domain/exports';
import { channel } from '../ipc/contract-kit';
import { NoInput } from './common';

export const filesChannels = {
  files: {
    exportMode: channel({
      input: NoInput,
      output: z.object({ mode: z.enum(['dialog', 'download']) }),
      summary: 'How exports leave the app: a save dialog in main (Electron) or a browser download (harness)',
    }),
    stageExport: channel({
      input: StageExportSchema,
      output: z.object({ draftId: z.string(), rows: z.number(), chars: z.number() }),
      summary: 'Send a large export to main in parts (rows or text); prepareExport then takes the draft',
    }),
    prepareExport: channel({
      input: PrepareExportSchema,
      output: PreparedExportSchema,
      summary:
        'Redact a file export or clipboard copy in main (consistent placeholders, counts of what was hidden); raw on request, never with the vault’s secrets',
    }),
    savePrepared: channel({
      input: z.object({ exportId: z.string().min(1).max(100) }).strict(),
      output: z.object({ outcome: z.enum(['saved', 'cancelled', 'download']), path: z.string().nullable() }),
      summary: 'Save exactly what prepareExport returned (save dialog); in the browser harness the answer is “download”',
    }),
  },
} as const;
