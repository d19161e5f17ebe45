/**
 * Pay-statement item rules (`/employer/pay-statement-item/rule`): conditions on an item's
 * fields and the metadata Finch attaches to every item that meets them. What the rules panel
 * sends and shows. Changing a rule changes how an employer's pay items are classified, so the
 * writes carry the typed confirmation outside Sandbox (main checks it).
 */
import { z } from 'zod';
import { ConnectionIdSchema, DaySchema, FinchIdSchema } from './explorer';

/** The item fields the Local simulator matches on; Finch takes any field name, so others are allowed. */
export const RULE_FIELDS = ['name', 'type', 'category'] as const;
export const MAX_RULE_CONDITIONS = 20;
export const MAX_METADATA_KEYS = 50;
const MAX_METADATA_JSON = 10_000;

export const RuleConditionSchema = z
  .object({
    field: z
      .string()
      .trim()
      .min(1, 'is required')
      .max(100)
      .regex(/^[A-Za-z_][A-Za-z0-9_.]*$/, 'must be a field name such as name, type or category'),
    operator: z.literal('equals'),
    value: z.string().trim().min(1, 'is required').max(500),
  })
  .strict();
export type RuleCondition = z.infer<typeof RuleConditionSchema>;

const MAX_METADATA_DEPTH = 8;

/**
 * Plain JSON (strings, finite numbers, booleans, null, arrays, objects) no deeper than `depth`.
 * Checked with a bounded walk rather than a recursive schema: a hostile, deeply nested value
 * must get a field error, not exhaust the stack.
 */
export function isShallowJson(value: unknown, depth = MAX_METADATA_DEPTH): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (depth <= 0 || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.every((v) => isShallowJson(v, depth - 1));
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return false;
  return Object.values(value).every((v) => isShallowJson(v, depth - 1));
}

/** Metadata: key/value pairs, values any JSON (Finch: "string, number, boolean, object, array"). */
export const RuleMetadataSchema = z
  .record(
    z.string().trim().min(1, 'a key is required').max(100),
    z.unknown().refine((v) => isShallowJson(v), `must be a JSON value nested at most ${MAX_METADATA_DEPTH} levels`),
  )
  .refine((m) => Object.keys(m).length <= MAX_METADATA_KEYS, `at most ${MAX_METADATA_KEYS} keys`)
  // A value already refused above (too deep) is not stringified: that is what would overflow.
  .refine(
    (m) => !Object.values(m).every((v) => isShallowJson(v)) || JSON.stringify(m).length <= MAX_METADATA_JSON,
    `at most ${MAX_METADATA_JSON.toLocaleString('en-US')} characters of JSON`,
  );

const RuleFields = {
  connectionId: ConnectionIdSchema,
  conditions: z
    .array(RuleConditionSchema)
    .min(1, 'add at least one condition')
    .max(MAX_RULE_CONDITIONS, `at most ${MAX_RULE_CONDITIONS} conditions`),
  metadata: RuleMetadataSchema,
  effectiveStartDate: DaySchema.optional(),
  effectiveEndDate: DaySchema.optional(),
  /** Development and Production: the customer's name, typed. */
  confirmName: z.string().max(200).optional(),
};

const datesInOrder = (r: { effectiveStartDate?: string | undefined; effectiveEndDate?: string | undefined }) =>
  !r.effectiveStartDate || !r.effectiveEndDate || r.effectiveStartDate <= r.effectiveEndDate;
const DATES_ORDER = { message: 'must be on or after the start date', path: ['effectiveEndDate'] };

export const CreateRuleInputSchema = z.object(RuleFields).strict().refine(datesInOrder, DATES_ORDER);
export type CreateRuleInput = z.infer<typeof CreateRuleInputSchema>;

export const UpdateRuleInputSchema = z
  .object({ ...RuleFields, ruleId: FinchIdSchema })
  .strict()
  .refine(datesInOrder, DATES_ORDER);
export type UpdateRuleInput = z.infer<typeof UpdateRuleInputSchema>;

export const DeleteRuleInputSchema = z
  .object({ connectionId: ConnectionIdSchema, ruleId: FinchIdSchema, confirmName: z.string().max(200).optional() })
  .strict();
export type DeleteRuleInput = z.infer<typeof DeleteRuleInputSchema>;

export const RuleViewSchema = z.object({
  id: z.string(),
  conditions: z.array(z.object({ field: z.string(), operator: z.string(), value: z.string() })),
  metadata: z.record(z.string(), z.unknown()).nullable(),
  effectiveStartDate: z.string().nullable(),
  effectiveEndDate: z.string().nullable(),
  priority: z.number().nullable(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  deletedAt: z.string().nullable(),
});
export type RuleView = z.infer<typeof RuleViewSchema>;

export const RuleListSchema = z.object({ rules: z.array(RuleViewSchema), requestIds: z.array(z.string()) });
export type RuleList = z.infer<typeof RuleListSchema>;

export const RuleWriteResultSchema = z.object({ rule: RuleViewSchema, requestId: z.string().nullable() });
export type RuleWriteResult = z.infer<typeof RuleWriteResultSchema>;
