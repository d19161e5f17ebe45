/**
 * The Deductions lab's parts, built together from what the composition root passes in: the
 * reads, the writes, the job follower (with its slow schedule) and the reconciliation.
 */
import type Database from 'better-sqlite3';
import type { DeductionJobView } from '@shared/domain/deduction-jobs';
import type { Clock } from '@main/platform/clock';
import type { ConnectionLifecycle } from '@main/platform/workspace/connection-lifecycle';
import type { ConnectionService } from '@main/platform/workspace/connection-service';
import type { EnvironmentService } from '@main/platform/workspace/environment-service';
import { DeductionReads } from './deduction-reads';
import { DeductionStore } from './deduction-store';
import { DeductionWrites } from './deduction-writes';
import { JobFollower } from './job-follower';
import type { PayrollRunner } from './reconciliation-service';
import { ReconciliationService } from './reconciliation-service';

export interface DeductionsLab {
  store: DeductionStore;
  reads: DeductionReads;
  writes: DeductionWrites;
  follower: JobFollower;
  reconciliation: ReconciliationService;
}

export function createDeductionsLab(d: {
  db: Database.Database;
  clock: Clock;
  environments: EnvironmentService;
  connections: ConnectionService;
  lifecycle: ConnectionLifecycle;
  payrollRunner: (environmentId: string) => PayrollRunner | null;
  onJobChanged: (job: DeductionJobView) => void;
}): DeductionsLab {
  const store = new DeductionStore(d.db);
  const reads = new DeductionReads({ lifecycle: d.lifecycle, connections: d.connections });
  const follower = new JobFollower({
    store,
    lifecycle: d.lifecycle,
    clock: d.clock,
    activeId: () => d.environments.activeId(),
    onChanged: d.onJobChanged,
  });
  const writes = new DeductionWrites({ environments: d.environments, connections: d.connections, lifecycle: d.lifecycle, follower });
  const reconciliation = new ReconciliationService({
    lifecycle: d.lifecycle,
    connections: d.connections,
    reads,
    store,
    clock: d.clock,
    payrollRunner: d.payrollRunner,
  });
  return { store, reads, writes, follower, reconciliation };
}
