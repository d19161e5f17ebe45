/**
 * Full individual and employment records, built on demand from a roster person's seed (so a
 * batch read of 10 people does not pay for 10,000). Shapes follow the spec's Individual and
 * Employment bodies; provider masks and sandbox edits are applied later by the dataset.
 */
import { Rng, Stream, mix } from '../random';
import type { CompanyProfile, LocationRecord } from './company';
import { postalCodeNear, streetLine } from './company';
import { DAY_MS, isoDay } from './dates';
import type { RosterPerson } from './roster';
import { US_PLACES } from './us-places';
import { NEUTRAL_FIRST_NAMES } from './vocabulary';

const ETHNICITIES = [
  ['white', 52],
  ['hispanic_or_latino', 19],
  ['black_or_african_american', 12],
  ['asian', 7],
  ['two_or_more_races', 4],
  ['american_indian_or_alaska_native', 1],
  ['native_hawaiian_or_pacific_islander', 1],
  ['decline_to_specify', 4],
] as const;

const MARITAL = [
  ['married', 45],
  ['single', 40],
  ['divorced', 9],
  ['domestic_partner', 3],
  ['widowed', 1],
  ['unknown', 2],
] as const;

const CLASS_CODES: Record<string, string> = {
  Operations: '8292',
  IT: '8810',
  Sales: '8742',
  'Account Management': '8742',
};

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

function ssnFrom(rng: Rng): string {
  let area = rng.int(1, 899);
  if (area === 666) area = 667;
  return `${String(area).padStart(3, '0')}-${String(rng.int(1, 99)).padStart(2, '0')}-${String(rng.int(1, 9999)).padStart(4, '0')}`;
}

export function individualRecord(
  profile: CompanyProfile,
  person: RosterPerson,
  anchorMs: number,
  includeSsn: boolean,
): Record<string, unknown> {
  const rng = new Rng(mix(person.seed, Stream.personDetail));
  const office = profile.offices[person.officeIndex] ?? profile.offices[0];
  const place = office && rng.chance(0.75) ? office.place : rng.pick(US_PLACES);
  const residence: LocationRecord = {
    line1: streetLine(rng),
    line2: rng.chance(0.3) ? `Apt ${rng.int(1, 40)}${rng.pick(['A', 'B', 'C', ''])}` : null,
    city: place.city,
    state: place.state,
    postal_code: postalCodeNear(place, rng),
    country: 'US',
  };
  const first = slug(person.firstName);
  const last = slug(person.lastName);
  const emails: Array<{ data: string; type: 'work' | 'personal' }> = [
    { data: `${first}.${last}${person.index > 0 ? person.index : ''}@${profile.domain}`, type: 'work' },
  ];
  if (rng.chance(0.7))
    emails.push({
      data: `${first}${last}${rng.int(10, 99)}@${rng.pick(['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com'])}`,
      type: 'personal',
    });
  const ageDays = rng.int(21 * 365, 64 * 365);
  const ssn = ssnFrom(rng);
  return {
    id: person.id,
    first_name: person.firstName,
    middle_name: person.middleName,
    last_name: person.lastName,
    preferred_name: rng.chance(0.1) ? rng.pick(NEUTRAL_FIRST_NAMES) : null,
    emails,
    phone_numbers: [{ data: `${place.areaCode}555${rng.digits(4)}`, type: 'personal' }],
    gender: person.gender,
    ethnicity: rng.weighted(ETHNICITIES),
    marital_status: rng.weighted(MARITAL),
    dob: isoDay(anchorMs - ageDays * DAY_MS),
    ssn: includeSsn ? ssn : null,
    encrypted_ssn: includeSsn ? Buffer.from(`sim:${person.id}:${ssn}`).toString('base64') : null,
    residence,
  };
}

interface IncomeRecord {
  unit: 'yearly' | 'hourly';
  amount: number;
  currency: 'usd';
  effective_date: string;
}

/** Yearly raises since the start date; the last entry is the current income. */
export function incomeHistory(person: RosterPerson, anchorMs: number): IncomeRecord[] {
  const unit = person.payKind === 'salary' ? 'yearly' : 'hourly';
  const years = Math.min(3, Math.floor((anchorMs - person.startDay) / (365 * DAY_MS)));
  const rng = new Rng(mix(person.seed, Stream.employment, 1));
  const raises: number[] = [];
  for (let i = 0; i < years; i++) raises.push(0.03 + rng.float() * 0.03);
  let amount = person.rateCents;
  const history: IncomeRecord[] = [];
  for (let i = years; i >= 0; i--) {
    const effective = i === 0 ? person.startDay : person.startDay + i * 365 * DAY_MS;
    history.unshift({ unit, amount: Math.round(amount), currency: 'usd', effective_date: isoDay(effective) });
    const raise = raises[i - 1];
    if (raise !== undefined) amount = amount / (1 + raise);
  }
  return history;
}

export function employmentRecord(profile: CompanyProfile, person: RosterPerson, anchorMs: number): Record<string, unknown> {
  const rng = new Rng(mix(person.seed, Stream.employment));
  const office = profile.offices[person.officeIndex] ?? profile.offices[0];
  const history = incomeHistory(person, anchorMs);
  const rehired = person.isActive && rng.chance(0.03);
  const isExecutive = person.department.name === 'Executive';
  const union = person.department.name === 'Operations' && rng.chance(0.15);
  return {
    id: person.id,
    first_name: person.firstName,
    middle_name: person.middleName,
    last_name: person.lastName,
    title: person.title,
    manager: person.managerId ? { id: person.managerId } : null,
    department: { name: person.department.name },
    employment: { type: person.employmentType, subtype: person.employmentSubtype },
    start_date: isoDay(person.startDay),
    end_date: person.endDay === null ? null : isoDay(person.endDay),
    latest_rehire_date: rehired ? isoDay(person.startDay + rng.int(30, 400) * DAY_MS) : null,
    is_active: person.isActive,
    employment_status: person.employmentStatus,
    flsa_status: person.employmentType === 'contractor' ? null : person.payKind === 'salary' ? 'exempt' : 'non_exempt',
    class_code: CLASS_CODES[person.department.name] ?? '8810',
    location: office ? { ...office.location } : null,
    income: history[history.length - 1] ?? null,
    income_history: history,
    custom_fields: [
      { name: 'Cost Center', value: `CC-${1000 + profile.departments.indexOf(person.department) * 100}` },
      { name: 'Remote', value: rng.chance(0.3) },
    ],
    union_code: union ? 'IBT' : null,
    union_local: union ? 'Local 853' : null,
    highly_compensated_employee: person.payKind === 'salary' && person.rateCents >= 15_500_000,
    key_employee: isExecutive,
    source_id: `E${String(person.index + 1).padStart(5, '0')}`,
  };
}

export function directoryEntry(person: RosterPerson): Record<string, unknown> {
  return {
    id: person.id,
    first_name: person.firstName,
    middle_name: person.middleName,
    last_name: person.lastName,
    manager: person.managerId ? { id: person.managerId } : null,
    department: { name: person.department.name },
    is_active: person.isActive,
  };
}
