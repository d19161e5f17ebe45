/**
 * Provider profiles: what each simulated payroll/HRIS provider offers (products, auth methods,
 * benefit types) and which fields it cannot supply. The same `unsupported` list drives both
 * what GET /providers declares in `supported_fields` and which fields come back null in data
 * responses, so the two can never disagree.
 */
import type { AuthenticationType } from '../model/types';

export type BenefitTypeName =
  | '401k'
  | '401k_roth'
  | '403b'
  | '457'
  | 'simple_ira'
  | 's125_medical'
  | 's125_dental'
  | 's125_vision'
  | 'hsa_pre'
  | 'fsa_medical'
  | 'fsa_dependent_care'
  | 'commuter';

export interface ProviderProfile {
  id: string;
  displayName: string;
  primaryColor: string;
  mfaRequired: boolean;
  beta: boolean;
  authMethods: readonly AuthenticationType[];
  products: readonly string[];
  /** supported_fields paths (product.field[.sub]) this provider never returns: always null. */
  unsupported: readonly string[];
  benefitTypes: readonly BenefitTypeName[];
  /** Offered in Provider Sandbox mode (sandbox: "provider"), i.e. has a demo account. */
  providerSandbox: boolean;
  /** What the Connect sign-in form asks for. */
  credentialLabel: string;
}

const ORG = ['company', 'directory', 'individual', 'ssn', 'employment'] as const;
const PAYROLL = ['payment', 'pay_statement'] as const;

export const PROVIDERS: readonly ProviderProfile[] = [
  {
    id: 'finch',
    displayName: 'Finch Sandbox',
    primaryColor: '#3E4AE7',
    mfaRequired: false,
    beta: false,
    authMethods: ['credential', 'api_token', 'oauth', 'assisted'],
    products: [...ORG, ...PAYROLL, 'benefits', 'deduction', 'documents', 'plans', 'plans_enrollments', 'plans_dependents'],
    unsupported: [],
    benefitTypes: [
      '401k',
      '401k_roth',
      '403b',
      '457',
      'simple_ira',
      's125_medical',
      's125_dental',
      's125_vision',
      'hsa_pre',
      'fsa_medical',
      'fsa_dependent_care',
      'commuter',
    ],
    providerSandbox: false,
    credentialLabel: 'Username',
  },
  {
    id: 'gusto',
    displayName: 'Gusto',
    primaryColor: '#F45D48',
    mfaRequired: false,
    beta: false,
    authMethods: ['oauth'],
    products: [...ORG, ...PAYROLL, 'benefits', 'deduction', 'documents'],
    unsupported: ['individual.ethnicity', 'employment.class_code', 'company.departments.parent'],
    benefitTypes: [
      '401k',
      '401k_roth',
      's125_medical',
      's125_dental',
      's125_vision',
      'hsa_pre',
      'fsa_medical',
      'fsa_dependent_care',
      'commuter',
    ],
    providerSandbox: true,
    credentialLabel: 'Email',
  },
  {
    id: 'bamboo_hr',
    displayName: 'BambooHR',
    primaryColor: '#73C41D',
    mfaRequired: false,
    beta: false,
    authMethods: ['api_token'],
    products: [...ORG],
    unsupported: [
      'company.ein',
      'company.accounts',
      'company.entity',
      'company.primary_phone_number',
      'individual.encrypted_ssn',
      'employment.income_history',
      'employment.class_code',
    ],
    benefitTypes: [],
    providerSandbox: true,
    credentialLabel: 'Company subdomain',
  },
  {
    id: 'adp_run',
    displayName: 'ADP RUN',
    primaryColor: '#D0271D',
    mfaRequired: true,
    beta: false,
    authMethods: ['credential', 'assisted'],
    products: [...ORG, ...PAYROLL, 'benefits', 'deduction'],
    unsupported: [
      'individual.preferred_name',
      'individual.ethnicity',
      'company.accounts',
      'employment.custom_fields',
      'employment.manager',
      'directory.individuals.manager',
      'payment.pay_group_ids',
    ],
    benefitTypes: ['401k', 'simple_ira', 's125_medical', 's125_dental', 's125_vision'],
    providerSandbox: false,
    credentialLabel: 'User ID',
  },
  {
    id: 'paychex_flex',
    displayName: 'Paychex Flex',
    primaryColor: '#004B8D',
    mfaRequired: true,
    beta: false,
    authMethods: ['credential', 'assisted'],
    products: [...ORG, ...PAYROLL, 'benefits', 'deduction', 'documents'],
    unsupported: [
      'individual.emails',
      'individual.ethnicity',
      'company.departments.parent',
      'employment.income_history',
      'pay_statement.pay_statements.total_hours',
    ],
    benefitTypes: ['401k', 's125_medical', 'hsa_pre'],
    providerSandbox: false,
    credentialLabel: 'Username',
  },
  {
    id: 'rippling',
    displayName: 'Rippling',
    primaryColor: '#502D3C',
    mfaRequired: false,
    beta: false,
    authMethods: ['oauth'],
    products: [...ORG, ...PAYROLL, 'benefits', 'deduction', 'documents'],
    unsupported: ['employment.class_code', 'individual.encrypted_ssn', 'company.accounts'],
    benefitTypes: ['401k', '401k_roth', 's125_medical', 's125_dental', 's125_vision', 'hsa_pre', 'fsa_medical'],
    providerSandbox: true,
    credentialLabel: 'Email',
  },
  {
    id: 'justworks',
    displayName: 'Justworks',
    primaryColor: '#0060FF',
    mfaRequired: true,
    beta: false,
    authMethods: ['credential'],
    products: [...ORG, ...PAYROLL, 'benefits', 'deduction'],
    unsupported: [
      'directory.individuals.manager',
      'employment.manager',
      'company.departments',
      'employment.income_history',
      'pay_statement.pay_statements.total_hours',
      'payment.pay_frequencies',
    ],
    benefitTypes: ['401k', 'hsa_pre', 'commuter'],
    providerSandbox: false,
    credentialLabel: 'Username',
  },
  {
    id: 'adp_workforce_now',
    displayName: 'ADP Workforce Now',
    primaryColor: '#D0271D',
    mfaRequired: false,
    beta: false,
    authMethods: ['assisted'],
    products: [...ORG, ...PAYROLL, 'benefits', 'deduction'],
    unsupported: ['individual.ethnicity', 'employment.custom_fields'],
    benefitTypes: ['401k', 's125_medical', 's125_dental', 's125_vision', 'hsa_pre'],
    providerSandbox: false,
    credentialLabel: 'Username',
  },
  {
    id: 'paylocity',
    displayName: 'Paylocity',
    primaryColor: '#F26F21',
    mfaRequired: false,
    beta: true,
    authMethods: ['assisted', 'api_token'],
    products: [...ORG, ...PAYROLL, 'benefits', 'deduction'],
    unsupported: ['company.accounts', 'individual.preferred_name'],
    benefitTypes: ['401k', 's125_medical', 'fsa_medical'],
    providerSandbox: false,
    credentialLabel: 'Company ID',
  },
];

const BY_ID = new Map(PROVIDERS.map((p) => [p.id, p]));

export function findProvider(id: string): ProviderProfile | undefined {
  return BY_ID.get(id);
}

export function providerSupportsProduct(provider: ProviderProfile, product: string): boolean {
  if (product === 'deduction') return provider.products.includes('benefits') || provider.products.includes('deduction');
  return provider.products.includes(product);
}

/** Providers offered by Connect for a session's sandbox mode. */
export function providersForSandboxMode(mode: 'finch' | 'provider' | null): ProviderProfile[] {
  if (mode === 'provider') return PROVIDERS.filter((p) => p.providerSandbox);
  return [...PROVIDERS];
}
