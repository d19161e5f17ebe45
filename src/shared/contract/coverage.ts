/** Field coverage: which fields a provider really fills, per run. Part of THE IPC contract (./index.ts assembles it). */
import { z } from 'zod';
import { CoverageRunInputSchema, CoverageRunSchema } from '../domain/coverage';
import { channel } from '../ipc/contract-kit';
import { NoInput } from './common';

export const coverageChannels = {
  coverage: {
    run: channel({
      input: CoverageRunInputSchema,
      output: CoverageRunSchema,
      summary:
        'Field coverage of a connection (a full pull as an operation): per product and field, values, empties, nulls and absences beside GET /providers; stored',
    }),
    runs: channel({
      input: NoInput,
      output: z.array(CoverageRunSchema),
      summary: 'Stored coverage runs of the active environment, newest first',
    }),
    deleteRun: channel({
      input: z.object({ id: z.number().int().positive() }).strict(),
      output: z.object({ deleted: z.boolean() }),
      summary: 'Forget one coverage run',
    }),
  },
} as const;
