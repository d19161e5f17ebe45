/**
 * Field coverage per provider. `supportedFields()` builds the `supported_fields` object that
 * GET /providers declares (shape of the spec's SupportedFields), and `applyFieldMask()` nulls
 * the same fields in data responses. Both read ProviderProfile.unsupported.
 */
import type { ProviderProfile } from './providers';
import { providerSupportsProduct } from './providers';

type Template = { [key: string]: true | Template };

const LOCATION: Template = { line1: true, line2: true, city: true, state: true, postal_code: true, country: true };

/** Mirrors the spec's Supported*Fields schemas. */
const TEMPLATE: Record<string, Template> = {
  company: {
    id: true,
    legal_name: true,
    entity: { type: true, subtype: true },
    primary_email: true,
    primary_phone_number: true,
    ein: true,
    accounts: { routing_number: true, account_name: true, institution_name: true, account_type: true, account_number: true },
    departments: { name: true, parent: { name: true } },
    locations: LOCATION,
  },
  directory: {
    paging: { count: true, offset: true },
    individuals: {
      id: true,
      first_name: true,
      middle_name: true,
      last_name: true,
      is_active: true,
      department: true,
      manager: { id: true },
    },
  },
  individual: {
    id: true,
    first_name: true,
    middle_name: true,
    last_name: true,
    preferred_name: true,
    dob: true,
    gender: true,
    ethnicity: true,
    ssn: true,
    encrypted_ssn: true,
    emails: { data: true, type: true },
    phone_numbers: { data: true, type: true },
    residence: LOCATION,
  },
  employment: {
    id: true,
    first_name: true,
    middle_name: true,
    last_name: true,
    title: true,
    start_date: true,
    end_date: true,
    is_active: true,
    employment_status: true,
    income_history: true,
    class_code: true,
    custom_fields: true,
    department: { name: true },
    employment: { type: true, subtype: true },
    income: { amount: true, currency: true, unit: true },
    location: LOCATION,
    manager: { id: true },
  },
  payment: {
    id: true,
    pay_date: true,
    debit_date: true,
    company_debit: true,
    gross_pay: true,
    net_pay: true,
    employer_taxes: true,
    employee_taxes: true,
    individual_ids: true,
    pay_period: { start_date: true, end_date: true },
    pay_group_ids: true,
    pay_frequencies: true,
  },
  pay_statement: {
    paging: { count: true, offset: true },
    pay_statements: {
      individual_id: true,
      type: true,
      payment_method: true,
      total_hours: true,
      gross_pay: true,
      net_pay: true,
      earnings: { type: true, name: true, amount: true, currency: true },
      employee_deductions: { name: true, amount: true, type: true, pre_tax: true, currency: true },
      employer_contributions: { name: true, amount: true, currency: true },
      taxes: { type: true, name: true, employer: true, amount: true, currency: true },
    },
  },
  pay_group: { id: true, name: true, pay_frequencies: true, individual_ids: true },
};

type Flags = { [key: string]: boolean | Flags };

function toFlags(template: Template, value: boolean): Flags {
  const out: Flags = {};
  for (const [key, sub] of Object.entries(template)) out[key] = sub === true ? value : toFlags(sub, value);
  return out;
}

/** `supported_fields` for GET /providers: false for unsupported paths and unoffered products. */
export function supportedFields(provider: ProviderProfile): Record<string, Flags> {
  const productOf: Record<string, string> = { pay_group: 'payment' };
  const result: Record<string, Flags> = {};
  for (const [section, template] of Object.entries(TEMPLATE)) {
    const offered = providerSupportsProduct(provider, productOf[section] ?? section);
    result[section] = toFlags(template, offered);
  }
  for (const path of provider.unsupported) {
    const parts = path.split('.');
    let node: Flags | undefined = result[parts[0] ?? ''];
    for (let i = 1; node && i < parts.length - 1; i++) {
      const next: boolean | Flags | undefined = node[parts[i] ?? ''];
      node = typeof next === 'object' ? next : undefined;
    }
    const leaf = parts[parts.length - 1] ?? '';
    if (!node || !(leaf in node)) continue;
    const current = node[leaf];
    node[leaf] = typeof current === 'object' ? falsify(current) : false;
  }
  return result;
}

function falsify(flags: Flags): Flags {
  const out: Flags = {};
  for (const [key, value] of Object.entries(flags)) out[key] = typeof value === 'object' ? falsify(value) : false;
  return out;
}

/** The record kinds a mask applies to, and the supported_fields prefix naming their fields. */
export type MaskedRecord = 'company' | 'directory' | 'individual' | 'employment' | 'payment' | 'pay_statement';
const PREFIX: Record<MaskedRecord, string> = {
  company: 'company.',
  directory: 'directory.individuals.',
  individual: 'individual.',
  employment: 'employment.',
  payment: 'payment.',
  pay_statement: 'pay_statement.pay_statements.',
};

const maskCache = new Map<string, string[][]>();

function maskFor(provider: ProviderProfile, kind: MaskedRecord): string[][] {
  const key = `${provider.id}:${kind}`;
  let mask = maskCache.get(key);
  if (!mask) {
    const prefix = PREFIX[kind];
    mask = provider.unsupported.filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length).split('.'));
    maskCache.set(key, mask);
  }
  return mask;
}

/**
 * Returns a copy of the record with every unsupported field of this kind set to null. Copies
 * are made on the way down, so shared objects (cached data, stored sandbox edits) are never
 * modified.
 */
export function applyFieldMask<T extends object>(provider: ProviderProfile, kind: MaskedRecord, record: T): T {
  const mask = maskFor(provider, kind);
  if (mask.length === 0) return record;
  const copy = { ...record } as Record<string, unknown>;
  for (const path of mask) nullify(copy, path, 0);
  return copy as T;
}

export function hasFieldMask(provider: ProviderProfile, kind: MaskedRecord): boolean {
  return maskFor(provider, kind).length > 0;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nullify(target: Record<string, unknown>, path: readonly string[], index: number): void {
  const key = path[index];
  if (key === undefined || !(key in target)) return;
  if (index === path.length - 1) {
    target[key] = null;
    return;
  }
  const child = target[key];
  if (Array.isArray(child)) {
    target[key] = child.map((item: unknown) => {
      if (!isPlainObject(item)) return item;
      const copy = { ...item };
      nullify(copy, path, index + 1);
      return copy;
    });
  } else if (isPlainObject(child)) {
    const copy = { ...child };
    nullify(copy, path, index + 1);
    target[key] = copy;
  }
}
