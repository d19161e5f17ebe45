/** Armed Production, as the renderer shows it: disarmed (read-only) unless armed for a while. */
import { z } from 'zod';

export const ArmingStateSchema = z.object({
  environmentId: z.string(),
  /** Only Production environments are ever disarmed; everything else is always "armed". */
  applies: z.boolean(),
  armed: z.boolean(),
  /** Epoch ms when arming ends; null when disarmed or not applicable. */
  armedUntil: z.number().nullable(),
});
export type ArmingState = z.infer<typeof ArmingStateSchema>;
