/** The `deductions` channels, scoped to the active environment. */
import type { HandlerMap } from '@shared/contract';
import type { DeductionsLab } from './deductions-lab';

export function buildDeductionHandlers(lab: DeductionsLab, activeId: () => string): HandlerMap['deductions'] {
  return {
    support: ({ connectionId }) => lab.reads.support(activeId(), connectionId),
    benefits: ({ connectionId }) => lab.reads.benefits(activeId(), connectionId),
    people: ({ connectionId }) => lab.reads.people(activeId(), connectionId),
    enrollments: ({ connectionId, benefitId }) => lab.reads.enrollments(activeId(), connectionId, benefitId),
    createBenefit: (input) => lab.writes.createBenefit(activeId(), input),
    registerBenefit: (input) => lab.writes.registerBenefit(activeId(), input),
    updateBenefit: (input) => lab.writes.updateBenefit(activeId(), input),
    enroll: (input) => lab.writes.enroll(activeId(), input),
    unenroll: (input) => lab.writes.unenroll(activeId(), input),
    jobs: ({ connectionId }) => lab.store.jobs(activeId(), connectionId),
    checkJob: ({ jobId }) => lab.follower.check(activeId(), jobId),
    checkOpenJobs: ({ connectionId }) => lab.follower.checkOpen(activeId(), connectionId),
    payments: ({ connectionId }) => lab.reconciliation.payments(activeId(), connectionId),
    reconcile: (input) => lab.reconciliation.reconcile(activeId(), input),
    reconciliations: () => lab.store.reconciliations(activeId()),
  };
}
