/**
 * The deduction jobs of a connection, live: main pushes each start and check (jobChanged), and
 * while a job is unfinished the screen asks Finch again — every 2 s for a job's first two
 * minutes, then every 30 s (an assisted provider's job can stay pending for days; main's own
 * schedule keeps checking after the screen is closed).
 */
import { useCallback, useEffect, useState } from 'react';
import type { DeductionJobView } from '@shared/domain/deduction-jobs';
import { unwrap, workbench } from '@renderer/workbench';

const FAST_MS = 2_000;
const SLOW_MS = 30_000;
const FAST_WINDOW_MS = 120_000;

export const isOpen = (job: DeductionJobView) => job.status === 'unknown' || job.status === 'pending' || job.status === 'in_progress';

export function useDeductionJobs(connectionId: string): {
  jobs: DeductionJobView[];
  error: string | null;
  checkAll: () => Promise<void>;
  check: (jobId: string) => Promise<void>;
} {
  const [jobs, setJobs] = useState<DeductionJobView[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!connectionId) return setJobs([]);
    let live = true;
    unwrap(workbench().deductions.jobs({ connectionId })).then(
      (list) => live && (setJobs(list), setError(null)),
      (e: Error) => live && setError(e.message),
    );
    const off = workbench().deductions.onJobChanged((job) => {
      if (job.connectionId !== connectionId) return;
      setJobs((list) => (list.some((j) => j.jobId === job.jobId) ? list.map((j) => (j.jobId === job.jobId ? job : j)) : [job, ...list]));
    });
    return () => {
      live = false;
      off();
    };
  }, [connectionId]);

  const checkAll = useCallback(async () => {
    try {
      setJobs(await unwrap(workbench().deductions.checkOpenJobs({ connectionId })));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [connectionId]);

  const check = useCallback(async (jobId: string) => {
    try {
      await unwrap(workbench().deductions.checkJob({ jobId }));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  // Poll while something is open; the newest open job decides the pace.
  const open = jobs.filter(isOpen);
  const newest = open.reduce((t, j) => Math.max(t, j.createdAt), 0);
  useEffect(() => {
    if (open.length === 0) return;
    const pace = Date.now() - newest < FAST_WINDOW_MS ? FAST_MS : SLOW_MS;
    const timer = setTimeout(() => void checkAll(), pace);
    return () => clearTimeout(timer);
  }, [open.length, newest, jobs, checkAll]);

  return { jobs, error, checkAll, check };
}
