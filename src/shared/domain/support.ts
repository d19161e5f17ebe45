/**
 * Support bundles as they cross IPC: what the user selects, what the preview shows (exactly
 * what the zip will hold), and how an export is delivered (a save dialog in the desktop app,
 * a browser download in the harness). Nothing here ever carries a token or a secret.
 */
import { z } from 'zod';

/** The largest time a JavaScript Date can represent. */
const MAX_TIME = 8_640_000_000_000_000;

const Id = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');

/** Most attempts one bundle carries (newest kept); Finch support needs the failures, not a dump. */
export const MAX_BUNDLE_REQUESTS = 50_000;

export const BundleSelectionSchema = z
  .object({
    environmentId: Id,
    /** Connections whose attempts and events go in (may be empty when only app-level calls matter). */
    connectionIds: z.array(Id).max(200),
    /** Calls made for the application rather than a connection: Connect sessions, code exchange, sandbox setup. */
    includeUnscoped: z.boolean(),
    // Epoch ms within what a Date can hold (the fuzz found a far-future "to" crashing the ticket's dates).
    from: z.number().int().nonnegative().max(MAX_TIME),
    to: z.number().int().nonnegative().max(MAX_TIME),
    failedOnly: z.boolean(),
    /** A request-log row the ticket is about (one click from a failed row); its call is always included. */
    focusId: z.number().int().positive().optional(),
  })
  .strict()
  .refine((s) => s.from <= s.to, { message: 'must not be after “to”', path: ['from'] })
  .refine((s) => s.connectionIds.length > 0 || s.includeUnscoped || s.focusId !== undefined, {
    message: 'choose at least one connection or include application-level calls',
    path: ['connectionIds'],
  });
export type BundleSelection = z.infer<typeof BundleSelectionSchema>;

/** One attempt as it appears in requests.csv / requests.json. */
export const BundleRequestSchema = z.object({
  time: z.string(),
  method: z.string(),
  path: z.string(),
  status: z.number().nullable(),
  attempt: z.number(),
  request_id: z.string().nullable(),
  finch_code: z.string().nullable(),
  duration_ms: z.number(),
  connection_id: z.string().nullable(),
  outcome: z.string(),
  error_name: z.string().nullable(),
  message: z.string().nullable(),
  call_id: z.string(),
});
export type BundleRequest = z.infer<typeof BundleRequestSchema>;

export const BundleFileSchema = z.object({
  name: z.string(),
  bytes: z.number(),
  description: z.string(),
});

export const BundlePreviewSchema = z.object({
  fileName: z.string(),
  environment: z.object({ id: z.string(), name: z.string(), kind: z.string(), clientIdHint: z.string().nullable() }),
  files: z.array(BundleFileSchema),
  counts: z.object({ requests: z.number(), failed: z.number(), events: z.number(), connections: z.number() }),
  /** Attempts matched beyond MAX_BUNDLE_REQUESTS (the oldest were left out), else 0. */
  omittedRequests: z.number(),
  /** The attempt the bundle is about (one click from a failed row), as written. */
  focus: BundleRequestSchema.nullable(),
  /** The first attempts of requests.csv, as they will be written. */
  sampleRequests: z.array(BundleRequestSchema),
  ticket: z.string(),
  manifest: z.string(),
  /** What the redaction pass replaced, by category (e.g. `email: 2`). */
  redactions: z.record(z.string(), z.number()),
  /** How many known secrets (vault secrets and access tokens) the final byte scan looked for. */
  secretsChecked: z.number(),
});
export type BundlePreview = z.infer<typeof BundlePreviewSchema>;

/** How an exported file reached the user. */
export const ExportDeliverySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('saved'), path: z.string(), bytes: z.number() }),
  z.object({ kind: z.literal('cancelled') }),
  /** The browser harness has no save dialog: the renderer turns these bytes into a download. */
  z.object({ kind: z.literal('download'), fileName: z.string(), mimeType: z.string(), base64: z.string() }),
]);
export type ExportDelivery = z.infer<typeof ExportDeliverySchema>;

export const SupportScopeSchema = z.object({
  environment: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  connections: z.array(
    z.object({
      id: z.string(),
      providerId: z.string().nullable(),
      companyId: z.string().nullable(),
      customerName: z.string().nullable(),
      status: z.string(),
      disconnected: z.boolean(),
      /** The newest failed attempt of this connection in the last FAILURE_LOOKBACK_MS, else null. */
      lastFailureAt: z.number().nullable(),
    }),
  ),
});
export type SupportScope = z.infer<typeof SupportScopeSchema>;

/** How far back the scope looks for each connection's failures: the longest preset window. */
export const FAILURE_LOOKBACK_MS = 30 * 24 * 60 * 60_000;

/**
 * The connections a new bundle starts with: those that failed since `from`, live or
 * disconnected (a drill often ends with a disconnect, and its failures are the point of the
 * ticket). When none failed, the live connections, as a sensible place to start.
 */
export function defaultConnectionIds(scope: SupportScope, from: number): string[] {
  const failed = scope.connections.filter((c) => c.lastFailureAt !== null && c.lastFailureAt >= from);
  return (failed.length > 0 ? failed : scope.connections.filter((c) => !c.disconnected)).map((c) => c.id);
}
