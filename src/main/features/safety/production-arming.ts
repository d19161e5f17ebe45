/**
 * Armed Production. A Production environment opens disarmed: reads are allowed, every billable
 * or destructive act is refused with the reason. Arming takes the environment's name, typed,
 * and lasts a chosen number of minutes on the injected clock; every act done while armed is
 * recorded as an event. Non-Production environments are never disarmed.
 */
import type { ArmingState } from '@shared/domain/arming';
import { ARM_MINUTES } from '@shared/domain/arm-minutes';
import type { Clock } from '@main/platform/clock';
import type { ConnectionService } from '@main/platform/workspace/connection-service';
import type { EnvironmentService } from '@main/platform/workspace/environment-service';
import { WorkbenchError } from '@main/platform/errors';

export interface ArmingOptions {
  environments: EnvironmentService;
  connections: ConnectionService;
  clock: Clock;
  onChanged: (state: ArmingState) => void;
}

export class ProductionArming {
  /** Kept in memory on purpose: a restart always comes back disarmed. */
  private readonly armedUntil = new Map<string, number>();
  private readonly timers = new Map<string, () => void>();

  constructor(private readonly options: ArmingOptions) {}

  state(environmentId: string): ArmingState {
    const env = this.options.environments.get(environmentId);
    if (env.kind !== 'production') return { environmentId, applies: false, armed: true, armedUntil: null };
    const until = this.armedUntil.get(environmentId) ?? null;
    const armed = until !== null && until > this.options.clock.now();
    return { environmentId, applies: true, armed, armedUntil: armed ? until : null };
  }

  arm(environmentId: string, confirmName: string, minutes: number): ArmingState {
    const env = this.options.environments.get(environmentId);
    if (env.kind !== 'production')
      throw new WorkbenchError('validation', `Only Production environments are armed; “${env.name}” is always allowed to act.`);
    if (confirmName !== env.name) {
      throw new WorkbenchError('validation', `Type “${env.name}” exactly to arm it.`, {
        fields: [{ path: 'confirmName', message: 'does not match the environment’s name' }],
      });
    }
    if (!(ARM_MINUTES as readonly number[]).includes(minutes))
      throw new WorkbenchError('validation', `Arm for ${ARM_MINUTES.join(', ')} minutes.`);
    const until = this.options.clock.now() + minutes * 60_000;
    this.armedUntil.set(environmentId, until);
    this.timers.get(environmentId)?.();
    // Tell the window when arming runs out, so the tint and countdown end on time.
    this.timers.set(
      environmentId,
      this.options.clock.setTimeout(() => this.expire(environmentId), minutes * 60_000),
    );
    this.options.connections.recordEvent(environmentId, null, null, 'production_armed', { minutes, until }, []);
    return this.changed(environmentId);
  }

  disarm(environmentId: string): ArmingState {
    if (this.armedUntil.delete(environmentId))
      this.options.connections.recordEvent(environmentId, null, null, 'production_disarmed', {}, []);
    this.timers.get(environmentId)?.();
    this.timers.delete(environmentId);
    return this.changed(environmentId);
  }

  /** Refuses `act` unless the environment is armed (or not Production); records it when allowed. */
  authorize(environmentId: string, act: string, detail: Record<string, unknown> = {}): void {
    const state = this.state(environmentId);
    if (!state.applies) return;
    if (!state.armed) {
      const env = this.options.environments.get(environmentId);
      throw new WorkbenchError(
        'forbidden',
        `“${env.name}” is Production and disarmed: ${act} is refused. Arm it first (type its name; it stays armed for the minutes you choose).`,
      );
    }
    this.options.connections.recordEvent(
      environmentId,
      typeof detail['connectionId'] === 'string' ? detail['connectionId'] : null,
      null,
      'armed_act',
      { act, ...detail },
      [],
    );
  }

  private expire(environmentId: string): void {
    this.timers.delete(environmentId);
    if (this.armedUntil.has(environmentId) && !this.state(environmentId).armed) {
      this.armedUntil.delete(environmentId);
      this.changed(environmentId);
    }
  }

  private changed(environmentId: string): ArmingState {
    const state = this.state(environmentId);
    this.options.onChanged(state);
    return state;
  }
}
