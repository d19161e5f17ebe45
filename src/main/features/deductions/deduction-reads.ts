/**
 * What the Deductions screen reads: the provider's benefit support (GET /providers, for the
 * connection's authentication method), the company's benefits, who is enrolled in one and with
 * what amounts, and the directory to pick people from. Every answer carries its request ids.
 */
import type {
  BenefitList,
  BenefitSupport,
  BenefitTypeSupport,
  CompanyContribution,
  EmployeeDeduction,
  EnrollmentList,
  PickablePerson,
} from '@shared/domain/deductions';
import { BENEFIT_TYPES } from '@shared/domain/deductions';
import { rawBody } from '@main/platform/reads/finch-read';
import type { ConnectionLifecycle } from '@main/platform/workspace/connection-lifecycle';
import type { ConnectionService } from '@main/platform/workspace/connection-service';

const PAGE = 500;
const MAX_PEOPLE = 50_000;
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** One authentication method's `benefits_support` as a row per benefit type (every type Finch knows, listed or not). */
export function supportRows(benefitsSupport: unknown): BenefitTypeSupport[] {
  const support = isObject(benefitsSupport) ? benefitsSupport : {};
  const types = [...new Set([...BENEFIT_TYPES, ...Object.keys(support)])];
  return types.map((type) => {
    const entry = support[type];
    const features = isObject(entry) && isObject(entry['supported_features']) ? entry['supported_features'] : null;
    const operations = isObject(entry) && isObject(entry['supported_operations']) ? entry['supported_operations'] : {};
    return {
      type,
      supported: features !== null,
      description: text(features?.['description']),
      frequencies: strings(features?.['frequencies']),
      employeeDeduction: strings(features?.['employee_deduction']),
      companyContribution: strings(features?.['company_contribution']),
      annualMaximum: typeof features?.['annual_maximum'] === 'boolean' ? features['annual_maximum'] : null,
      catchUp: typeof features?.['catch_up'] === 'boolean' ? features['catch_up'] : null,
      hsaContributionLimit: strings(features?.['hsa_contribution_limit']),
      operations: Object.fromEntries(
        Object.entries(operations).map(([scope, ops]) => [
          scope,
          isObject(ops)
            ? Object.entries(ops)
                .filter(([, v]) => v === 'supported')
                .map(([k]) => k)
            : [],
        ]),
      ),
    };
  });
}

export class DeductionReads {
  constructor(private readonly options: { lifecycle: ConnectionLifecycle; connections: ConnectionService }) {}

  async support(environmentId: string, connectionId: string): Promise<BenefitSupport> {
    const connection = this.options.connections.get(environmentId, connectionId);
    const [providers, introspection] = await Promise.all([
      this.options.lifecycle.read(environmentId, connectionId, (client) => client.providers.list()),
      this.options.lifecycle.read(environmentId, connectionId, (client) => client.account.introspect()),
    ]);
    const list = (rawBody(providers.data) ?? []) as Json[];
    const providerId = connection.providerId ?? text((introspection.data as unknown as Json)['provider_id']) ?? '';
    const provider = (Array.isArray(list) ? list : []).find((p) => p['id'] === providerId) ?? {};
    const methods = (Array.isArray(provider['authentication_methods']) ? provider['authentication_methods'] : []) as Json[];
    const connected = (introspection.data as unknown as Json)['authentication_methods'];
    const connectedType = Array.isArray(connected) && isObject(connected[0]) ? text(connected[0]['type']) : null;
    const method = methods.find((m) => m['type'] === connectedType) ?? methods.find((m) => isObject(m['benefits_support'])) ?? null;
    return {
      providerId,
      providerName: text(provider['display_name']) ?? providerId,
      authenticationMethod: method ? text(method['type']) : null,
      types: supportRows(method?.['benefits_support']),
      deductionProduct: strings(provider['products']).some((p) => p === 'deduction' || p === 'benefits'),
      requestIds: [providers.requestId, introspection.requestId].filter((id): id is string => id !== null),
    };
  }

  async benefits(environmentId: string, connectionId: string): Promise<BenefitList> {
    const result = await this.options.lifecycle.read(environmentId, connectionId, (client) => client.hris.benefits.list());
    const body = rawBody(result.data);
    const rows = (Array.isArray(body) ? body : []) as Json[];
    return {
      benefits: rows.map((b) => ({
        benefitId: String(b['benefit_id'] ?? ''),
        type: text(b['type']),
        description: text(b['description']),
        frequency: text(b['frequency']),
        companyContribution: b['company_contribution'] ?? null,
      })),
      requestIds: result.requestId ? [result.requestId] : [],
      pending: result.status === 202,
    };
  }

  /** Who is enrolled in a benefit, with their current amounts; names from the directory. */
  async enrollments(environmentId: string, connectionId: string, benefitId: string): Promise<EnrollmentList> {
    const [details, people] = await Promise.all([
      this.options.lifecycle.read(environmentId, connectionId, (client) =>
        client.hris.benefits.individuals.retrieveManyBenefits(benefitId),
      ),
      this.people(environmentId, connectionId),
    ]);
    const names = new Map(people.people.map((p) => [p.individualId, p.name]));
    const items = (Array.isArray(rawBody(details.data)) ? rawBody(details.data) : []) as Json[];
    return {
      benefitId,
      people: items.map((item) => {
        const body = isObject(item['body']) ? item['body'] : {};
        const code = typeof item['code'] === 'number' ? item['code'] : null;
        const id = String(item['individual_id'] ?? '');
        return {
          individualId: id,
          name: names.get(id) ?? null,
          code,
          employeeDeduction: (isObject(body['employee_deduction']) ? body['employee_deduction'] : null) as EmployeeDeduction | null,
          companyContribution: (isObject(body['company_contribution']) ? body['company_contribution'] : null) as CompanyContribution | null,
          annualMaximum: typeof body['annual_maximum'] === 'number' ? body['annual_maximum'] : null,
          catchUp: typeof body['catch_up'] === 'boolean' ? body['catch_up'] : null,
          hsaContributionLimit: text(body['hsa_contribution_limit']),
          error: code !== null && code >= 400 ? (text(body['message']) ?? `code ${code}`) : null,
        };
      }),
      requestIds: [details.requestId, ...people.requestIds].filter((id): id is string => id !== null),
    };
  }

  /** The whole directory, page by page, as the enrollment picker lists it. */
  async people(environmentId: string, connectionId: string): Promise<{ people: PickablePerson[]; requestIds: string[] }> {
    const people: PickablePerson[] = [];
    const requestIds: string[] = [];
    for (let offset = 0; offset < MAX_PEOPLE;) {
      const page = await this.options.lifecycle.read(environmentId, connectionId, (client) =>
        client.hris.directory.list({ limit: PAGE, offset }),
      );
      if (page.requestId) requestIds.push(page.requestId);
      const body = (rawBody(page.data) ?? {}) as { individuals?: Json[]; paging?: { count?: number } };
      const batch = Array.isArray(body.individuals) ? body.individuals : [];
      for (const p of batch) {
        const name = [text(p['first_name']), text(p['middle_name']), text(p['last_name'])].filter(Boolean).join(' ');
        people.push({
          individualId: String(p['id'] ?? ''),
          name: name || String(p['id'] ?? ''),
          department: isObject(p['department']) ? text(p['department']['name']) : null,
          active: typeof p['is_active'] === 'boolean' ? p['is_active'] : null,
        });
      }
      offset += batch.length;
      if (batch.length === 0 || offset >= (body.paging?.count ?? offset)) break;
    }
    return { people, requestIds };
  }
}
