/**
 * The band across the window whenever Production is active: named, not only coloured. It says
 * whether Production is disarmed (read-only) or armed, with the minutes left, and arms it after
 * the environment's name is typed. While armed the whole window is tinted.
 */
import type { JSX } from 'react';
import { useEffect, useState } from 'react';
import type { ArmingState } from '@shared/domain/arming';
import { ARM_MINUTES } from '@shared/domain/arm-minutes';
import type { EnvironmentsState } from '@shared/domain/environment';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { SelectField } from '../components/fields';
import { unwrap, workbench } from '../workbench';

function useArming(activeId: string | null): ArmingState | null {
  const [state, setState] = useState<ArmingState | null>(null);
  useEffect(() => {
    if (!activeId) return;
    void unwrap(workbench().safety.armingState({})).then(setState, () => setState(null));
    return workbench().safety.onArmingChanged((s) => s.environmentId === activeId && setState(s));
  }, [activeId]);
  return state;
}

function useCountdown(until: number | null): string {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (until === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [until]);
  if (until === null) return '';
  const left = Math.max(0, Math.round((until - now) / 1000));
  return `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
}

export function ProductionBand({ state }: { state: EnvironmentsState | null }): JSX.Element | null {
  const active = state?.environments.find((e) => e.id === state.activeId) ?? null;
  const production = active?.kind === 'production';
  const arming = useArming(production ? active.id : null);
  const armed = production && arming?.armed === true;
  const left = useCountdown(armed ? (arming?.armedUntil ?? null) : null);
  const [asking, setAsking] = useState(false);
  const [minutes, setMinutes] = useState('15');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    document.body.classList.toggle('production-armed', armed);
    return () => document.body.classList.remove('production-armed');
  }, [armed]);

  if (!production || !active) return null;
  return (
    <div className={`production-band ${armed ? 'armed' : 'disarmed'}`} role="status" aria-live="polite" aria-label="Production status">
      <strong>PRODUCTION</strong> — {active.name}.{' '}
      {armed ? (
        <>
          <strong>ARMED</strong> for {left}: disconnects, new connections and job runs are allowed, and each is recorded.{' '}
          <button type="button" className="band-button" onClick={() => void unwrap(workbench().safety.disarm({}))}>
            Disarm now
          </button>
        </>
      ) : (
        <>
          Disarmed: read-only. Live employer data; billable acts and acts that cannot be undone are refused until you arm it.{' '}
          <button type="button" className="band-button" onClick={() => (setError(null), setAsking(true))}>
            Arm…
          </button>
        </>
      )}
      {asking && (
        <ConfirmDialog
          title={`Arm ${active.name}?`}
          confirmLabel="Arm"
          danger
          typeToConfirm={active.name}
          error={error}
          onCancel={() => setAsking(false)}
          onConfirm={(typed) =>
            void unwrap(workbench().safety.arm({ confirmName: typed, minutes: Number(minutes) })).then(
              () => setAsking(false),
              (e: Error) => setError(e.message),
            )
          }
        >
          <p>
            While armed, this window can disconnect connections, start Connect for new billable connections and run jobs against live
            employer data. Every such act is recorded.
          </p>
          <SelectField
            label="Stay armed for"
            value={minutes}
            options={ARM_MINUTES.map((m) => ({ value: String(m), label: `${m} minutes` }))}
            onChange={setMinutes}
          />
        </ConfirmDialog>
      )}
    </div>
  );
}
