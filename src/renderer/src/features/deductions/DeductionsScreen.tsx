/**
 * The Deductions lab: the write half of Finch on one connection. What the provider supports,
 * the company's benefits (create, register, rename), enrollments (pick people, amounts, enroll,
 * unenroll), every write's job followed to its end, and the proof on the next paycheck.
 */
import './deductions.css';
import type { JSX } from 'react';
import { useMemo, useState } from 'react';
import type { BenefitList, BenefitSupport, EnrollmentList, EnrollmentConfiguration, PickablePerson } from '@shared/domain/deductions';
import type { JobItem } from '@shared/domain/deduction-jobs';
import type { EnvironmentView } from '@shared/domain/environment';
import { useRead } from '@renderer/components/data/use-read';
import { SelectField } from '@renderer/components/fields';
import { useConnections } from '@renderer/components/useConnections';
import { useTypedConfirm } from '@renderer/components/useTypedConfirm';
import { unwrap, workbench, WorkbenchCallError } from '@renderer/workbench';
import type { BenefitDraft } from './BenefitForm';
import { BenefitForm } from './BenefitForm';
import { BenefitsTable } from './BenefitsTable';
import { EnrolledPanel } from './EnrolledPanel';
import { EnrollPanel } from './EnrollPanel';
import { JobsPanel } from './JobsPanel';
import { ReconcilePanel } from './ReconcilePanel';
import { SupportPanel } from './SupportPanel';
import { useDeductionJobs } from './useDeductionJobs';

type Message = { ok: boolean; text: string } | null;
const fieldErrorsOf = (e: unknown): Record<string, string> =>
  Object.fromEntries(((e as WorkbenchCallError).error?.fields ?? []).map((f) => [f.path, f.message]));

export function DeductionsScreen({ environment }: { environment: EnvironmentView | null }): JSX.Element {
  const { connections } = useConnections(environment?.id ?? null);
  const live = connections.filter((c) => c.disconnectedAt === null).sort((a, b) => b.createdAt - a.createdAt);
  const [picked, setPicked] = useState('');
  const connectionId = live.some((c) => c.id === picked) ? picked : (live[0]?.id ?? '');
  const connection = live.find((c) => c.id === connectionId) ?? null;
  const [benefitId, setBenefitId] = useState('');
  const [tick, setTick] = useState(0);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const writes = useTypedConfirm(environment, connection, 'This writes to the employer’s real payroll: people’s paychecks change');
  const jobs = useDeductionJobs(connectionId);

  const support = useRead<BenefitSupport>(connectionId || null, () => unwrap(workbench().deductions.support({ connectionId })));
  const benefits = useRead<BenefitList>(connectionId ? `${connectionId}:${tick}` : null, () =>
    unwrap(workbench().deductions.benefits({ connectionId })),
  );
  const people = useRead<{ people: PickablePerson[] }>(connectionId || null, () => unwrap(workbench().deductions.people({ connectionId })));
  const benefit = benefits.data?.benefits.find((b) => b.benefitId === benefitId) ?? null;
  // Enrollments change when a job ends: reload then.
  const finished = jobs.jobs.filter((j) => j.completedAt !== null).length;
  const enrollments = useRead<EnrollmentList>(benefit ? `${connectionId}:${benefit.benefitId}:${finished}:${tick}` : null, () =>
    unwrap(workbench().deductions.enrollments({ connectionId, benefitId })),
  );
  const names = useMemo(() => new Map((people.data?.people ?? []).map((p) => [p.individualId, p.name])), [people.data]);
  const outcomes = useMemo(() => {
    const map = new Map<string, JobItem>();
    for (const job of [...jobs.jobs].reverse())
      if (job.kind === 'enroll' && job.benefitId === benefitId) for (const i of job.items) map.set(i.individualId, i);
    return map;
  }, [jobs.jobs, benefitId]);

  const write = async (act: string, call: (confirmName?: string) => Promise<{ jobs: { jobId: string }[]; benefitId: string | null }>) => {
    writes.confirm(act, async (confirmName) => {
      setBusy(true);
      setMessage(null);
      setFieldErrors({});
      try {
        const result = await call(confirmName);
        setMessage({
          ok: true,
          text: `${act}: Finch accepted it as ${result.jobs.length} job(s) (${result.jobs.map((j) => j.jobId.slice(0, 8)).join(', ')}), followed below.`,
        });
        if (result.benefitId && act.startsWith('Create')) setBenefitId(result.benefitId);
        setTick((t) => t + 1);
      } catch (e) {
        setFieldErrors(fieldErrorsOf(e));
        setMessage({ ok: false, text: `${act} failed: ${(e as Error).message}` });
        if (confirmName !== undefined) throw e;
      } finally {
        setBusy(false);
      }
    });
  };
  const submitBenefit = (d: BenefitDraft) =>
    void write(d.mode === 'create' ? 'Create the benefit' : 'Register the benefit', (confirmName) => {
      const base = {
        connectionId,
        type: d.type as never,
        description: d.description,
        frequency: d.frequency as never,
        ...(confirmName ? { confirmName } : {}),
      };
      return d.mode === 'create'
        ? unwrap(
            workbench().deductions.createBenefit({
              ...base,
              ...(d.tiers.length ? { companyContribution: { type: 'match', tiers: d.tiers } } : {}),
            }),
          )
        : unwrap(workbench().deductions.registerBenefit(base));
    });
  const enroll = (list: { individualId: string; configuration: EnrollmentConfiguration }[]) =>
    void write(`Enroll ${list.length} people`, (confirmName) =>
      unwrap(workbench().deductions.enroll({ connectionId, benefitId, people: list, ...(confirmName ? { confirmName } : {}) })),
    );
  const unenroll = (ids: string[]) =>
    void write(`Unenroll ${ids.length} people`, (confirmName) =>
      unwrap(workbench().deductions.unenroll({ connectionId, benefitId, individualIds: ids, ...(confirmName ? { confirmName } : {}) })),
    );
  const rename = (id: string, description: string) =>
    void write('Rename the benefit', (confirmName) =>
      unwrap(workbench().deductions.updateBenefit({ connectionId, benefitId: id, description, ...(confirmName ? { confirmName } : {}) })),
    );

  return (
    <section className="screen screen-wide" aria-labelledby="deductions-title">
      {writes.element}
      <h1 id="deductions-title">Deductions</h1>
      <p className="lede">Create benefits, enroll people, follow every job to its end, and prove the result on the next paycheck.</p>
      {live.length === 0 ? (
        <div className="card empty-state">
          <h2>No connection in {environment?.name ?? 'this environment'}</h2>
          <p className="muted">
            Make one under Connections (Finch Connect) or Sandbox, with the benefits or deduction product, then come back.
          </p>
        </div>
      ) : (
        <>
          <div className="card working-connection">
            <SelectField
              label="Connection"
              value={connectionId}
              options={live.map((c) => ({ value: c.id, label: `${c.customerName ?? 'No customer'} · ${c.providerId} · ${c.id}` }))}
              onChange={(id) => (setPicked(id), setBenefitId(''))}
            />
            {environment?.kind === 'production' && (
              <p className="notice notice-warning" role="note">
                Production: every write changes real paychecks. Writes are refused until Production is armed, and each asks for the
                customer’s name.
              </p>
            )}
          </div>
          {message && (
            <p className={message.ok ? 'notice notice-info' : 'field-error'} role={message.ok ? 'status' : 'alert'}>
              {message.text}
            </p>
          )}
          <SupportPanel support={support.data} error={support.error?.message ?? null} />
          <section className="card" aria-label="Company benefits">
            <div className="card-head">
              <h2>Company benefits</h2>
            </div>
            <BenefitsTable
              list={benefits.data}
              error={benefits.error?.message ?? null}
              selectedId={benefitId}
              onSelect={setBenefitId}
              onRename={rename}
              busy={busy}
            />
            <BenefitForm support={support.data} busy={busy} fieldErrors={fieldErrors} onSubmit={submitBenefit} />
          </section>
          {benefit && (
            <>
              <EnrolledPanel enrollments={enrollments.data} error={enrollments.error?.message ?? null} busy={busy} onUnenroll={unenroll} />
              <EnrollPanel
                benefit={benefit}
                people={people.data?.people ?? null}
                peopleError={people.error?.message ?? null}
                outcomes={outcomes}
                busy={busy}
                onEnroll={enroll}
              />
              <ReconcilePanel connectionId={connectionId} benefitId={benefit.benefitId} refreshKey={finished} />
            </>
          )}
          <JobsPanel
            nameOf={(id) => names.get(id) ?? null}
            jobs={jobs.jobs}
            error={jobs.error}
            onCheck={(id) => void jobs.check(id)}
            onCheckAll={() => void jobs.checkAll()}
          />
        </>
      )}
    </section>
  );
}
