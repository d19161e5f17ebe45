/**
 * Server side of the simulated Finch Connect: describes a session to the page and completes it
 * when the employer signs in. Test credentials (also shown on the page):
 *   any username and password          → success
 *   password "wrong-password"          → "incorrect credentials" (stay on the form)
 *   API token "wrong-token"            → "invalid API token" (stay on the form)
 *   username "provider-error"          → provider error (error message, frame stays open)
 *   MFA code "000000"                  → wrong code (providers that require MFA)
 */
import { findProvider, providersForSandboxMode } from '../data/providers';
import type { ProviderProfile } from '../data/providers';
import { PROVIDER_SANDBOX_LIMIT } from '../simulator-core';
import type { SimulatorCore } from '../simulator-core';
import type { AuthenticationType, CodeDelivery, SessionRecord } from '../model/types';
import { AUTHENTICATION_TYPES } from '../model/types';

export const PRODUCT_LABELS: Record<string, readonly [string, string]> = {
  company: ['Company', 'Legal name, EIN, locations, departments and bank accounts'],
  directory: ['Directory', 'Employee names, departments and managers'],
  individual: ['Individual', 'Contact details, date of birth and home address'],
  ssn: ['SSN', 'Social Security numbers'],
  employment: ['Employment', 'Titles, start dates, employment type and income'],
  payment: ['Payment', 'Payroll runs and their totals'],
  pay_statement: ['Pay statements', 'Earnings, taxes, deductions and contributions per paycheck'],
  benefits: ['Deductions', 'Read and manage benefit deductions and contributions'],
  deduction: ['Deductions', 'Read and manage benefit deductions and contributions'],
  documents: ['Documents', 'Tax forms such as W-4s'],
  plans: ['Benefit plans', 'Medical, dental and other plans'],
  plans_enrollments: ['Plan enrollments', 'Who is enrolled in which plan'],
  plans_dependents: ['Dependents', 'Dependents covered by plans'],
  recordkeeping: ['Recordkeeping', '401(k) recordkeeping data'],
};

export interface PageError {
  status: number;
  error: { message: string; type: string; shouldClose: boolean };
}

const pageError = (status: number, type: string, message: string, shouldClose: boolean): PageError => ({
  status,
  error: { message, type, shouldClose },
});

export function findOpenSession(core: SimulatorCore, id: string): SessionRecord | PageError {
  const session = core.store.sessions.get(id);
  if (!session) return pageError(404, 'validation_error', 'This Connect session does not exist. Create a new session and try again.', true);
  if (core.clock.now() >= session.expiresAt)
    return pageError(410, 'validation_error', 'This Connect session has expired. Create a new session and try again.', true);
  if (session.completedAt !== null)
    return pageError(
      409,
      'validation_error',
      'This Connect session was already used to connect. Create a new session to connect again.',
      true,
    );
  return session;
}

function methodsFor(provider: ProviderProfile, session: SessionRecord): AuthenticationType[] {
  let methods = [...provider.authMethods];
  if (session.sandbox === 'provider') methods = methods.filter((m) => m !== 'assisted');
  if (session.integration?.authMethod) methods = methods.filter((m) => m === session.integration?.authMethod);
  return methods;
}

export function describeSession(core: SimulatorCore, session: SessionRecord): Record<string, unknown> {
  const fixed = session.integration ? findProvider(session.integration.provider) : undefined;
  const providers = (fixed ? [fixed] : providersForSandboxMode(session.sandbox))
    .map((p) => ({
      id: p.id,
      display_name: p.displayName,
      primary_color: p.primaryColor,
      logo: `/connect/assets/logos/${p.id}.svg`, // relative: the page may be reached as 127.0.0.1 or localhost
      auth_methods: methodsFor(p, session),
      credential_label: p.credentialLabel,
      mfa_required: p.mfaRequired,
    }))
    .filter((p) => p.auth_methods.length > 0);
  return {
    session_id: session.id,
    kind: session.kind,
    customer_name: session.customerName,
    sandbox: session.sandbox,
    redirect: session.redirectUri !== null,
    products: session.products.map((id) => ({ id, label: PRODUCT_LABELS[id]?.[0] ?? id, description: PRODUCT_LABELS[id]?.[1] ?? '' })),
    providers,
    preselected_provider: fixed?.id ?? null,
  };
}

export interface AuthorizeInput {
  providerId: unknown;
  authMethod: unknown;
  username: unknown;
  password: unknown;
  apiToken: unknown;
  mfaCode: unknown;
  state: unknown;
  embedded: boolean;
}

export type AuthorizeOutcome =
  | { status: 200; body: { code: string; redirect_to: string | null; delivery: CodeDelivery } }
  | { status: 200; body: { mfa_required: true } }
  | PageError;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export function authorizeSession(core: SimulatorCore, session: SessionRecord, input: AuthorizeInput): AuthorizeOutcome {
  const provider = typeof input.providerId === 'string' ? findProvider(input.providerId) : undefined;
  if (!provider) return pageError(400, 'validation_error', 'Choose a provider.', false);
  const methods = methodsFor(provider, session);
  const method = input.authMethod as AuthenticationType;
  if (!(AUTHENTICATION_TYPES as readonly unknown[]).includes(method) || !methods.includes(method)) {
    return pageError(400, 'validation_error', `${provider.displayName} cannot be connected with that method here.`, false);
  }
  if (session.integration && session.integration.provider !== provider.id) {
    return pageError(400, 'validation_error', 'This session is for a different provider.', false);
  }

  if (method === 'credential') {
    if (!text(input.username) || !text(input.password))
      return pageError(400, 'invalid_credentials', 'Enter your username and password.', false);
    if (text(input.username) === 'provider-error') {
      return pageError(
        502,
        'employer_connection_error',
        `${provider.displayName} returned an error while Finch was signing in. Please try again later.`,
        false,
      );
    }
    if (text(input.password) === 'wrong-password')
      return pageError(401, 'invalid_credentials', 'The username or password is incorrect.', false);
    if (provider.mfaRequired) {
      if (!text(input.mfaCode)) return { status: 200, body: { mfa_required: true } };
      if (text(input.mfaCode) === '000000') return pageError(401, 'invalid_mfa', 'That verification code is not valid.', false);
    }
  } else if (method === 'api_token') {
    if (!text(input.apiToken)) return pageError(400, 'invalid_credentials', 'Enter your API token.', false);
    if (text(input.apiToken) === 'wrong-token')
      return pageError(401, 'invalid_credentials', 'That API token was rejected by the provider.', false);
  }

  if (session.kind === 'new' && session.sandbox === 'provider') {
    const active = core.connections.activeFor(session.clientId, 'provider').length;
    if (active >= PROVIDER_SANDBOX_LIMIT) {
      return pageError(
        409,
        'employer_connection_error',
        `Provider Sandbox allows at most ${PROVIDER_SANDBOX_LIMIT} active connections per application. Disconnect one first.`,
        false,
      );
    }
  }

  const connection =
    session.kind === 'reauthenticate' && session.connectionId
      ? core.store.connections.get(session.connectionId)
      : core.connections.create({
          clientId: session.clientId,
          providerId: provider.id,
          authenticationType: method,
          connectionType: session.sandbox === 'finch' ? 'finch' : 'provider',
          products: session.products,
          customerId: session.customerId,
          customerName: session.customerName,
          customerEmail: session.customerEmail,
        });
  if (!connection || connection.disconnectedAt !== null) {
    return pageError(410, 'validation_error', 'The connection to reauthenticate no longer exists.', true);
  }
  if (session.kind === 'reauthenticate') {
    connection.products = [...session.products];
    if (connection.status !== 'pending') {
      const before = connection.status;
      connection.status = 'connected';
      connection.statusMessage = null;
      core.webhooks.statusChanged(connection, before);
    }
  }
  const now = core.clock.now();
  session.completedAt = now;
  const delivery: CodeDelivery = input.embedded ? 'embedded' : session.redirectUri ? 'redirect' : 'link';
  const code = core.connections.issueCode(connection, session, delivery);
  core.store.changed();
  let redirectTo: string | null = null;
  if (delivery === 'redirect' && session.redirectUri) {
    const target = new URL(session.redirectUri);
    target.searchParams.set('code', code);
    if (typeof input.state === 'string' && input.state !== '') target.searchParams.set('state', input.state);
    redirectTo = target.toString();
  }
  return { status: 200, body: { code, redirect_to: redirectTo, delivery } };
}
