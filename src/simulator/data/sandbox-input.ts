/**
 * Validation of sandbox edit bodies (company, individual, employment, new people). Accepted
 * values are normalised to the response shapes (missing location/income keys become null) so
 * that data read back later still matches the spec. Unknown keys are dropped.
 */
import { z } from 'zod';
import { errors } from '../http/finch-errors';

const str = z.string().nullable();
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .nullable();

const location = z
  .object({
    line1: str.optional(),
    line2: str.optional(),
    city: str.optional(),
    state: str.optional(),
    postal_code: str.optional(),
    country: str.optional(),
    name: str.optional(),
    source_id: str.optional(),
  })
  .transform((l) => ({
    line1: l.line1 ?? null,
    line2: l.line2 ?? null,
    city: l.city ?? null,
    state: l.state ?? null,
    postal_code: l.postal_code ?? null,
    country: l.country ?? null,
    ...(l.name !== undefined ? { name: l.name } : {}),
    ...(l.source_id !== undefined ? { source_id: l.source_id } : {}),
  }))
  .nullable();

const income = z
  .object({
    unit: z
      .enum(['yearly', 'quarterly', 'monthly', 'semi_monthly', 'bi_weekly', 'weekly', 'daily', 'hourly', 'fixed'])
      .nullable()
      .optional(),
    amount: z.number().int().nullable().optional(),
    currency: str.optional(),
    effective_date: day.optional(),
  })
  .transform((i) => ({
    unit: i.unit ?? null,
    amount: i.amount ?? null,
    currency: i.currency ?? null,
    effective_date: i.effective_date ?? null,
  }))
  .nullable();

export const individualFields = z.object({
  first_name: str,
  middle_name: str,
  last_name: str,
  preferred_name: str,
  emails: z
    .array(
      z
        .object({ data: z.string(), type: z.enum(['work', 'personal']).nullable().optional() })
        .transform((e) => ({ data: e.data, type: e.type ?? null })),
    )
    .nullable(),
  phone_numbers: z
    .array(
      z
        .object({ data: str.optional(), type: z.enum(['work', 'personal']).nullable().optional() })
        .transform((p) => ({ data: p.data ?? null, type: p.type ?? null })),
    )
    .nullable(),
  gender: z.enum(['female', 'male', 'other', 'decline_to_specify']).nullable(),
  ethnicity: z
    .enum([
      'asian',
      'white',
      'black_or_african_american',
      'native_hawaiian_or_pacific_islander',
      'american_indian_or_alaska_native',
      'hispanic_or_latino',
      'two_or_more_races',
      'decline_to_specify',
    ])
    .nullable(),
  marital_status: z.enum(['single', 'married', 'divorced', 'widowed', 'domestic_partner', 'unknown']).nullable(),
  dob: day,
  ssn: str,
  encrypted_ssn: str,
  residence: location,
});

export const employmentFields = z.object({
  first_name: str,
  middle_name: str,
  last_name: str,
  title: str,
  manager: z.object({ id: z.uuid() }).nullable(),
  department: z
    .object({ name: str.optional() })
    .transform((d) => ({ name: d.name ?? null }))
    .nullable(),
  employment: z
    .object({
      type: z.enum(['employee', 'contractor']).nullable().optional(),
      subtype: z.enum(['full_time', 'intern', 'part_time', 'temp', 'seasonal', 'individual_contractor']).nullable().optional(),
    })
    .transform((e) => ({ type: e.type ?? null, subtype: e.subtype ?? null }))
    .nullable(),
  start_date: day,
  end_date: day,
  latest_rehire_date: day,
  is_active: z.boolean().nullable(),
  employment_status: z.enum(['active', 'deceased', 'leave', 'onboarding', 'prehire', 'retired', 'terminated']).nullable(),
  flsa_status: z.enum(['exempt', 'non_exempt', 'unknown']).nullable(),
  class_code: str,
  location,
  income,
  income_history: z.array(income.unwrap()).nullable(),
  custom_fields: z
    .array(
      z
        .object({ name: str.optional(), value: z.unknown().optional() })
        .transform((f) => ({ name: f.name ?? null, value: f.value ?? null })),
    )
    .nullable(),
  union_code: str,
  union_local: str,
  highly_compensated_employee: z.boolean().nullable(),
  key_employee: z.boolean().nullable(),
  source_id: str,
});

export const companyFields = z.object({
  legal_name: str,
  entity: z
    .object({
      type: z.enum(['llc', 'lp', 'corporation', 'sole_proprietor', 'non_profit', 'partnership', 'cooperative']).nullable().optional(),
      subtype: z.enum(['s_corporation', 'c_corporation', 'b_corporation']).nullable().optional(),
    })
    .transform((e) => ({ type: e.type ?? null, subtype: e.subtype ?? null }))
    .nullable(),
  primary_email: z.email().nullable(),
  primary_phone_number: str,
  departments: z
    .array(
      z
        .object({
          name: str.optional(),
          parent: z
            .object({ name: str.optional() })
            .transform((p) => ({ name: p.name ?? null }))
            .nullable()
            .optional(),
        })
        .transform((d) => ({ name: d.name ?? null, parent: d.parent ?? null })),
    )
    .nullable(),
  ein: str,
  locations: z.array(location.unwrap()).nullable(),
  accounts: z
    .array(
      z
        .object({
          routing_number: str.optional(),
          account_name: str.optional(),
          institution_name: str.optional(),
          account_type: z.enum(['checking', 'savings']).nullable().optional(),
          account_number: str.optional(),
        })
        .transform((a) => ({
          routing_number: a.routing_number ?? null,
          account_name: a.account_name ?? null,
          institution_name: a.institution_name ?? null,
          account_type: a.account_type ?? null,
          account_number: a.account_number ?? null,
        })),
    )
    .nullable(),
});

/** Parses a partial update; throws a Finch 400 naming the first bad field. */
export function parsePartial<T extends z.ZodObject>(schema: T, body: unknown, what: string): Record<string, unknown> {
  const result = schema.partial().safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join('.') || what;
    throw errors.invalidRequest(`Invalid ${what}: ${where}: ${issue?.message ?? 'invalid value'}.`);
  }
  return result.data as Record<string, unknown>;
}

/** A new sandbox person: individual and employment fields together. */
export function parseNewPerson(body: unknown, index: number): Record<string, unknown> {
  const individual = parsePartial(individualFields, body, `person [${index}]`);
  const employment = parsePartial(employmentFields, body, `person [${index}]`);
  return { ...individual, ...employment };
}
