/**
 * Pay-statement item rules (`/employer/pay-statement-item/rule`): list, create, update, delete.
 * A rule reclassifies an employer's pay items for every reader of the connection, so each write
 * is a destructive act: refused in a disarmed Production (the handler map's guard), the
 * customer's name typed in Development and Production (checked here), and recorded on the
 * connection's timeline with its request id, failures too.
 */
import type Finch from '@tryfinch/finch-api';
import type { RuleCreateParams, RuleUpdateParams } from '@tryfinch/finch-api/resources/hris/pay-statement-item/rules';
import type { CreateRuleInput, DeleteRuleInput, RuleList, RuleView, RuleWriteResult, UpdateRuleInput } from '@shared/domain/pay-item-rules';
import { WorkbenchError } from '@main/platform/errors';
import type { WithResponse } from '@main/platform/finch/gateway';
import { rawBody } from '@main/platform/reads/finch-read';
import type { ConnectionLifecycle } from '@main/platform/workspace/connection-lifecycle';
import type { ConnectionService } from '@main/platform/workspace/connection-service';
import type { EnvironmentService } from '@main/platform/workspace/environment-service';
import { requireCustomerNameTyped } from '@main/platform/workspace/typed-confirmation';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** One rule as Finch answered it, in the panel's shape (missing fields as null, never guessed). */
export function ruleView(raw: unknown): RuleView {
  const r = isObject(raw) ? raw : {};
  const attributes = isObject(r['attributes']) ? r['attributes'] : {};
  const conditions = Array.isArray(r['conditions']) ? r['conditions'] : [];
  return {
    id: text(r['id']) ?? '',
    conditions: conditions.filter(isObject).map((c) => ({
      field: String(c['field'] ?? ''),
      operator: String(c['operator'] ?? 'equals'),
      value: String(c['value'] ?? ''),
    })),
    metadata: isObject(attributes['metadata']) ? attributes['metadata'] : null,
    effectiveStartDate: text(r['effective_start_date']),
    effectiveEndDate: text(r['effective_end_date']),
    priority: typeof r['priority'] === 'number' ? r['priority'] : null,
    createdAt: text(r['created_at']),
    updatedAt: text(r['updated_at']),
    deletedAt: text(r['deleted_at']),
  };
}

/** The panel's input as Finch's request body (create and update send the same fields). */
export function ruleBody(input: CreateRuleInput | UpdateRuleInput): RuleCreateParams {
  return {
    conditions: input.conditions.map((c) => ({ field: c.field, operator: 'equals', value: c.value })),
    attributes: { metadata: input.metadata },
    entity_type: 'pay_statement_item',
    ...(input.effectiveStartDate ? { effective_start_date: input.effectiveStartDate } : {}),
    ...(input.effectiveEndDate ? { effective_end_date: input.effectiveEndDate } : {}),
  };
}

const describeRule = (input: CreateRuleInput | UpdateRuleInput) => input.conditions.map((c) => `${c.field} = “${c.value}”`).join(' and ');

export class PayItemRules {
  constructor(
    private readonly options: { environments: EnvironmentService; connections: ConnectionService; lifecycle: ConnectionLifecycle },
  ) {}

  async list(environmentId: string, connectionId: string): Promise<RuleList> {
    const result = await this.options.lifecycle.read(environmentId, connectionId, (client) => client.hris.payStatementItem.rules.list());
    const body = rawBody(result.data);
    const responses = isObject(body) && Array.isArray(body['responses']) ? body['responses'] : Array.isArray(body) ? body : [];
    return { rules: responses.map(ruleView), requestIds: result.requestId ? [result.requestId] : [] };
  }

  async create(environmentId: string, input: CreateRuleInput): Promise<RuleWriteResult> {
    this.confirm(environmentId, input.connectionId, input.confirmName, 'create a pay-statement item rule');
    return this.write(environmentId, input.connectionId, 'create', `Rule: ${describeRule(input)}`, (client) =>
      client.hris.payStatementItem.rules.create(ruleBody(input)),
    );
  }

  async update(environmentId: string, input: UpdateRuleInput): Promise<RuleWriteResult> {
    this.confirm(environmentId, input.connectionId, input.confirmName, 'change a pay-statement item rule');
    // Finch's spec nests UpdateRuleRequest's fields under a stray `optionalProperty` (a generator
    // artefact the SDK copied); its docs and the create call take them at the top level, as sent here.
    return this.write(environmentId, input.connectionId, 'update', `Rule ${input.ruleId}: ${describeRule(input)}`, (client) =>
      client.hris.payStatementItem.rules.update(input.ruleId, ruleBody(input) as RuleUpdateParams),
    );
  }

  async delete(environmentId: string, input: DeleteRuleInput): Promise<RuleWriteResult> {
    this.confirm(environmentId, input.connectionId, input.confirmName, 'delete a pay-statement item rule');
    return this.write(environmentId, input.connectionId, 'delete', `Rule ${input.ruleId}`, (client) =>
      client.hris.payStatementItem.rules.delete(input.ruleId),
    );
  }

  private confirm(environmentId: string, connectionId: string, typed: string | undefined, act: string): void {
    const connection = this.options.connections.get(environmentId, connectionId);
    if (connection.disconnectedAt !== null)
      throw new WorkbenchError('conflict', 'This connection is disconnected: its rules cannot change.');
    requireCustomerNameTyped(
      this.options.environments.get(environmentId),
      connection,
      typed,
      act,
      'it changes how the employer’s pay items are classified for every reader',
    );
  }

  private async write(
    environmentId: string,
    connectionId: string,
    act: 'create' | 'update' | 'delete',
    title: string,
    fn: (client: Finch) => WithResponse<unknown>,
  ): Promise<RuleWriteResult> {
    try {
      const result = await this.options.lifecycle.read(environmentId, connectionId, fn);
      const rule = ruleView(result.data);
      this.options.connections.recordEvent(environmentId, connectionId, null, 'pay_item_rule_changed', { act, title, ruleId: rule.id }, [
        result.requestId,
      ]);
      return { rule, requestId: result.requestId };
    } catch (error) {
      const requestId = (error as { details?: { requestId?: string } }).details?.requestId ?? null;
      this.options.connections.recordEvent(
        environmentId,
        connectionId,
        null,
        'pay_item_rule_failed',
        { act, title, error: (error as Error).message },
        [requestId],
      );
      throw error;
    }
  }
}
