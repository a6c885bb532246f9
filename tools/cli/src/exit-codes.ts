/** Process exit codes of the magpie CLI. */
export const ExitCode = {
  ok: 0,
  /** The run ended failed or cancelled, or `magpie up` could not start the platform. */
  failure: 1,
  /** The gateway rejected a call or could not be reached. */
  gatewayError: 2,
  /** Interrupted by Ctrl-C (128 + SIGINT). */
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
