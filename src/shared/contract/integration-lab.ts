/**
 * The Integration lab: the local Finch proxy your backend calls instead of Finch, the scenario
 * it applies, and the calls it saw. Part of THE IPC contract (./index.ts assembles it).
 */
import { z } from 'zod';
import { ObservedCallSchema, ScenarioRuleSchema, ScorecardSchema } from '../domain/integration-lab';
import { channel, event } from '../ipc/contract-kit';
import { NoInput } from './common';

/** Where the proxy forwards: the built-in simulator, or the active environment's Finch API. */
export const ProxyUpstreamKindSchema = z.enum(['local', 'environment']);
export type ProxyUpstreamKind = z.infer<typeof ProxyUpstreamKindSchema>;

export const ProxyStatusSchema = z.object({
  running: z.boolean(),
  /** `http://127.0.0.1:PORT`: what your SDK's baseURL (or FINCH_BASE_URL) is set to. */
  url: z.string().nullable(),
  port: z.number().nullable(),
  upstream: z
    .object({
      kind: ProxyUpstreamKindSchema,
      environmentId: z.string(),
      environmentName: z.string(),
      /** Production: non-GET calls are refused unless the environment is armed. */
      production: z.boolean(),
      baseUrl: z.string(),
    })
    .nullable(),
  /** The lab session: the calls, the scorecard and `calls` cover this session only. */
  session: z.string(),
  sessionStartedAt: z.number(),
  /** Attempts seen in this session (the in-memory list keeps the latest 50,000). */
  callsSeen: z.number(),
});
export type ProxyStatus = z.infer<typeof ProxyStatusSchema>;

const RulesSchema = z
  .array(ScenarioRuleSchema)
  .max(50)
  .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, { message: 'rule ids must be unique' });

export const ScenarioPresetSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** What it stresses, in the checklist's words. */
  description: z.string(),
  rules: z.array(ScenarioRuleSchema),
});
export type ScenarioPreset = z.infer<typeof ScenarioPresetSchema>;

export const ActiveScenarioSchema = z.object({
  /** The preset it came from, or null for your own rules (or none). */
  presetId: z.string().nullable(),
  name: z.string(),
  rules: z.array(ScenarioRuleSchema),
  /** The rules' time windows count from here (ms since epoch). */
  startedAt: z.number(),
  /** Seed of the random draws of rules with a probability below 1: same seed, same choices. */
  seed: z.number(),
  /** How many answers each rule shaped so far (rule id → count). */
  fired: z.record(z.string(), z.number()),
});
export type ActiveScenario = z.infer<typeof ActiveScenarioSchema>;

export const SetScenarioInputSchema = z
  .object({
    /** Your own rules (an empty list turns injection off). */
    rules: RulesSchema.optional(),
    /** Or a built-in preset's id. */
    presetId: z.string().min(1).max(80).optional(),
    seed: z.number().int().min(0).max(0xffffffff).optional(),
  })
  .strict()
  .refine((input) => (input.rules === undefined) !== (input.presetId === undefined), {
    message: 'give either rules or a presetId',
    path: ['rules'],
  });

export const integrationLabChannels = {
  integrationLab: {
    start: channel({
      input: z
        .object({
          /** 1024–65535, or absent for a random free port. */
          port: z.number().int().min(1024, 'must be 1024 or more').max(65535, 'must be 65535 or less').optional(),
          upstream: ProxyUpstreamKindSchema,
        })
        .strict(),
      output: ProxyStatusSchema,
      summary: 'Start the local Finch proxy on 127.0.0.1 (upstream: the built-in simulator or the active environment)',
    }),
    stop: channel({ input: NoInput, output: ProxyStatusSchema, summary: 'Stop the proxy (the session’s calls stay)' }),
    status: channel({ input: NoInput, output: ProxyStatusSchema, summary: 'Whether the proxy runs, its URL, upstream and calls seen' }),
    presets: channel({
      input: NoInput,
      output: z.array(ScenarioPresetSchema),
      summary: 'Built-in scenarios mirroring Finch’s integration checklist',
    }),
    setScenario: channel({
      input: SetScenarioInputSchema,
      output: ActiveScenarioSchema,
      summary: 'Apply rules (or a preset) to what the proxy answers from now on',
    }),
    scenario: channel({ input: NoInput, output: ActiveScenarioSchema, summary: 'The scenario in force and how often each rule fired' }),
    calls: channel({
      input: z
        .object({
          /** Only calls logged after this request log row. */
          sinceLogId: z.number().int().nonnegative().optional(),
          limit: z.number().int().min(1).max(50_000).optional(),
        })
        .strict(),
      output: z.array(ObservedCallSchema),
      summary: 'The calls your app made through the proxy in this session, oldest first',
    }),
    reset: channel({
      input: NoInput,
      output: ProxyStatusSchema,
      summary: 'Start a new lab session (earlier calls stay in the request log)',
    }),
    scorecard: channel({
      input: NoInput,
      output: ScorecardSchema,
      summary: 'This session’s calls graded against Finch’s integration checklist, with the request log rows behind each verdict',
    }),
    callsArrived: event({ payload: z.array(ObservedCallSchema), summary: 'The proxy saw new calls (batched)' }),
  },
} as const;
