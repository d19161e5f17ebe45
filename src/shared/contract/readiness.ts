/** The go-live readiness report: Finch's checklist with evidence, manual ticks, exports. Part of THE IPC contract (./index.ts assembles it). */
import { z } from 'zod';
import { ManualCheckInputSchema, ReadinessReportSchema } from '../domain/readiness';
import { ExportDeliverySchema } from '../domain/support';
import { channel } from '../ipc/contract-kit';
import { NoInput } from './common';

export const readinessChannels = {
  readiness: {
    report: channel({
      input: NoInput,
      output: ReadinessReportSchema,
      summary: 'Finch’s integration checklist with pass / fail / not yet, evidence and next steps',
    }),
    setCheck: channel({
      input: ManualCheckInputSchema,
      output: ReadinessReportSchema,
      summary: 'Tick or untick a manual item of the readiness report',
    }),
    export: channel({
      input: z.object({ format: z.enum(['html', 'markdown', 'pdf']) }).strict(),
      output: ExportDeliverySchema,
      summary: 'The readiness report as HTML, Markdown or (desktop app) PDF',
    }),
  },
} as const;
