/**
 * Finch's published rate limits (per application = client_id, per product, rolling 60 s)
 * and which product a request path counts against. Paths without a published limit are
 * not throttled by us (Finch still guards them per IP).
 */
export const RATE_WINDOW_MS = 60_000;

export const PRODUCT_LIMITS: Readonly<Record<string, number>> = {
  company: 20,
  directory: 20,
  individual: 20,
  employment: 20,
  'pay-statement-item': 20,
  payment: 12,
  'pay-groups': 12,
  'pay-statement': 12,
};

const PATH_PRODUCTS: [RegExp, string][] = [
  [/^\/employer\/company\/?$/, 'company'],
  [/^\/employer\/directory\/?$/, 'directory'],
  [/^\/employer\/individual\/?$/, 'individual'],
  [/^\/employer\/employment\/?$/, 'employment'],
  [/^\/employer\/pay-statement-item(\/|$)/, 'pay-statement-item'],
  [/^\/employer\/payment\/?$/, 'payment'],
  [/^\/employer\/pay-groups(\/|$)/, 'pay-groups'],
  [/^\/employer\/pay-statement\/?$/, 'pay-statement'],
  [/^\/employer\/benefits(\/|$)/, 'benefits'],
  [/^\/employer\/documents(\/|$)/, 'documents'],
];

/** The product a request counts against, from its URL path (query string ignored). */
export function productForPath(path: string): string | null {
  const bare = path.split('?')[0] ?? path;
  for (const [pattern, product] of PATH_PRODUCTS) if (pattern.test(bare)) return product;
  return null;
}
