/**
 * The employer itself: legal name, entity type, departments, office locations, bank accounts,
 * legal entities and pay schedules. Derived only from the company seed, so the same seed and
 * ordinal always produce the same employer.
 */
import { Rng, Stream, mix, seededUuid } from '../random';
import type { UsPlace } from './us-places';
import { US_PLACES, STREET_SUFFIXES } from './us-places';
import type { DepartmentSpec } from './vocabulary';
import { BANKS, COMPANY_NOUNS, DEPARTMENTS, LAST_NAMES, STREET_NAMES } from './vocabulary';

export type PayFrequency = 'weekly' | 'bi_weekly' | 'semi_monthly' | 'monthly';

export interface LocationRecord {
  line1: string | null;
  line2: string | null;
  city: string | null;
  state: string | null;
  postal_code: string | null;
  country: string | null;
  name?: string | null;
  source_id?: string | null;
}

export interface OfficeLocation {
  place: UsPlace;
  location: LocationRecord;
}

export interface CompanyEntity {
  id: string;
  name: string;
  sourceId: string;
}

export interface CompanyProfile {
  id: string;
  seed: number;
  legalName: string;
  domain: string;
  entityType: 'llc' | 'corporation' | 'partnership' | 'non_profit';
  entitySubtype: 's_corporation' | 'c_corporation' | null;
  primaryEmail: string;
  primaryPhone: string;
  ein: string;
  departments: readonly DepartmentSpec[];
  offices: readonly OfficeLocation[];
  accounts: ReadonlyArray<{
    routing_number: string;
    account_name: string;
    institution_name: string;
    account_type: 'checking' | 'savings';
    account_number: string;
  }>;
  entities: readonly CompanyEntity[];
  salariedFrequency: PayFrequency;
  hourlyFrequency: PayFrequency;
  /** 401(k) employer match: 100% of the first N percent of pay (basis points). */
  matchBasisPoints: number;
}

function abaRoutingNumber(prefix: string): string {
  const d = prefix.split('').map(Number);
  const sum = 3 * ((d[0] ?? 0) + (d[3] ?? 0) + (d[6] ?? 0)) + 7 * ((d[1] ?? 0) + (d[4] ?? 0) + (d[7] ?? 0)) + ((d[2] ?? 0) + (d[5] ?? 0));
  return prefix + String((10 - (sum % 10)) % 10);
}

export function streetLine(rng: Rng): string {
  const name = rng.chance(0.6) ? rng.pick(STREET_NAMES) : `${rng.pick(LAST_NAMES)} ${rng.pick(STREET_SUFFIXES)}`;
  return `${rng.int(10, 9899)} ${name}`;
}

export function postalCodeNear(place: UsPlace, rng: Rng): string {
  const base = Number(place.zip);
  return String(base + rng.int(0, 18)).padStart(5, '0');
}

export function companySeed(globalSeed: number, ordinal: number): number {
  return mix(globalSeed, Stream.company, ordinal);
}

/** Larger employers run payroll through several legal entities (multi-EIN). */
export function entityCountFor(employeeSize: number): number {
  return employeeSize >= 2000 ? 3 : employeeSize >= 250 ? 2 : 1;
}

export function entityId(seed: number, index: number): string {
  return seededUuid(seed, Stream.entity, index);
}

export function generateCompany(globalSeed: number, ordinal: number, id: string, employeeSize: number): CompanyProfile {
  const seed = companySeed(globalSeed, ordinal);
  const rng = new Rng(seed);
  const founder = rng.pick(LAST_NAMES);
  const noun = rng.pick(COMPANY_NOUNS);
  const entityType = rng.weighted([
    ['corporation', 6],
    ['llc', 4],
    ['partnership', 1],
    ['non_profit', 1],
  ] as const);
  const suffix = entityType === 'llc' ? 'LLC' : entityType === 'corporation' ? 'Inc.' : entityType === 'partnership' ? 'LP' : 'Foundation';
  const legalName = `${founder} ${noun} ${suffix}`;
  const domain = `${founder}${noun.split(' ')[0] ?? ''}`.toLowerCase().replace(/[^a-z]/g, '') + '.com';

  const hq = rng.pick(US_PLACES);
  const officeCount = employeeSize <= 25 ? 1 : employeeSize <= 250 ? rng.int(1, 3) : rng.int(3, 5);
  const places = [hq];
  while (places.length < officeCount) {
    const next = rng.pick(US_PLACES);
    if (!places.includes(next)) places.push(next);
  }
  const offices = places.map((place, index) => ({
    place,
    location: {
      line1: streetLine(rng),
      line2: rng.chance(0.6) ? `Suite ${rng.int(100, 1900)}` : null,
      city: place.city,
      state: place.state,
      postal_code: postalCodeNear(place, rng),
      country: 'US',
      name: index === 0 ? 'Headquarters' : `${place.city} Office`,
      source_id: `loc_${String(index + 1).padStart(3, '0')}`,
    },
  }));

  // Small companies run with few departments; larger ones use all of them.
  const departments =
    employeeSize <= 15
      ? DEPARTMENTS.filter((d) => ['Executive', 'Engineering', 'Sales', 'Operations'].includes(d.name))
      : employeeSize <= 60
        ? DEPARTMENTS.filter((d) => d.parent === null)
        : DEPARTMENTS;

  const bank = rng.pick(BANKS);
  const entityCount = entityCountFor(employeeSize);
  const entityNames = [legalName, `${founder} ${noun} Services LLC`, `${founder} Holdings Inc.`];
  const entities = entityNames.slice(0, entityCount).map((name, index) => ({
    id: entityId(seed, index),
    name,
    sourceId: `ent_${String(index + 1).padStart(3, '0')}`,
  }));

  return {
    id,
    seed,
    legalName,
    domain,
    entityType,
    entitySubtype: entityType === 'corporation' ? rng.pick(['s_corporation', 'c_corporation'] as const) : null,
    primaryEmail: `payroll@${domain}`,
    primaryPhone: `${hq.areaCode}555${rng.digits(4)}`,
    ein: `${rng.int(10, 98)}-${rng.digits(7)}`,
    departments,
    offices,
    accounts: [
      {
        routing_number: abaRoutingNumber(bank.routingPrefix),
        account_name: 'Payroll Operating Account',
        institution_name: bank.name,
        account_type: 'checking',
        account_number: rng.digits(rng.int(10, 12)),
      },
    ],
    entities,
    salariedFrequency: rng.weighted([
      ['bi_weekly', 6],
      ['semi_monthly', 3],
      ['monthly', 1],
    ] as const),
    hourlyFrequency: rng.weighted([
      ['weekly', 5],
      ['bi_weekly', 5],
    ] as const),
    matchBasisPoints: rng.pick([300, 400, 500, 600]),
  };
}

/** The GET /employer/company body (before provider masks and sandbox edits). */
export function companyResponse(profile: CompanyProfile): Record<string, unknown> {
  return {
    id: profile.id,
    legal_name: profile.legalName,
    entity: { type: profile.entityType, subtype: profile.entitySubtype },
    primary_email: profile.primaryEmail,
    primary_phone_number: profile.primaryPhone,
    departments: profile.departments.map((d) => ({ name: d.name, parent: d.parent ? { name: d.parent } : null })),
    ein: profile.ein,
    locations: profile.offices.map((o) => ({ ...o.location })),
    accounts: profile.accounts.map((a) => ({ ...a })),
  };
}
