/** Production arming: destructive acts need a typed, timed arm. Part of THE IPC contract (./index.ts assembles it). */
import { z } from 'zod';
import { ArmingStateSchema } from '../domain/arming';
import { channel, event } from '../ipc/contract-kit';
import { NoInput } from './common';

export const safetyChannels = {
  safety: {
    armingState: channel({
      input: NoInput,
      output: ArmingStateSchema,
      summary: 'Whether the active Production environment is armed, and until when',
    }),
    arm: channel({
      input: z.object({ confirmName: z.string().max(200), minutes: z.number().int() }).strict(),
      output: ArmingStateSchema,
      summary: 'Arm the active Production environment for a few minutes (its name, typed)',
    }),
    disarm: channel({ input: NoInput, output: ArmingStateSchema, summary: 'Back to read-only at once' }),
    armingChanged: event({ payload: ArmingStateSchema, summary: 'An environment was armed, disarmed, or its arming ran out' }),
  },
} as const;
