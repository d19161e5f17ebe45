/**
 * Runs a bench's main() and exits explicitly: the rate limiter keeps a timer per bucket so
 * its meter can fall as slots expire (up to a window of real time), which would otherwise
 * hold the process open after the figures are printed.
 */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
