/**
 * Pay statement items (the distinct earnings, taxes, deductions and contributions found in a
 * connection's pay statements) and the rules that attach metadata to them.
 */
import { randomUUID } from 'node:crypto';
import { isoDateTime } from '../data/dates';
import type { PayStatementRecord } from '../data/pay-statements';
import { errors } from '../http/finch-errors';
import type { RequestContext, RouteDef, RouteResult } from '../server/router';
import { requireConnection } from '../server/router';
import type { RuleRecord } from '../model/types';
import { entityFilter, viewOf } from './employer-org';
import type { JsonObject } from './input';
import { isObject, listParam, optionalDay, optionalObjectBody } from './input';

const CATEGORIES = ['earnings', 'taxes', 'employee_deductions', 'employer_contributions'] as const;
type Category = (typeof CATEGORIES)[number];

interface Item {
  name: string;
  category: Category;
  type: string | null;
  preTax: boolean | null;
  employer: boolean | null;
}

function collectItems(statements: Iterable<PayStatementRecord>, into: Map<string, Item>): void {
  for (const s of statements) {
    for (const e of s.earnings ?? []) add(into, { name: e.name, category: 'earnings', type: e.type, preTax: null, employer: null });
    for (const t of s.taxes ?? []) add(into, { name: t.name, category: 'taxes', type: t.type, preTax: null, employer: t.employer });
    for (const d of s.employee_deductions ?? [])
      add(into, { name: d.name, category: 'employee_deductions', type: d.type, preTax: d.pre_tax, employer: null });
    for (const c of s.employer_contributions ?? [])
      add(into, { name: c.name, category: 'employer_contributions', type: c.type, preTax: null, employer: null });
  }
}

function add(into: Map<string, Item>, item: Item): void {
  if (!item.name) return;
  const key = `${item.category}\u0000${item.name}\u0000${String(item.employer)}`;
  if (!into.has(key)) into.set(key, item);
}

function ruleMatches(rule: RuleRecord, item: Item): boolean {
  const conditions = Array.isArray(rule.body['conditions']) ? (rule.body['conditions'] as JsonObject[]) : [];
  return conditions.every((c) => {
    const field = c['field'];
    const value = c['value'];
    if (field === 'name') return item.name === value;
    if (field === 'type') return item.type === value;
    if (field === 'category') return item.category === value;
    return false;
  });
}

function activeRules(ctx: RequestContext, connectionId: string): RuleRecord[] {
  return ctx.core.store.state.rules
    .filter((r) => r.connectionId === connectionId && r.deletedAt === null)
    .sort((a, b) => a.priority - b.priority);
}

function listItems(ctx: RequestContext): RouteResult {
  const c = requireConnection(ctx);
  entityFilter(c);
  const categories = listParam(ctx.query, 'categories');
  for (const category of categories) {
    if (!(CATEGORIES as readonly string[]).includes(category)) throw errors.invalidRequest(`Unknown category "${category}".`);
  }
  const start = optionalDay(ctx.query.get('start_date'), 'start_date');
  const end = optionalDay(ctx.query.get('end_date'), 'end_date');
  const name = ctx.query.get('name');
  const type = ctx.query.get('type');
  const items = new Map<string, Item>();
  for (const payment of viewOf(c).payments()) {
    if ((start && payment.payDate < start) || (end && payment.payDate > end)) continue;
    collectItems(payment.statements(), items);
  }
  const rules = activeRules(ctx, c.connection.id);
  const responses = [...items.values()]
    .filter((i) => categories.length === 0 || categories.includes(i.category))
    .filter((i) => !name || i.name === name)
    .filter((i) => !type || i.type === type)
    .map((i) => {
      const metadata: Record<string, unknown> = {};
      for (const rule of rules) {
        const attributes = rule.body['attributes'];
        if (ruleMatches(rule, i) && isObject(attributes) && isObject(attributes['metadata']))
          Object.assign(metadata, attributes['metadata']);
      }
      const attributes: Record<string, unknown> = { type: i.type, metadata: Object.keys(metadata).length > 0 ? metadata : null };
      if (i.category === 'employee_deductions') attributes['pre_tax'] = i.preTax;
      if (i.category === 'taxes') attributes['employer'] = i.employer;
      return { name: i.name, category: i.category, attributes };
    });
  return { status: 200, body: { responses } };
}

function ruleInput(body: unknown): JsonObject {
  const input = optionalObjectBody(body);
  const out: JsonObject = {};
  const start = optionalDay(input['effective_start_date'], 'effective_start_date');
  const end = optionalDay(input['effective_end_date'], 'effective_end_date');
  if (start) out['effective_start_date'] = start;
  if (end) out['effective_end_date'] = end;
  const conditions = input['conditions'];
  if (conditions !== undefined) {
    if (!Array.isArray(conditions)) throw errors.invalidRequest('"conditions" must be an array.');
    // Finch's own 400 example: "Validation error: Array must contain at least 1 element(s) at "conditions"".
    if (conditions.length === 0) throw errors.invalidRequest('"conditions" must contain at least one condition.');
    out['conditions'] = conditions.map((c, i) => {
      if (!isObject(c) || typeof c['field'] !== 'string' || typeof c['value'] !== 'string' || (c['operator'] ?? 'equals') !== 'equals') {
        throw errors.invalidRequest(`conditions[${i}] must be { field, operator: "equals", value } with string field and value.`);
      }
      return { field: c['field'], operator: 'equals', value: c['value'] };
    });
  }
  const attributes = input['attributes'];
  if (attributes !== undefined) {
    if (!isObject(attributes) || (attributes['metadata'] !== undefined && !isObject(attributes['metadata']))) {
      throw errors.invalidRequest('"attributes" must be { metadata: { ... } }.');
    }
    out['attributes'] = { metadata: attributes['metadata'] ?? {} };
  }
  const entityType = input['entity_type'] ?? 'pay_statement_item';
  if (entityType !== 'pay_statement_item') throw errors.invalidRequest('"entity_type" must be "pay_statement_item".');
  out['entity_type'] = entityType;
  return out;
}

function ruleBody(rule: RuleRecord): Record<string, unknown> {
  const body: Record<string, unknown> = {
    id: rule.id,
    priority: rule.priority,
    created_at: isoDateTime(rule.createdAt),
    updated_at: isoDateTime(rule.updatedAt),
    ...rule.body,
  };
  if (rule.deletedAt !== null) body['deleted_at'] = isoDateTime(rule.deletedAt);
  return body;
}

function findRule(ctx: RequestContext): RuleRecord {
  const { connection } = requireConnection(ctx);
  const rule = ctx.core.store.state.rules.find(
    (r) => r.id === ctx.params['rule_id'] && r.connectionId === connection.id && r.deletedAt === null,
  );
  // The spec documents an unknown rule as a 400 ("Rule <id> not found"), not a 404.
  if (!rule) throw errors.invalidRequest(`Rule ${ctx.params['rule_id'] ?? ''} not found`);
  return rule;
}

const RULES = { auth: 'bearer', data: true, products: ['pay_statement'], providerProduct: 'pay_statement' } as const;

export const payItemRoutes: RouteDef[] = [
  {
    ...RULES,
    operationId: 'get-pay-statement-item',
    method: 'GET',
    path: '/employer/pay-statement-item',
    rateLimit: 'pay_statement_item',
    handle: listItems,
  },
  {
    ...RULES,
    operationId: 'create-rule',
    method: 'POST',
    path: '/employer/pay-statement-item/rule',
    handle: (ctx) => {
      const { core, connection } = requireConnection(ctx);
      const body = ruleInput(ctx.body);
      const priority = 1 + activeRules(ctx, connection.id).reduce((max, r) => Math.max(max, r.priority), 0);
      const rule: RuleRecord = {
        id: randomUUID(),
        connectionId: connection.id,
        priority,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        deletedAt: null,
        body,
      };
      core.store.state.rules.push(rule);
      core.store.changed();
      return { status: 201, body: ruleBody(rule) };
    },
  },
  {
    ...RULES,
    operationId: 'get-rules',
    method: 'GET',
    path: '/employer/pay-statement-item/rule',
    handle: (ctx) => ({ status: 200, body: { responses: activeRules(ctx, requireConnection(ctx).connection.id).map(ruleBody) } }),
  },
  {
    ...RULES,
    operationId: 'update-rule',
    method: 'PUT',
    path: '/employer/pay-statement-item/rule/{rule_id}',
    handle: (ctx) => {
      const rule = findRule(ctx);
      rule.body = { ...rule.body, ...ruleInput(ctx.body) };
      rule.updatedAt = ctx.now;
      ctx.core.store.changed();
      return { status: 200, body: ruleBody(rule) };
    },
  },
  {
    ...RULES,
    operationId: 'delete-rule',
    method: 'DELETE',
    path: '/employer/pay-statement-item/rule/{rule_id}',
    handle: (ctx) => {
      const rule = findRule(ctx);
      rule.deletedAt = ctx.now;
      ctx.core.store.changed();
      return { status: 200, body: ruleBody(rule) };
    },
  },
];
