/**
 * Word lists for generated data. Person and street names come from faker's en_US locale data
 * (read once, then picked with our fast seeded PRNG); the HR-specific lists (departments,
 * titles, banks, carriers) are ours because faker has nothing payroll-shaped.
 */
import { faker } from '@faker-js/faker/locale/en_US';

function list(value: unknown, fallback: readonly string[]): readonly string[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string') ? value : fallback;
}

const person = faker.definitions.person;
export const FEMALE_FIRST_NAMES = list(person.first_name?.female, ['Emma', 'Olivia', 'Ava']);
export const MALE_FIRST_NAMES = list(person.first_name?.male, ['Liam', 'Noah', 'Oliver']);
export const NEUTRAL_FIRST_NAMES = list(person.first_name?.generic, ['Jordan', 'Taylor', 'Riley']);
export const LAST_NAMES = list(person.last_name?.generic, ['Smith', 'Johnson', 'Garcia']);
export const STREET_NAMES = list(faker.definitions.location.street_name, ['Main Street', 'Oak Avenue']);

export interface DepartmentSpec {
  name: string;
  parent: string | null;
  titles: readonly string[];
  /** Annual base salary range in dollars for salaried staff. */
  salary: readonly [number, number];
  /** Hourly rate range in dollars for hourly staff. */
  hourly: readonly [number, number];
  /** Share of the department paid hourly. */
  hourlyShare: number;
  /** Relative headcount weight. */
  weight: number;
}

export const DEPARTMENTS: readonly DepartmentSpec[] = [
  {
    name: 'Executive',
    parent: null,
    titles: ['Chief Executive Officer', 'Chief Operating Officer', 'Chief Financial Officer', 'Chief Technology Officer'],
    salary: [210_000, 340_000],
    hourly: [80, 120],
    hourlyShare: 0,
    weight: 0,
  },
  {
    name: 'Engineering',
    parent: null,
    titles: ['Software Engineer', 'Senior Software Engineer', 'Staff Software Engineer', 'Engineering Manager', 'QA Engineer'],
    salary: [115_000, 215_000],
    hourly: [45, 85],
    hourlyShare: 0.03,
    weight: 14,
  },
  {
    name: 'Platform',
    parent: 'Engineering',
    titles: ['Site Reliability Engineer', 'DevOps Engineer', 'Platform Engineer'],
    salary: [125_000, 210_000],
    hourly: [50, 90],
    hourlyShare: 0.02,
    weight: 5,
  },
  {
    name: 'Product',
    parent: null,
    titles: ['Product Manager', 'Senior Product Manager', 'Product Analyst'],
    salary: [110_000, 195_000],
    hourly: [45, 80],
    hourlyShare: 0,
    weight: 4,
  },
  {
    name: 'Design',
    parent: 'Product',
    titles: ['Product Designer', 'UX Researcher', 'Design Lead'],
    salary: [95_000, 170_000],
    hourly: [40, 75],
    hourlyShare: 0.05,
    weight: 3,
  },
  {
    name: 'Sales',
    parent: null,
    titles: ['Account Executive', 'Sales Development Representative', 'Sales Manager', 'Solutions Engineer'],
    salary: [62_000, 150_000],
    hourly: [22, 40],
    hourlyShare: 0.05,
    weight: 10,
  },
  {
    name: 'Account Management',
    parent: 'Sales',
    titles: ['Account Manager', 'Senior Account Manager'],
    salary: [65_000, 120_000],
    hourly: [25, 40],
    hourlyShare: 0.05,
    weight: 4,
  },
  {
    name: 'Marketing',
    parent: null,
    titles: ['Marketing Manager', 'Content Strategist', 'Growth Marketer', 'Brand Designer'],
    salary: [70_000, 150_000],
    hourly: [28, 55],
    hourlyShare: 0.05,
    weight: 5,
  },
  {
    name: 'Customer Success',
    parent: null,
    titles: ['Customer Success Manager', 'Support Specialist', 'Support Team Lead'],
    salary: [52_000, 105_000],
    hourly: [19, 32],
    hourlyShare: 0.45,
    weight: 10,
  },
  {
    name: 'Operations',
    parent: null,
    titles: ['Operations Associate', 'Warehouse Associate', 'Operations Manager', 'Logistics Coordinator', 'Shift Supervisor'],
    salary: [48_000, 110_000],
    hourly: [17, 31],
    hourlyShare: 0.8,
    weight: 22,
  },
  {
    name: 'IT',
    parent: 'Operations',
    titles: ['IT Specialist', 'Systems Administrator', 'Help Desk Technician'],
    salary: [60_000, 125_000],
    hourly: [24, 45],
    hourlyShare: 0.25,
    weight: 2,
  },
  {
    name: 'Finance',
    parent: null,
    titles: ['Accountant', 'Payroll Specialist', 'Controller', 'Financial Analyst'],
    salary: [68_000, 165_000],
    hourly: [28, 55],
    hourlyShare: 0.05,
    weight: 4,
  },
  {
    name: 'People Operations',
    parent: null,
    titles: ['HR Generalist', 'Recruiter', 'People Partner', 'Head of People'],
    salary: [62_000, 160_000],
    hourly: [26, 50],
    hourlyShare: 0.05,
    weight: 3,
  },
  {
    name: 'Legal',
    parent: null,
    titles: ['Counsel', 'Paralegal'],
    salary: [85_000, 230_000],
    hourly: [35, 70],
    hourlyShare: 0.05,
    weight: 1,
  },
];

export const COMPANY_NOUNS = [
  'Logistics',
  'Labs',
  'Health',
  'Foods',
  'Systems',
  'Analytics',
  'Outfitters',
  'Partners',
  'Manufacturing',
  'Robotics',
  'Software',
  'Bakery',
  'Dental Group',
  'Freight',
  'Energy',
  'Builders',
  'Coffee Roasters',
  'Clinics',
  'Studios',
  'Supply Co',
] as const;

export const BANKS = [
  { name: 'JPMorgan Chase Bank', routingPrefix: '02100002' },
  { name: 'Bank of America', routingPrefix: '02600959' },
  { name: 'Wells Fargo Bank', routingPrefix: '12100024' },
  { name: 'U.S. Bank', routingPrefix: '09100002' },
  { name: 'First Citizens Bank', routingPrefix: '05310054' },
] as const;

export const MEDICAL_CARRIERS = ['Aetna', 'Cigna', 'UnitedHealthcare', 'Blue Shield of California', 'Kaiser Permanente'] as const;
export const DENTAL_CARRIERS = ['Delta Dental', 'Guardian', 'MetLife'] as const;
export const VISION_CARRIERS = ['VSP', 'EyeMed'] as const;
