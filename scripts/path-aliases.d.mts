/** Types for path-aliases.mjs (loaded by the Vite and Vitest configs). */
export function pathAliases(): Record<string, string>;
