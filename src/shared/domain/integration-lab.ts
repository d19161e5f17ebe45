/**
 * The Integration lab: the user's own backend calls Finch through the workbench's local proxy,
 * which records every attempt ("your app" in the request log), can inject Finch's failures
 * (scenarios), and grades the traffic against Finch's Successful Integration Checklist (scorecard).
 *
 * This file is the one contract between the proxy (which records ObservedCalls and applies
 * ScenarioRules), the scorecard (a pure function of ObservedCalls) and the screen.
 */
import { z } from 'zod';

/** One attempt the proxy saw, as the scorecard reads it. Never a token, secret or code: only keyed fingerprints. */
export const ObservedCallSchema = z.object({
  /** The request log row it was written to. */
  logId: z.number().nullable(),
  /** When the request reached the proxy (ms since epoch). */
  at: z.number(),
  durationMs: z.number(),
  method: z.string(),
  /** Path without the query string, e.g. /employer/individual. */
  path: z.string(),
  /** Finch's rate-limit bucket (company, directory, individual, …; null for /auth, /introspect…). */
  product: z.string().nullable(),
  /** Null when no response was given (timeout or dropped connection, injected or upstream). */
  status: z.number().nullable(),
  requestId: z.string().nullable(),
  finchCode: z.string().nullable(),
  /** Retry-After the answer carried, in ms (429/503). */
  retryAfterMs: z.number().nullable(),
  /** The caller's application (client_id from Basic auth or the /auth/token body). */
  clientId: z.string().nullable(),
  /** Keyed fingerprint of the bearer token: which connection called, without the token. */
  connectionKey: z.string().nullable(),
  /** Sent by a browser: an Origin header, or a CORS preflight (OPTIONS with Access-Control-Request-Method). */
  fromBrowser: z.boolean(),
  /** /auth/token only: the body carried a client_secret. */
  sentClientSecret: z.boolean(),
  /** /auth/token only: keyed fingerprint of the authorization code exchanged. */
  codeKey: z.string().nullable(),
  /** /auth/token only: keyed fingerprint of the access token it returned (links /introspect to new tokens). */
  issuedTokenKey: z.string().nullable(),
  /** Batch answers: how many items carried a non-2xx code. */
  batchItemErrors: z.number(),
  /** Keyed fingerprint of the request body (a batch resent whole has the same one). */
  bodyKey: z.string().nullable(),
  /** The scenario rule that shaped this answer, or null when it passed through untouched. */
  injectedBy: z.string().nullable(),
});
export type ObservedCall = z.infer<typeof ObservedCallSchema>;

export const INJECTIONS = [
  'rate_limit',
  'server_error',
  'timeout',
  'drop',
  'sync_in_progress',
  'reauthenticate',
  'batch_item_errors',
  'all_null',
  'latency',
] as const;
export type Injection = z.infer<typeof InjectionSchema>;
export const InjectionSchema = z.enum(INJECTIONS);

/** One fault rule: what to inject, where, how often. */
export const ScenarioRuleSchema = z
  .object({
    id: z.string().min(1).max(80),
    inject: InjectionSchema,
    /** Only calls to these Finch products (empty/absent: every product). */
    products: z.array(z.string().max(40)).max(20).optional(),
    /** Only paths starting with this (e.g. /employer/individual). */
    pathPrefix: z.string().max(200).startsWith('/', 'must start with /').optional(),
    /** Only this connection (its fingerprint, as the request log shows it). */
    connectionKey: z.string().max(100).optional(),
    /** 0..1: the share of matching calls that get it. */
    probability: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1').default(1),
    /** At most this many injections (absent: unlimited). */
    count: z.number().int().min(1).max(1_000_000).optional(),
    /** Active from/to, ms after the scenario started (absent: always). */
    fromMs: z.number().int().min(0).optional(),
    toMs: z.number().int().min(0).optional(),
    /** rate_limit: Retry-After in seconds; latency: added ms; server_error: the status (500–599). */
    retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    status: z.number().int().min(500).max(599).optional(),
    /** rate_limit: the app-wide limit (finch_application_rl) instead of the product's. */
    applicationWide: z.boolean().optional(),
  })
  .strict()
  .refine((r) => r.fromMs === undefined || r.toMs === undefined || r.fromMs <= r.toMs, {
    message: 'must end after it starts',
    path: ['toMs'],
  });
export type ScenarioRule = z.infer<typeof ScenarioRuleSchema>;

export const SCORECARD_STATUSES = ['pass', 'fail', 'not_observed', 'manual'] as const;
export const ScorecardLineSchema = z.object({
  id: z.string(),
  /** The checklist line(s) it answers, as Finch wrote them. */
  checklist: z.string(),
  title: z.string(),
  status: z.enum(SCORECARD_STATUSES),
  /** What was seen, in words, with numbers. */
  summary: z.string(),
  /** The request log rows that prove it (logId) and their Finch-Request-IDs. */
  evidence: z.array(z.object({ text: z.string(), logIds: z.array(z.number()), requestIds: z.array(z.string()) })),
  /** What traffic cannot prove about this line. */
  limits: z.string().nullable(),
});
export type ScorecardLine = z.infer<typeof ScorecardLineSchema>;

export const ScorecardSchema = z.object({
  generatedAt: z.number(),
  calls: z.number(),
  lines: z.array(ScorecardLineSchema),
});
export type Scorecard = z.infer<typeof ScorecardSchema>;
