/**
 * The company's people, built cheaply: one small PRNG per person picks names, department,
 * manager, pay and dates. Only what the directory and payroll need is computed here; the
 * heavier individual/employment records are built on demand from the same per-person seed.
 * A 10,000-person roster takes a few milliseconds.
 */
import { Rng, Stream, mix, seededUuid } from '../random';
import type { CompanyProfile, PayFrequency } from './company';
import { DAY_MS, isoDay, startOfDay } from './dates';
import type { DepartmentSpec } from './vocabulary';
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES, NEUTRAL_FIRST_NAMES } from './vocabulary';

export type Gender = 'female' | 'male' | 'other' | 'decline_to_specify';
export type PayKind = 'salary' | 'hourly';
export type PayGroupKey = 'salaried' | 'hourly' | 'contractors';

export interface RosterPerson {
  index: number;
  id: string;
  seed: number;
  firstName: string;
  middleName: string | null;
  lastName: string;
  gender: Gender;
  department: DepartmentSpec;
  title: string;
  managerId: string | null;
  officeIndex: number;
  entityIndex: number;
  isActive: boolean;
  employmentStatus: 'active' | 'terminated' | 'leave';
  startDay: number;
  endDay: number | null;
  employmentType: 'employee' | 'contractor';
  employmentSubtype: 'full_time' | 'part_time' | 'intern' | 'temp' | 'individual_contractor';
  payKind: PayKind;
  /** Annual salary (salary) or hourly rate (hourly), in cents. */
  rateCents: number;
  weeklyHours: number;
  payGroup: PayGroupKey;
}

export interface PayGroupSpec {
  key: PayGroupKey;
  id: string;
  name: string;
  frequency: PayFrequency;
}

const FREQUENCY_LABEL: Record<PayFrequency, string> = {
  weekly: 'Weekly',
  bi_weekly: 'Bi-Weekly',
  semi_monthly: 'Semi-Monthly',
  monthly: 'Monthly',
};

export function payGroupsOf(profile: CompanyProfile): PayGroupSpec[] {
  const make = (key: PayGroupKey, index: number, frequency: PayFrequency, label: string): PayGroupSpec => ({
    key,
    id: seededUuid(profile.seed, Stream.payGroup, index),
    name: `${FREQUENCY_LABEL[frequency]} ${label}`,
    frequency,
  });
  return [
    make('salaried', 0, profile.salariedFrequency, 'Salaried'),
    make('hourly', 1, profile.hourlyFrequency, 'Hourly'),
    make('contractors', 2, 'monthly', 'Contractors'),
  ];
}

function firstNameFor(gender: Gender, rng: Rng): string {
  if (gender === 'female') return rng.pick(FEMALE_FIRST_NAMES);
  if (gender === 'male') return rng.pick(MALE_FIRST_NAMES);
  return rng.pick(NEUTRAL_FIRST_NAMES);
}

/**
 * A person's seed and id (everything about them derives from the seed). Both are drawn through
 * 32-bit mixes, so in a big company two indexes can end with the same id (a few pairs per
 * 100,000 people): the later one draws again with a salt. Only that rare person changes;
 * everyone else keeps the seed and id they always had.
 */
function personIdentity(companySeed: number, index: number, taken: Set<string>): { seed: number; id: string } {
  for (let salt = 0; ; salt++) {
    const seed = salt === 0 ? mix(companySeed, Stream.person, index) : mix(companySeed, Stream.person, index, salt);
    const id = seededUuid(seed, Stream.person);
    if (taken.has(id)) continue;
    taken.add(id);
    return { seed, id };
  }
}

/** Builds `size` people. Index 0 is the chief executive; department heads report to them. */
export function buildRoster(profile: CompanyProfile, size: number, anchorMs: number): RosterPerson[] {
  const anchorDay = startOfDay(anchorMs);
  const departments = profile.departments;
  const executive = departments.find((d) => d.name === 'Executive') ?? departments[0];
  if (!executive) throw new Error('company has no departments');
  const staffDepartments = departments.filter((d) => d.weight > 0);
  const weights = staffDepartments.map((d) => [d, d.weight] as const);
  const members = new Map<string, RosterPerson[]>();
  const people: RosterPerson[] = new Array<RosterPerson>(size);
  const executiveCount = size > 10 ? Math.min(4, executive.titles.length) : 1;

  const ids = new Set<string>();
  for (let index = 0; index < size; index++) {
    const { seed, id } = personIdentity(profile.seed, index, ids);
    const rng = new Rng(seed);
    const department: DepartmentSpec = index < executiveCount ? executive : rng.weighted(weights);
    const gender: Gender = rng.weighted([
      ['female', 49],
      ['male', 48],
      ['other', 2],
      ['decline_to_specify', 1],
    ] as const);
    const firstName = firstNameFor(gender, rng);
    const middleName = rng.chance(0.35) ? firstNameFor(gender, rng) : null;
    const lastName = rng.pick(LAST_NAMES);
    const deptMembers = members.get(department.name) ?? [];
    members.set(department.name, deptMembers);

    // Reporting lines: CEO → executives and department heads → team leads → staff.
    let managerId: string | null = null;
    let title: string;
    if (index === 0) {
      title = executive.titles[0] ?? 'Chief Executive Officer';
    } else if (department === executive) {
      title = executive.titles[index] ?? 'Executive';
      managerId = people[0]?.id ?? null;
    } else if (deptMembers.length === 0) {
      title = department.titles[department.titles.length > 3 ? 3 : department.titles.length - 1] ?? 'Manager';
      const parentHead = department.parent ? members.get(department.parent)?.[0] : undefined;
      managerId = parentHead?.id ?? people[0]?.id ?? null;
    } else {
      const leads = Math.min(deptMembers.length, 1 + Math.floor(deptMembers.length / 8));
      managerId = deptMembers[rng.int(0, leads - 1)]?.id ?? null;
      title = rng.pick(department.titles);
    }

    const isContractor = department !== executive && rng.chance(0.07);
    const hourly = !isContractor && department !== executive && rng.chance(department.hourlyShare);
    const subtype: RosterPerson['employmentSubtype'] = isContractor
      ? 'individual_contractor'
      : hourly
        ? rng.weighted([
            ['full_time', 70],
            ['part_time', 22],
            ['temp', 8],
          ] as const)
        : rng.chance(0.02) && index > executiveCount
          ? 'intern'
          : 'full_time';
    const payKind: PayKind = isContractor || hourly || subtype === 'intern' ? 'hourly' : 'salary';
    const rateCents =
      payKind === 'salary'
        ? Math.round((department.salary[0] + rng.float() * (department.salary[1] - department.salary[0])) / 500) * 50_000
        : Math.round(
            (isContractor ? 45 + rng.float() * 75 : department.hourly[0] + rng.float() * (department.hourly[1] - department.hourly[0])) * 4,
          ) * 25;
    const weeklyHours = subtype === 'part_time' ? 20 : isContractor ? rng.int(10, 40) : 40;

    const tenureDays = index === 0 ? rng.int(3000, 4200) : rng.int(20, 3600);
    const startDay = anchorDay - tenureDays * DAY_MS;
    const roll = rng.float();
    const terminated = index >= executiveCount && roll < 0.06;
    const onLeave = !terminated && roll < 0.08;
    const endDay = terminated ? startDay + rng.int(1, Math.max(1, tenureDays - 1)) * DAY_MS : null;

    const person: RosterPerson = {
      index,
      id,
      seed,
      firstName,
      middleName,
      lastName,
      gender,
      department,
      title,
      managerId,
      officeIndex: rng.chance(0.7) ? 0 : rng.int(0, profile.offices.length - 1),
      entityIndex: profile.entities.length > 1 ? rng.int(0, profile.entities.length - 1) : 0,
      isActive: !terminated,
      employmentStatus: terminated ? 'terminated' : onLeave ? 'leave' : 'active',
      startDay,
      endDay,
      employmentType: isContractor ? 'contractor' : 'employee',
      employmentSubtype: subtype,
      payKind,
      rateCents,
      weeklyHours,
      payGroup: isContractor ? 'contractors' : payKind === 'hourly' ? 'hourly' : 'salaried',
    };
    people[index] = person;
    deptMembers.push(person);
  }
  return people;
}

export function personStartDate(person: RosterPerson): string {
  return isoDay(person.startDay);
}
