/**
 * How long Production can be armed for, in minutes. Apart from arming.ts's schema so the header's
 * band (first screen) can offer the choices without bringing zod into the first chunk.
 */
export const ARM_MINUTES = [5, 15, 30, 60] as const;
