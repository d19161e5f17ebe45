/**
 * Companies, connections, access tokens and authorization codes. Tokens and codes are handed
 * out once in plaintext and stored only as SHA-256 digests; codes are single-use and expire;
 * disconnecting a connection revokes every token issued for it.
 */
import type { SimulatorClock } from '../clock';
import { companySeed, entityCountFor, entityId } from '../data/company';
import { Stream, seededUuid } from '../random';
import { newSecretToken, sha256Hex } from '../secrets';
import type { JobBook } from './jobs';
import type { StateStore } from './state-store';
import type {
  AuthenticationType,
  CodeDelivery,
  CodeRecord,
  CompanyRecord,
  ConnectionRecord,
  SessionRecord,
  TokenRecord,
} from '../model/types';

export const CODE_LIFETIME_MS = 10 * 60_000;
export const DEFAULT_EMPLOYEE_SIZE = 20;
export const MAX_EMPLOYEE_SIZE = 100_000;

export interface NewConnection {
  clientId: string;
  providerId: string;
  authenticationType: AuthenticationType;
  connectionType: 'finch' | 'provider';
  products: string[];
  /** Join an existing company (POST /sandbox/connections/accounts, reauth) or create one. */
  companyId?: string;
  employeeSize?: number;
  customerId?: string | null;
  customerName?: string | null;
  customerEmail?: string | null;
}

export type ExchangeResult = { ok: true; connection: ConnectionRecord; accessToken: string } | { ok: false; reason: string };

export class ConnectionBook {
  /** Told about every new connection (webhook events for its first sync). */
  onCreated: ((connection: ConnectionRecord) => void) | null = null;

  constructor(
    private readonly store: StateStore,
    private readonly jobs: JobBook,
    private readonly clock: SimulatorClock,
    private readonly seed: number,
  ) {}

  createCompany(employeeSize: number): CompanyRecord {
    const ordinal = this.store.state.nextCompanyOrdinal++;
    const company: CompanyRecord = {
      id: seededUuid(this.seed, Stream.company, ordinal),
      ordinal,
      employeeSize,
      createdAt: this.clock.now(),
    };
    this.store.addCompany(company);
    return company;
  }

  create(input: NewConnection): ConnectionRecord {
    const now = this.clock.now();
    const company = input.companyId
      ? this.store.companies.get(input.companyId)
      : this.createCompany(input.employeeSize ?? DEFAULT_EMPLOYEE_SIZE);
    if (!company) throw new Error(`unknown company ${input.companyId ?? ''}`);
    const ordinal = this.store.state.connections.length;
    const assisted = input.authenticationType === 'assisted';
    const entityCount = entityCountFor(company.employeeSize);
    const seedOfCompany = companySeed(this.seed, company.ordinal);
    const connection: ConnectionRecord = {
      id: seededUuid(this.seed, Stream.connection, ordinal),
      accountId: seededUuid(this.seed, Stream.account, ordinal),
      clientId: input.clientId,
      companyId: company.id,
      providerId: input.providerId,
      authenticationType: input.authenticationType,
      connectionType: input.connectionType,
      products: [...new Set(input.products)],
      customerId: input.customerId ?? null,
      customerName: input.customerName ?? null,
      customerEmail: input.customerEmail ?? null,
      status: assisted ? 'pending' : 'connected',
      statusMessage: assisted ? 'Waiting for the employer to add Finch as an admin in their provider.' : null,
      createdAt: now,
      disconnectedAt: null,
      entities: Array.from({ length: entityCount }, (_, i) => ({ id: entityId(seedOfCompany, i), status: 'active' as const })),
      lastSyncAt: assisted ? null : now,
      lastAttemptAt: assisted ? null : now,
      lastAttemptResult: 'success',
      syncedEditSeq: this.store.state.nextEditSeq - 1,
      jobCompletionStatus: 'complete',
      nextJobDueAt: null,
    };
    this.store.addConnection(connection);
    if (assisted) this.jobs.create(connection, 'assisted_setup', now);
    this.onCreated?.(connection);
    return connection;
  }

  issueToken(connection: ConnectionRecord): string {
    const token = newSecretToken();
    const record: TokenRecord = {
      hash: sha256Hex(token),
      connectionId: connection.id,
      clientId: connection.clientId,
      issuedAt: this.clock.now(),
      revokedAt: null,
    };
    this.store.addToken(record);
    return token;
  }

  /** The live connection behind a bearer token, or why there is none. */
  resolveToken(token: string): { connection: ConnectionRecord; token: TokenRecord } | { reason: string } {
    const record = this.store.tokens.get(sha256Hex(token));
    if (!record) return { reason: 'The access token is not valid.' };
    if (record.revokedAt !== null) return { reason: 'The access token has been revoked.' };
    const connection = this.store.connections.get(record.connectionId);
    if (!connection) return { reason: 'The access token is not valid.' };
    if (connection.disconnectedAt !== null) return { reason: 'The connection for this access token was disconnected.' };
    return { connection, token: record };
  }

  disconnect(connection: ConnectionRecord): void {
    const now = this.clock.now();
    connection.disconnectedAt = now;
    for (const token of this.store.state.tokens) {
      if (token.connectionId === connection.id && token.revokedAt === null) token.revokedAt = now;
    }
    this.store.changed();
  }

  issueCode(connection: ConnectionRecord, session: SessionRecord, delivery: CodeDelivery): string {
    const code = newSecretToken();
    const now = this.clock.now();
    const record: CodeRecord = {
      hash: sha256Hex(code),
      connectionId: connection.id,
      clientId: session.clientId,
      sessionId: session.id,
      issuedAt: now,
      expiresAt: now + CODE_LIFETIME_MS,
      usedAt: null,
      delivery,
      redirectUri: session.redirectUri,
    };
    this.store.addCode(record);
    return code;
  }

  /** POST /auth/token: single use, unexpired, same client, and the redirect_uri rule. */
  exchange(code: string, clientId: string, redirectUri: string | undefined): ExchangeResult {
    const record = this.store.codes.get(sha256Hex(code));
    const now = this.clock.now();
    if (!record) return { ok: false, reason: 'The authorization code is not valid.' };
    if (record.clientId !== clientId) return { ok: false, reason: 'The authorization code was issued to a different client_id.' };
    if (record.usedAt !== null) return { ok: false, reason: 'The authorization code has already been used.' };
    if (now >= record.expiresAt) return { ok: false, reason: 'The authorization code has expired.' };
    if (record.delivery === 'redirect') {
      if (redirectUri === undefined)
        return { ok: false, reason: 'redirect_uri is required: this code was issued through the redirect flow.' };
      if (redirectUri !== record.redirectUri)
        return { ok: false, reason: 'redirect_uri does not match the one used by the Connect session.' };
    } else if (redirectUri !== undefined && redirectUri !== record.redirectUri) {
      return { ok: false, reason: 'redirect_uri was not part of this flow: exchange codes from embedded Connect without redirect_uri.' };
    }
    const connection = this.store.connections.get(record.connectionId);
    if (!connection || connection.disconnectedAt !== null) return { ok: false, reason: 'The connection for this code was disconnected.' };
    record.usedAt = now;
    this.store.changed();
    return { ok: true, connection, accessToken: this.issueToken(connection) };
  }

  /** Active connections of an application, optionally limited to one connection type. */
  activeFor(clientId: string, type?: 'finch' | 'provider'): ConnectionRecord[] {
    return this.store.state.connections.filter(
      (c) => c.clientId === clientId && c.disconnectedAt === null && (type === undefined || c.connectionType === type),
    );
  }
}
