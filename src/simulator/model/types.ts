/**
 * The simulator's persistent state: everything that must survive a restart (connections,
 * sessions, codes, tokens, sandbox edits, job configuration, statuses). Generated data is not
 * stored: it is rebuilt from (seed, company ordinal) plus the edits recorded here.
 * Tokens and codes appear only as SHA-256 digests (see secrets.ts).
 */

export const FINCH_PRODUCTS = [
  'company',
  'directory',
  'individual',
  'employment',
  'payment',
  'pay_statement',
  'benefits',
  'deduction',
  'documents',
  'ssn',
  'plans',
  'plans_dependents',
  'plans_enrollments',
  'recordkeeping',
] as const;
export type FinchProduct = (typeof FINCH_PRODUCTS)[number];

export type ConnectionStatus = 'pending' | 'processing' | 'connected' | 'error_no_account_setup' | 'error_permissions' | 'reauth';
export const CONNECTION_STATUSES: readonly ConnectionStatus[] = [
  'pending',
  'processing',
  'connected',
  'error_no_account_setup',
  'error_permissions',
  'reauth',
];

export type AuthenticationType = 'api_token' | 'assisted' | 'credential' | 'oauth';
export const AUTHENTICATION_TYPES: readonly AuthenticationType[] = ['api_token', 'assisted', 'credential', 'oauth'];

export type JobCompletionStatus = 'complete' | 'reauth_error' | 'permissions_error' | 'error';
export const JOB_COMPLETION_STATUSES: readonly JobCompletionStatus[] = ['complete', 'reauth_error', 'permissions_error', 'error'];

export type ClientType = 'development' | 'production' | 'sandbox';
export type UpdateResult = 'success' | 'error' | 'partial_error';

export interface CompanyRecord {
  id: string;
  /** Position in creation order; with the simulator seed it determines all generated data. */
  ordinal: number;
  employeeSize: number;
  /** Generated history (payments) is anchored on this day. */
  createdAt: number;
}

export interface EntityState {
  id: string;
  status: 'active' | 'disconnected';
}

export interface ConnectionRecord {
  id: string;
  accountId: string;
  clientId: string;
  companyId: string;
  providerId: string;
  authenticationType: AuthenticationType;
  connectionType: 'finch' | 'provider';
  products: string[];
  customerId: string | null;
  customerName: string | null;
  customerEmail: string | null;
  status: ConnectionStatus;
  statusMessage: string | null;
  createdAt: number;
  disconnectedAt: number | null;
  entities: EntityState[];
  lastSyncAt: number | null;
  lastAttemptAt: number | null;
  lastAttemptResult: UpdateResult;
  /** Sandbox edits up to this sequence number are visible to /employer reads (synced). */
  syncedEditSeq: number;
  jobCompletionStatus: JobCompletionStatus;
  /** Earliest completion time among this connection's unapplied jobs (fast path). */
  nextJobDueAt: number | null;
}

export interface TokenRecord {
  hash: string;
  connectionId: string;
  clientId: string;
  issuedAt: number;
  revokedAt: number | null;
}

export type CodeDelivery = 'embedded' | 'redirect' | 'link';

export interface CodeRecord {
  hash: string;
  connectionId: string;
  clientId: string;
  sessionId: string;
  issuedAt: number;
  expiresAt: number;
  usedAt: number | null;
  delivery: CodeDelivery;
  /** The redirect_uri the exchange must repeat (redirect flow only). */
  redirectUri: string | null;
}

export interface SessionRecord {
  id: string;
  clientId: string;
  kind: 'new' | 'reauthenticate';
  connectionId: string | null;
  customerId: string | null;
  customerName: string | null;
  customerEmail: string | null;
  products: string[];
  redirectUri: string | null;
  sandbox: 'finch' | 'provider' | null;
  manual: boolean;
  integration: { provider: string; authMethod: AuthenticationType | null } | null;
  createdAt: number;
  expiresAt: number;
  completedAt: number | null;
}

export type JobType =
  | 'data_sync_all'
  | 'w4_form_employee_sync'
  | 'assisted_setup'
  | 'benefit_create'
  | 'benefit_register'
  | 'benefit_update'
  | 'benefit_enroll'
  | 'benefit_unenroll';

export interface JobRecord {
  id: string;
  connectionId: string;
  /** Automated jobs are listed by /jobs/automated; manual ones answer /jobs/manual/{id}. */
  kind: 'automated' | 'manual' | 'internal';
  type: JobType;
  params: { individual_id: string } | null;
  createdAt: number;
  startAt: number;
  completeAt: number;
  completionStatus: JobCompletionStatus;
  /** Edits with seq ≤ this become visible when the job completes successfully. */
  editSeqAtCreate: number;
  appliedAt: number | null;
  /** Which hourly refresh quota it counts against: POST /jobs/automated or POST /sandbox/jobs. */
  quota: 'automated' | 'sandbox' | null;
  /** Deduction jobs: what to do when the job completes and the per-person outcome. */
  manual?: ManualJobWork | null;
  /** A `manual_job_pending` fault rule keeping this job pending until the rule is removed. */
  heldByFault?: string | null;
}

/** One person's outcome in a deduction job's body (GET /jobs/manual/{job_id}). */
export interface ManualJobItem {
  individual_id: string;
  code: 200 | 400 | 404 | 422;
  body: Record<string, unknown>;
}

export interface ManualJobWork {
  benefitId: string;
  /** Enroll (or re-enroll: it replaces the configuration) these people when the job completes. */
  enroll?: Array<{ individual_id: string; body: Record<string, unknown>; effective_date: string | null }>;
  /** Unenroll these people when the job completes (those not enrolled then get a 404). */
  unenroll?: string[];
  /** Per-person outcome, in request order: refused people at once, the rest when the job completes. */
  items: ManualJobItem[];
}

export type EditKind =
  | 'company'
  | 'individual'
  | 'employment'
  | 'add_person'
  | 'payment'
  | 'benefit_create'
  | 'benefit_update'
  | 'enroll'
  | 'unenroll'
  | 'pay_run';

export interface EditRecord {
  seq: number;
  companyId: string;
  kind: EditKind;
  targetId: string | null;
  /** Benefit edits are live (deductions are always read live from the provider). */
  live: boolean;
  at: number;
  data: unknown;
}

export interface RuleRecord {
  id: string;
  connectionId: string;
  priority: number;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
  body: Record<string, unknown>;
}

export interface PersistedState {
  version: 1;
  nextEditSeq: number;
  nextCompanyOrdinal: number;
  companies: CompanyRecord[];
  connections: ConnectionRecord[];
  tokens: TokenRecord[];
  codes: CodeRecord[];
  sessions: SessionRecord[];
  jobs: JobRecord[];
  edits: EditRecord[];
  rules: RuleRecord[];
}

export function emptyState(): PersistedState {
  return {
    version: 1,
    nextEditSeq: 1,
    nextCompanyOrdinal: 0,
    companies: [],
    connections: [],
    tokens: [],
    codes: [],
    sessions: [],
    jobs: [],
    edits: [],
    rules: [],
  };
}
