/**
 * One logged HTTP attempt to Finch (never bodies, never credentials), and the log's query.
 * The shapes are the IPC contract's (src/shared/domain/request-log.ts): one source of truth.
 */
import type { z } from 'zod';
import type { RequestLogEntrySchema, RequestLogQuerySchema } from '@shared/domain/request-log';
import { OutcomeSchema } from '@shared/domain/request-log';

export const OUTCOMES = OutcomeSchema.options;
export type Outcome = z.infer<typeof OutcomeSchema>;
export type RequestLogEntry = z.infer<typeof RequestLogEntrySchema>;
/** Who logged it, and the proxy's facts about your app's calls: the workbench's own rows leave them out. */
type SourceFields = 'source' | 'clientId' | 'connectionKey' | 'fromBrowser' | 'injectedBy';
export type NewRequestLogEntry = Omit<RequestLogEntry, 'id' | SourceFields> & Partial<Pick<RequestLogEntry, SourceFields>>;
export type RequestLogQuery = z.infer<typeof RequestLogQuerySchema>;
export type StatusClass = NonNullable<RequestLogQuery['statusClass']>;
