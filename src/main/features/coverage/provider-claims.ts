/**
 * What GET /providers says a provider supports: the products it offers and, per
 * authentication method, `supported_fields` (shape of the spec's SupportedFields: one object
 * per product whose leaves are booleans). Looked up by catalog path so coverage can put
 * "Finch says supported" beside "came back null".
 */
import type { CatalogProduct } from '@shared/domain/coverage';

type Flags = { [key: string]: unknown };

export interface ProviderEntry {
  id?: string;
  products?: string[];
  authentication_methods?: { type?: string; supported_fields?: Flags | null }[];
}

export interface ProviderClaims {
  state: 'found' | 'provider_unknown' | 'no_supported_fields' | 'unavailable';
  authMethod: string | null;
  offers(product: CatalogProduct): boolean | null;
  supported(product: CatalogProduct, path: string): boolean | null;
}

/** Where each product's record fields sit inside `supported_fields`. */
const SECTION: Record<CatalogProduct, string[]> = {
  company: ['company'],
  directory: ['directory', 'individuals'],
  individual: ['individual'],
  employment: ['employment'],
  payment: ['payment'],
  pay_statement: ['pay_statement', 'pay_statements'],
};

export const NO_CLAIMS: ProviderClaims = { state: 'unavailable', authMethod: null, offers: () => null, supported: () => null };

/**
 * Picks the provider and the authentication method the connection uses (when known; else the
 * first method that declares fields).
 */
export function providerClaims(providers: readonly ProviderEntry[], providerId: string | null, authMethod: string | null): ProviderClaims {
  const provider = providers.find((p) => p.id === providerId);
  if (!provider) return { ...NO_CLAIMS, state: 'provider_unknown' };
  const methods = provider.authentication_methods ?? [];
  const method = methods.find((m) => m.type === authMethod && m.supported_fields) ?? methods.find((m) => m.supported_fields);
  const fields = method?.supported_fields ?? null;
  const offered = new Set(provider.products ?? []);
  return {
    state: fields ? 'found' : 'no_supported_fields',
    authMethod: method?.type ?? authMethod,
    offers: (product) => (provider.products ? offered.has(product) : null),
    supported: (product, path) => (fields ? lookup(fields, [...SECTION[product], ...path.replace(/\[\]/g, '').split('.')]) : null),
  };
}

/** A boolean on the way down answers for everything below it; an object answers when its leaves agree. */
function lookup(flags: Flags, keys: string[]): boolean | null {
  let node: unknown = flags;
  for (const key of keys) {
    if (typeof node === 'boolean') return node;
    if (node === null || typeof node !== 'object' || !(key in (node as Flags))) return null;
    node = (node as Flags)[key];
  }
  if (typeof node === 'boolean') return node;
  const leaves = collectLeaves(node);
  if (leaves.length === 0) return null;
  return leaves.every(Boolean) ? true : leaves.every((l) => !l) ? false : null;
}

function collectLeaves(node: unknown): boolean[] {
  if (typeof node === 'boolean') return [node];
  if (node === null || typeof node !== 'object') return [];
  return Object.values(node as Flags).flatMap(collectLeaves);
}
