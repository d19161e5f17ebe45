/**
 * Field coverage as the renderer sees it: per product, for every field path of the spec's
 * record schema (src/shared/domain/field-catalog.ts), how many records carried a value, an
 * empty value, null, or nothing at all, beside what GET /providers says the provider supports.
 * Coverage runs are stored (counts only, no personal data) with the request ids they came from.
 */
import { z } from 'zod';

export const COVERAGE_PRODUCTS = ['company', 'directory', 'individual', 'employment', 'payment', 'pay_statement'] as const;
export const CoverageProductSchema = z.enum(COVERAGE_PRODUCTS);
export type CatalogProduct = z.infer<typeof CoverageProductSchema>;

export interface CatalogField {
  path: string;
  /** JSON type(s) the spec allows, e.g. `string`, `object`, `integer`. */
  type: string;
  /** The spec allows `null` here. */
  nullable: boolean;
  /** The spec lists it as required on its parent object. */
  required: boolean;
}

export const FieldCoverageSchema = z.object({
  path: z.string(),
  /** Records with a non-empty value (for `a[].b`: at least one item has one). */
  values: z.number().int().nonnegative(),
  /** Records whose value is "" or [] or {}: not null, but nothing in it. */
  empty: z.number().int().nonnegative(),
  nulls: z.number().int().nonnegative(),
  /** Records where the key was missing, or an array above it had no items (absent differs from null). */
  absent: z.number().int().nonnegative(),
  /** (values + empty) / records: the share of records with a non-null value; null when there are no records. */
  share: z.number().min(0).max(1).nullable(),
  /** What GET /providers `supported_fields` says for this field; null when it says nothing. */
  supported: z.boolean().nullable(),
  specNullable: z.boolean(),
});
export type FieldCoverage = z.infer<typeof FieldCoverageSchema>;

export const PULL_STATUSES = ['ok', 'accepted', 'not_implemented', 'not_granted', 'failed'] as const;
export const PullStatusSchema = z.enum(PULL_STATUSES);
export type PullStatus = z.infer<typeof PullStatusSchema>;

export const ProductCoverageSchema = z.object({
  product: CoverageProductSchema,
  status: PullStatusSchema,
  /** Why the product has no records (202 body, 501, not granted, error), or null. */
  message: z.string().nullable(),
  records: z.number().int().nonnegative(),
  /** Batch items answered with something other than 200 (their codes are in `itemCodes`). */
  itemErrors: z.number().int().nonnegative(),
  itemCodes: z.record(z.string(), z.number().int()),
  fields: z.array(FieldCoverageSchema),
  /** Field paths seen in the data that the spec does not declare. */
  unknownFields: z.array(z.string()),
  /** Whether the product as a whole is offered by the provider (GET /providers `products`). */
  providerOffers: z.boolean().nullable(),
  requestIds: z.array(z.string()),
});
export type ProductCoverage = z.infer<typeof ProductCoverageSchema>;

export const CoverageRunSchema = z.object({
  id: z.number().int(),
  environmentId: z.string(),
  connectionId: z.string(),
  providerId: z.string().nullable(),
  customerName: z.string().nullable(),
  /** The authentication method whose `supported_fields` were used. */
  authMethod: z.string().nullable(),
  /** Where the provider's claims came from, or why there are none. */
  providerClaims: z.enum(['found', 'provider_unknown', 'no_supported_fields', 'unavailable']),
  at: z.number(),
  startDate: z.string(),
  endDate: z.string(),
  requestIds: z.array(z.string()),
  products: z.array(ProductCoverageSchema),
});
export type CoverageRunView = z.infer<typeof CoverageRunSchema>;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-31');

export const DateRangeSchema = z
  .object({ startDate: Day, endDate: Day })
  .strict()
  .refine((r) => r.startDate <= r.endDate, { message: 'the start date must not be after the end date', path: ['endDate'] });

export const CoverageRunInputSchema = z
  .object({
    connectionId: z.string().min(1).max(200),
    operationId: z.string().min(1).max(200),
    startDate: Day,
    endDate: Day,
  })
  .strict()
  .refine((r) => r.startDate <= r.endDate, { message: 'the start date must not be after the end date', path: ['endDate'] });
