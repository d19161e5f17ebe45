/**
 * Pay-statement item rules: through the explorer's service against the embedded simulator
 * (create → the items show the metadata → update → delete, each on the timeline with its request
 * id), and the typed confirmation that Development and Production ask before anything is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '@main/core';
import { PayItemRules } from '@main/features/explorer/pay-item-rules';
import type { ConnectionLifecycle } from '@main/platform/workspace/connection-lifecycle';
import type { ConnectionService } from '@main/platform/workspace/connection-service';
import type { EnvironmentService } from '@main/platform/workspace/environment-service';
import { CreateRuleInputSchema } from '@shared/domain/pay-item-rules';
import { startTestCore } from '../support/test-core';

let core: WorkbenchCore;
beforeAll(async () => {
  core = await startTestCore('pay-item-rules');
});
afterAll(() => core.close());

type Item = { name: string; category: string; attributes: { metadata: Record<string, unknown> | null } };
async function items(connectionId: string): Promise<Item[]> {
  const read = await core.explorer.payStatementItems('local', connectionId, { categories: ['earnings'] });
  return (read.data as { responses: Item[] }).responses;
}

describe('pay-statement item rules on the simulator', () => {
  it('create, list, the items carry the metadata, update, delete — each recorded with its request id', async () => {
    const c = await core.connections.createSandbox('local', { providerId: 'gusto', employeeSize: 5 });
    const earning = (await items(c.id))[0]!;
    expect(earning.attributes.metadata).toBeNull();

    const created = await core.payItemRules.create('local', {
      connectionId: c.id,
      conditions: [{ field: 'name', operator: 'equals', value: earning.name }],
      metadata: { gl_code: '5000', pretax: true },
      effectiveStartDate: '2026-01-01',
    });
    expect(created.rule).toMatchObject({
      conditions: [{ field: 'name', operator: 'equals', value: earning.name }],
      metadata: { gl_code: '5000', pretax: true },
      effectiveStartDate: '2026-01-01',
      priority: 1,
    });
    expect(created.rule.createdAt).toBeTruthy();
    expect(created.requestId).toBeTruthy();

    const list = await core.payItemRules.list('local', c.id);
    expect(list.rules.map((r) => r.id)).toEqual([created.rule.id]);
    expect((await items(c.id)).find((i) => i.name === earning.name)!.attributes.metadata).toEqual({ gl_code: '5000', pretax: true });

    const updated = await core.payItemRules.update('local', {
      connectionId: c.id,
      ruleId: created.rule.id,
      conditions: [{ field: 'name', operator: 'equals', value: earning.name }],
      metadata: { gl_code: '6000' },
    });
    expect(updated.rule.metadata).toEqual({ gl_code: '6000' });
    expect((await items(c.id)).find((i) => i.name === earning.name)!.attributes.metadata).toEqual({ gl_code: '6000' });

    const deleted = await core.payItemRules.delete('local', { connectionId: c.id, ruleId: created.rule.id });
    expect(deleted.rule.deletedAt).toBeTruthy();
    expect((await core.payItemRules.list('local', c.id)).rules).toEqual([]);
    expect((await items(c.id)).find((i) => i.name === earning.name)!.attributes.metadata).toBeNull();

    const events = core.connections.timeline('local', c.id).filter((e) => e.type === 'pay_item_rule_changed');
    expect(events.map((e) => e.detail['act'])).toEqual(['delete', 'update', 'create']);
    expect(events.map((e) => e.requestIds)).toEqual([[deleted.requestId], [updated.requestId], [created.requestId]]);
  });

  it('a refused change is on the timeline with Finch’s request id', async () => {
    const c = await core.connections.createSandbox('local', { providerId: 'gusto', employeeSize: 5 });
    const refused = await core.payItemRules.delete('local', { connectionId: c.id, ruleId: 'no-such-rule' }).catch((e: unknown) => e);
    expect((refused as Error).message).toMatch(/Rule no-such-rule not found/);
    const failed = core.connections.timeline('local', c.id).find((e) => e.type === 'pay_item_rule_failed');
    expect(failed?.requestIds).toEqual([(refused as { details: { requestId: string } }).details.requestId]);
  });
});

describe('rule input', () => {
  it('names the field at fault: no condition, an empty value, an end before the start, a metadata key left empty', () => {
    const bad = CreateRuleInputSchema.safeParse({
      connectionId: 'c',
      conditions: [{ field: 'name', operator: 'equals', value: ' ' }],
      metadata: { '': 1 },
      effectiveStartDate: '2026-05-01',
      effectiveEndDate: '2026-04-01',
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(['conditions.0.value', 'metadata.']);
    const order = CreateRuleInputSchema.safeParse({
      connectionId: 'c',
      conditions: [{ field: 'name', operator: 'equals', value: 'Salary' }],
      metadata: {},
      effectiveStartDate: '2026-05-01',
      effectiveEndDate: '2026-04-01',
    });
    expect(order.error!.issues.map((i) => i.path.join('.'))).toEqual(['effectiveEndDate']);
    expect(CreateRuleInputSchema.safeParse({ connectionId: 'c', conditions: [], metadata: {} }).error!.issues[0]!.path).toEqual([
      'conditions',
    ]);
  });
});

describe('typed confirmation outside Sandbox', () => {
  function setup(kind: 'development' | 'production' | 'sandbox') {
    const sent: unknown[] = [];
    const answer = (data: unknown) => ({ withResponse: async () => ({ data, response: new Response() }) });
    const client = {
      hris: {
        payStatementItem: {
          rules: { create: (body: unknown) => (sent.push(body), answer({ id: 'r-1', priority: 1, conditions: [], attributes: {} })) },
        },
      },
    };
    const lifecycle = {
      read: async (_e: string, _c: string, fn: (c: unknown) => { withResponse(): Promise<{ data: unknown }> }) => ({
        data: (await fn(client).withResponse()).data,
        status: 201,
        requestId: 'req-1',
      }),
    } as unknown as ConnectionLifecycle;
    const events: string[] = [];
    const connections = {
      get: () => ({ id: 'conn-1', customerName: 'Harbor Dental', disconnectedAt: null }),
      recordEvent: (_e: string, _c: string, _cu: null, type: string) => (events.push(type), 1),
    } as unknown as ConnectionService;
    const environments = { get: () => ({ id: 'env', kind, name: 'Env' }) } as unknown as EnvironmentService;
    return { rules: new PayItemRules({ environments, connections, lifecycle }), sent, events };
  }
  const input = { connectionId: 'conn-1', conditions: [{ field: 'name', operator: 'equals' as const, value: 'Salary' }], metadata: {} };

  for (const kind of ['development', 'production'] as const) {
    it(`${kind}: refused until the customer name is typed exactly, and nothing is sent`, async () => {
      const { rules, sent, events } = setup(kind);
      const refused = await rules.create('env', input).catch((e: unknown) => e);
      expect(refused).toMatchObject({ kind: 'validation', details: { fields: [{ path: 'confirmName' }] } });
      expect((refused as Error).message).toContain('Type “Harbor Dental” to create a pay-statement item rule');
      await expect(rules.create('env', { ...input, confirmName: 'harbor dental' })).rejects.toThrow();
      expect(sent).toEqual([]);
      expect(events).toEqual([]);
      await rules.create('env', { ...input, confirmName: 'Harbor Dental' });
      expect(sent).toHaveLength(1);
      expect(events).toEqual(['pay_item_rule_changed']);
    });
  }

  it('sandbox: goes ahead without a name', async () => {
    const { rules, sent } = setup('sandbox');
    await rules.create('env', input);
    expect(sent).toEqual([
      {
        conditions: [{ field: 'name', operator: 'equals', value: 'Salary' }],
        attributes: { metadata: {} },
        entity_type: 'pay_statement_item',
      },
    ]);
  });
});

describe('hostile metadata', () => {
  it('a value nested 100,000 levels deep gets a field error instead of exhausting the stack (found by the IPC fuzz)', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const result = CreateRuleInputSchema.safeParse({
      connectionId: 'c',
      conditions: [{ field: 'name', operator: 'equals', value: 'Salary' }],
      metadata: { k: deep },
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['metadata.k']);
  });
});
