/**
 * Environments as the renderer may see them and as it may ask to create them. The client
 * secret travels renderer→main once (on create/replace) and never back: views carry only
 * `hasSecret` and a client_id hint.
 */
import { z } from 'zod';

export const ENVIRONMENT_KINDS = ['local-simulator', 'sandbox', 'development', 'production'] as const;
export const EnvironmentKindSchema = z.enum(ENVIRONMENT_KINDS);
export type EnvironmentKind = z.infer<typeof EnvironmentKindSchema>;
export const USER_KINDS = ['sandbox', 'development', 'production'] as const;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https anywhere; plain http only to this machine (Steady, a local proxy, the simulator). No credentials in URLs. */
function isAllowedUrl(value: string, allowFragment: boolean): boolean {
  try {
    const url = new URL(value);
    if (url.username || url.password || (!allowFragment && url.hash)) return false;
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  } catch {
    return false;
  }
}

export const EndpointUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine((value) => isAllowedUrl(value, true), 'must be an https:// URL, or http:// to 127.0.0.1 / localhost')
  .transform((value) => value.replace(/\/+$/, ''));

/** Connect's redirect flow sends the employer back here; kept exactly as registered with Finch. */
export const RedirectUriSchema = z
  .string()
  .trim()
  .max(500)
  .refine((value) => isAllowedUrl(value, false), 'must be an https:// URL (or http:// on 127.0.0.1 / localhost) without a #fragment');

export const EnvironmentNameSchema = z.string().trim().min(1, 'is required').max(60, 'must be at most 60 characters');
/** Finch client ids are UUIDs; accept any plain token so mocks and proxies work too. */
export const ClientIdSchema = z
  .string()
  .trim()
  .min(6, 'looks too short for a Finch client_id')
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, - and _');
export const ClientSecretSchema = z
  .string()
  .min(8, 'looks too short for a Finch client_secret')
  .max(512)
  .regex(/^\S+$/, 'must not contain spaces or line breaks');
export const ColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #2f5bd3');

export const EnvironmentInputSchema = z
  .object({
    name: EnvironmentNameSchema,
    kind: z.enum(USER_KINDS),
    clientId: ClientIdSchema,
    clientSecret: ClientSecretSchema.optional(),
    apiBaseUrl: EndpointUrlSchema.optional(),
    connectUrl: EndpointUrlSchema.optional(),
    redirectUri: RedirectUriSchema.optional(),
    color: ColorSchema.optional(),
  })
  .strict();
export type EnvironmentInput = z.infer<typeof EnvironmentInputSchema>;

export const EnvironmentPatchSchema = z
  .object({
    id: z.string().min(1),
    name: EnvironmentNameSchema.optional(),
    clientId: ClientIdSchema.optional(),
    /** A new secret replaces the stored one. */
    clientSecret: ClientSecretSchema.optional(),
    /** Forget the stored secret. */
    clearSecret: z.literal(true).optional(),
    apiBaseUrl: EndpointUrlSchema.nullable().optional(),
    connectUrl: EndpointUrlSchema.nullable().optional(),
    redirectUri: RedirectUriSchema.nullable().optional(),
    color: ColorSchema.nullable().optional(),
  })
  .strict();
export type EnvironmentPatch = z.infer<typeof EnvironmentPatchSchema>;

export const EnvironmentViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: EnvironmentKindSchema,
  builtIn: z.boolean(),
  /** Last four characters of the client_id, e.g. `…3f9a`; null when none is set. */
  clientIdHint: z.string().nullable(),
  hasSecret: z.boolean(),
  apiBaseUrl: z.string().nullable(),
  connectUrl: z.string().nullable(),
  redirectUri: z.string().nullable(),
  color: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type EnvironmentView = z.infer<typeof EnvironmentViewSchema>;

export const EnvironmentsStateSchema = z.object({
  environments: z.array(EnvironmentViewSchema),
  activeId: z.string(),
  secretStorage: z.object({ mode: z.enum(['persistent', 'session-only']), detail: z.string() }),
});
export type EnvironmentsState = z.infer<typeof EnvironmentsStateSchema>;

export const DeletionPreviewSchema = z.object({
  environmentId: z.string(),
  name: z.string(),
  kind: EnvironmentKindSchema,
  customers: z.number(),
  connections: z.number(),
  requests: z.number(),
  events: z.number(),
  snapshots: z.number(),
  secrets: z.number(),
  /** True when the user must type the environment's name to confirm (Production). */
  requiresTypedConfirmation: z.boolean(),
});
export type DeletionPreview = z.infer<typeof DeletionPreviewSchema>;

/** The export format: no secrets, ever. */
export const EnvironmentExportSchema = z.object({
  format: z.literal('finch-workbench/environments'),
  version: z.literal(1),
  environments: z.array(
    z
      .object({
        name: EnvironmentNameSchema,
        kind: z.enum(USER_KINDS),
        clientId: ClientIdSchema,
        apiBaseUrl: EndpointUrlSchema.optional(),
        connectUrl: EndpointUrlSchema.optional(),
        redirectUri: RedirectUriSchema.optional(),
        color: ColorSchema.optional(),
      })
      .strict(),
  ),
});
export type EnvironmentExport = z.infer<typeof EnvironmentExportSchema>;

/** Finch's own hosts: what an environment uses when no base URL is set. */
export const FINCH_API_URL = 'https://api.tryfinch.com';
export const FINCH_CONNECT_URL = 'https://connect.tryfinch.com';

export function clientIdHint(clientId: string | null): string | null {
  return clientId ? `…${clientId.slice(-4)}` : null;
}
