/** Support bundles: scope, preview and export. Part of THE IPC contract (./index.ts assembles it). */
import { z } from 'zod';
import { BundlePreviewSchema, BundleSelectionSchema, ExportDeliverySchema, SupportScopeSchema } from '../domain/support';
import { channel } from '../ipc/contract-kit';
import { Id } from './common';

export const supportChannels = {
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
    preview: channel({
      input: BundleSelectionSchema,
      output: BundlePreviewSchema,
      summary: 'Exactly what the support bundle will hold, already redacted',
    }),
    export: channel({
      input: BundleSelectionSchema,
      output: ExportDeliverySchema,
      summary: 'Write the redacted support bundle zip (refused if the final scan finds a known secret)',
    }),
  },
} as const;
