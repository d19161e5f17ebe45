/**
 * Snapshots (a full pull of a connection kept in SQLite, gzip-compressed: it holds personal
 * data) and the diff between two of them, as the renderer sees them. The renderer never
 * receives a snapshot's content, only its summary and diffs.
 */
import { z } from 'zod';
import { PullStatusSchema } from './coverage';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-31');
const Id = z.string().min(1).max(200);

export const SnapshotCountsSchema = z.object({
  people: z.number().int().nonnegative(),
  individuals: z.number().int().nonnegative(),
  employments: z.number().int().nonnegative(),
  payments: z.number().int().nonnegative(),
  payStatements: z.number().int().nonnegative(),
  /** Batch items answered with something other than 200. */
  itemErrors: z.number().int().nonnegative(),
});

/**
 * How the pull behind a snapshot ended. A cancelled (or interrupted) pull keeps the pages it had
 * stored: the snapshot holds part of the company, and its counts say how much.
 */
export const SNAPSHOT_STATES = ['pulling', 'complete', 'cancelled', 'interrupted'] as const;
export const SnapshotStateSchema = z.enum(SNAPSHOT_STATES);
export type SnapshotState = z.infer<typeof SnapshotStateSchema>;

export const SnapshotSummarySchema = z.object({
  id: z.number().int(),
  connectionId: z.string(),
  providerId: z.string().nullable(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  label: z.string().nullable(),
  takenAt: z.number(),
  startDate: z.string(),
  endDate: z.string(),
  counts: SnapshotCountsSchema,
  /** Per product: ok, accepted (202), not_implemented (501), not_granted, failed. */
  products: z.record(z.string(), PullStatusSchema),
  requestIds: z.array(z.string()),
  calls: z.number().int().nonnegative(),
  /** Compressed size on disk. */
  bytes: z.number().int().nonnegative(),
  /** `complete`, or a partial snapshot (`cancelled`, `interrupted`) or one still `pulling`. */
  state: SnapshotStateSchema,
});
export type SnapshotSummary = z.infer<typeof SnapshotSummarySchema>;

export const SnapshotTakeInputSchema = z
  .object({
    connectionId: Id,
    operationId: Id,
    startDate: Day,
    endDate: Day,
    label: z.string().trim().max(120).optional(),
  })
  .strict()
  .refine((r) => r.startDate <= r.endDate, { message: 'the start date must not be after the end date', path: ['endDate'] });

/** How two people were recognised as the same person. */
export const MATCH_METHODS = ['id', 'name_dob', 'source_id'] as const;
export const MatchMethodSchema = z.enum(MATCH_METHODS);
export type MatchMethod = z.infer<typeof MatchMethodSchema>;

export const FieldChangeSchema = z.object({
  /** `individual.residence.city`, `employment.income.amount`, `directory.department.name`… */
  path: z.string(),
  /** Old and new values as Finch sent them (null stays null; `undefined` → absent). */
  before: z.unknown(),
  after: z.unknown(),
  beforeAbsent: z.boolean(),
  afterAbsent: z.boolean(),
});
export type FieldChange = z.infer<typeof FieldChangeSchema>;

export const PersonRefSchema = z.object({
  /** Individual id in the "from" / "to" snapshot (differ across connections). */
  fromId: z.string().nullable(),
  toId: z.string().nullable(),
  name: z.string(),
});

export const PersonChangeSchema = PersonRefSchema.extend({
  matchedBy: MatchMethodSchema,
  changes: z.array(FieldChangeSchema),
});
export type PersonChange = z.infer<typeof PersonChangeSchema>;

export const PaymentRefSchema = z.object({ id: z.string(), payDate: z.string().nullable(), grossPay: z.number().nullable() });

export const SnapshotDiffSchema = z.object({
  from: SnapshotSummarySchema,
  to: SnapshotSummarySchema,
  sameConnection: z.boolean(),
  /** How many matched people were recognised by each method. */
  matching: z.record(MatchMethodSchema, z.number().int().nonnegative()),
  /** One sentence: which matching was used and why. */
  matchingNote: z.string(),
  peopleAdded: z.array(PersonRefSchema),
  peopleRemoved: z.array(PersonRefSchema),
  peopleChanged: z.array(PersonChangeSchema),
  peopleUnchanged: z.number().int().nonnegative(),
  companyChanges: z.array(FieldChangeSchema),
  paymentsAdded: z.array(PaymentRefSchema),
  paymentsRemoved: z.array(PaymentRefSchema),
  /** Payments in both whose totals or pay statements count changed. */
  paymentsChanged: z.array(z.object({ id: z.string(), payDate: z.string().nullable(), changes: z.array(FieldChangeSchema) })),
  /** Things the reader must know: different date ranges, products missing on one side… */
  caveats: z.array(z.string()),
});
export type SnapshotDiff = z.infer<typeof SnapshotDiffSchema>;
