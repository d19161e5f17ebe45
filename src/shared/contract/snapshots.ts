/** Snapshots: full pulls kept on this computer, and their diffs. Part of THE IPC contract (./index.ts assembles it). */
import { z } from 'zod';
import { SnapshotDiffSchema, SnapshotSummarySchema, SnapshotTakeInputSchema } from '../domain/snapshots';
import { channel } from '../ipc/contract-kit';
import { Id, NoInput } from './common';

export const snapshotsChannels = {
  snapshots: {
    take: channel({
      input: SnapshotTakeInputSchema,
      output: SnapshotSummarySchema,
      summary:
        'Save a full pull of a connection (company, people, payments and pay statements in a range) as a compressed snapshot, written page by page as it arrives; cancelling keeps the pages already read, as a snapshot marked cancelled (the call still ends as cancelled)',
    }),
    list: channel({
      input: NoInput,
      output: z.array(SnapshotSummarySchema),
      summary:
        'Snapshots of the active environment, newest first (summaries with their state — complete, cancelled, interrupted, pulling — never their content)',
    }),
    remove: channel({
      input: z.object({ id: z.number().int().positive() }).strict(),
      output: z.object({ removed: z.number().int() }),
      summary: 'Delete one snapshot (it holds personal data)',
    }),
    removeAll: channel({
      input: z.object({ connectionId: Id }).strict(),
      output: z.object({ removed: z.number().int() }),
      summary: 'Delete every snapshot of a connection',
    }),
    diff: channel({
      input: z.object({ fromId: z.number().int().positive(), toId: z.number().int().positive() }).strict(),
      output: SnapshotDiffSchema,
      summary: 'Compare two snapshots (also of two connections of one customer): people added/removed/changed, company, payments',
    }),
  },
} as const;
