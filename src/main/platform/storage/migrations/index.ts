/**
 * The schema, as numbered migrations. Never edit a migration that has shipped: its checksum
 * is stored in every database it ran on, and a mismatch stops the app (the file is left
 * alone). Add a new numbered migration instead.
 */
import { m001Initial } from './001-initial';
import { m002RedirectUri } from './002-redirect-uri';
import { m003DrillResults } from './003-drill-results';
import { m004ReadinessChecks } from './004-readiness-checks';
import { m005CoverageSnapshots } from './005-coverage-snapshots';
import { m006WebhookEvents } from './006-webhook-events';
import { m007WebhookUnverifiedForwards } from './007-webhook-unverified-forwards';
import { m008ConnectionArchive } from './008-connection-archive';
import { m009DeductionJobs } from './009-deduction-jobs';
import { m010RequestSource } from './010-request-source';
import { m011RequestLogSize } from './011-request-log-size';
import { m012SnapshotParts } from './012-snapshot-parts';
import { m013SearchPartitions } from './013-search-partitions';
import { m014PartEncoding } from './014-part-encoding';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  m001Initial,
  m002RedirectUri,
  m003DrillResults,
  m004ReadinessChecks,
  m005CoverageSnapshots,
  m006WebhookEvents,
  m007WebhookUnverifiedForwards,
  m008ConnectionArchive,
  m009DeductionJobs,
  m010RequestSource,
  m011RequestLogSize,
  m012SnapshotParts,
  m013SearchPartitions,
  m014PartEncoding,
];
