/**
 * Built-in scenarios, one per line of Finch's Successful Integration Checklist that a fault can
 * test, plus the combined storm the lab's acceptance runs. Each is a list of ordinary rules: a
 * user can start from one and edit it.
 */
import type { ScenarioRule } from '@shared/domain/integration-lab';
import { ScenarioRuleSchema } from '@shared/domain/integration-lab';
import type { ScenarioPreset } from '@shared/contract/integration-lab';

const DATA_PRODUCTS = ['company', 'directory', 'individual', 'employment', 'payment', 'pay-statement', 'pay-groups', 'benefits'];
const BATCH_PRODUCTS = ['individual', 'employment', 'pay-statement'];

/** Parsed through the contract's schema, so a preset can never hold a rule the IPC would refuse. */
const rules = (list: Record<string, unknown>[]): ScenarioRule[] => list.map((r) => ScenarioRuleSchema.parse(r));

export const STORM_PRESET_ID = 'storm-reauth-batch';

export const PRESETS: readonly ScenarioPreset[] = [
  {
    id: STORM_PRESET_ID,
    name: 'Rate-limit storm + reauth + batch errors',
    description:
      'One connection needs reauthentication (401 reauthenticate_user on every data call), a quarter of data calls get 429 with Retry-After 2 s (at most 12), and batch reads come back with per-item 404s and 500s (at most 6).',
    rules: rules([
      { id: 'reauth-one-connection', inject: 'reauthenticate', pathPrefix: '/employer/' },
      { id: 'storm-429', inject: 'rate_limit', products: DATA_PRODUCTS, probability: 0.25, count: 12, retryAfterSeconds: 2 },
      { id: 'batch-item-errors', inject: 'batch_item_errors', products: BATCH_PRODUCTS, count: 6 },
    ]),
  },
  {
    id: 'rate-limit-storm',
    name: 'Rate-limit storm (per product)',
    description: 'Half of data calls get 429 finch_application_rl with Retry-After 5 s: does your limiter wait, and not retry at once?',
    rules: rules([{ id: 'product-429', inject: 'rate_limit', products: DATA_PRODUCTS, probability: 0.5, retryAfterSeconds: 5 }]),
  },
  {
    id: 'application-rate-limit',
    name: 'Application-wide 429',
    description: 'Every call for 30 s gets 429 with Retry-After 10 s, whatever the product.',
    rules: rules([{ id: 'app-429', inject: 'rate_limit', applicationWide: true, toMs: 30_000, retryAfterSeconds: 10 }]),
  },
  {
    id: 'server-error-burst',
    name: '5xx burst',
    description: 'The next 3 data calls get 500, then 2 get 503: are 5xx retried a bounded number of times with growing delay?',
    rules: rules([
      { id: 'burst-500', inject: 'server_error', status: 500, products: DATA_PRODUCTS, count: 3 },
      { id: 'burst-503', inject: 'server_error', status: 503, products: DATA_PRODUCTS, count: 2 },
    ]),
  },
  {
    id: 'timeouts-and-drops',
    name: 'Timeouts and dropped connections',
    description: 'One data call is held 15 s and hung up without an answer; two are dropped at once.',
    rules: rules([
      { id: 'hold-then-hang-up', inject: 'timeout', products: DATA_PRODUCTS, count: 1, latencyMs: 15_000 },
      { id: 'drop', inject: 'drop', products: DATA_PRODUCTS, count: 2 },
    ]),
  },
  {
    id: 'sync-in-progress',
    name: '202 data sync in progress',
    description: 'The first 3 data calls get 202 data_sync_in_progress: does your app wait and ask again later?',
    rules: rules([{ id: 'sync-202', inject: 'sync_in_progress', products: DATA_PRODUCTS, count: 3 }]),
  },
  {
    id: 'reauthenticate',
    name: 'Reauthentication on one connection',
    description:
      'The first connection that calls gets 401 reauthenticate_user from then on: do its data calls stop and a reauthentication session start?',
    rules: rules([{ id: 'reauth', inject: 'reauthenticate', pathPrefix: '/employer/' }]),
  },
  {
    id: 'batch-item-errors',
    name: 'Batch items with errors',
    description: 'Batch reads come back 200 with per-item 404s and 500s: is only the failed part retried, not the whole batch in a loop?',
    rules: rules([{ id: 'batch-errors', inject: 'batch_item_errors', products: BATCH_PRODUCTS }]),
  },
  {
    id: 'all-null',
    name: 'Every nullable field null',
    description: 'Data answers with every field the spec allows to be null set to null: does your app keep going?',
    rules: rules([{ id: 'all-null', inject: 'all_null', products: DATA_PRODUCTS }]),
  },
  {
    id: 'slow-provider',
    name: 'Slow provider',
    description: 'Every data call takes 1.5 s longer, as a provider read live before the first sync does.',
    rules: rules([{ id: 'slow', inject: 'latency', products: DATA_PRODUCTS, latencyMs: 1_500 }]),
  },
];

export function presetById(id: string): ScenarioPreset | undefined {
  return PRESETS.find((p) => p.id === id);
}
