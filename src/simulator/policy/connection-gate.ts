/**
 * What a connection's status does to /employer reads: `reauth` → 401 reauthenticate_user,
 * `error_permissions` → 403, assisted connections waiting for setup (`pending`,
 * `error_no_account_setup`) and first syncs (`processing`) → 202 until their job completes.
 * Also the Finch-Data-* headers that data endpoints carry.
 */
import { isoDateTime } from '../data/dates';
import { errors } from '../http/finch-errors';
import type { RouteResult } from '../http/route-result';
import type { ConnectionRecord } from '../model/types';

export function accepted(name: string, finchCode: string, message: string): RouteResult {
  return { status: 202, body: { code: 202, name, finch_code: finchCode, message } };
}

/** Returns a 202 to answer instead of data, throws for 401/403, or null when data may flow. */
export function gateConnection(connection: ConnectionRecord): RouteResult | null {
  switch (connection.status) {
    case 'connected':
      return null;
    case 'reauth':
      throw errors.reauthenticate();
    case 'error_permissions':
      throw errors.permissions(connection.statusMessage ?? undefined);
    case 'pending':
      return accepted(
        'authorization_pending',
        'pending',
        'This assisted connection is waiting for the employer to finish granting Finch access. Data will be available once its setup job completes.',
      );
    case 'error_no_account_setup':
      return accepted(
        'authorization_pending',
        'accountant_setup_pending',
        'The employer has not finished adding Finch as an admin/accountant in their provider.',
      );
    case 'processing':
      return accepted(
        'sync_in_progress',
        'data_sync_in_progress',
        'The initial data sync for this connection is in progress. Please check back later.',
      );
  }
}

export function dataHeaders(connection: ConnectionRecord, now: number): Record<string, string> {
  return {
    'Finch-Data-Retrieved': isoDateTime(connection.lastSyncAt ?? now),
    'Finch-Last-Attempted-Update-Date': isoDateTime(connection.lastAttemptAt ?? connection.lastSyncAt ?? now),
    'Finch-Last-Attempted-Update-Result': connection.lastAttemptResult,
  };
}
