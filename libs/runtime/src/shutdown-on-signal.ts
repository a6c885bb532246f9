export interface ShutdownLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface ShutdownOptions {
  readonly logger: ShutdownLogger;
  /** Stops the component gracefully; called once, on the first SIGTERM or SIGINT. */
  readonly stop: () => Promise<void>;
  /** After this long the process exits with code 1 even if `stop` has not settled. */
  readonly forceAfterMs: number;
  readonly signals?: readonly NodeJS.Signals[];
}

/**
 * Installs SIGTERM/SIGINT handlers that call `stop` once. The returned promise resolves with the
 * exit code main should use: 0 after a clean stop, 1 when stop threw or timed out; the handlers
 * are removed then. A second signal while stopping exits immediately.
 */
export function shutdownOnSignal(options: ShutdownOptions): Promise<number> {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  return new Promise<number>((done) => {
    const resolve = (code: number): void => {
      for (const s of signals) process.off(s, onSignal);
      done(code);
    };
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (stopping) {
        options.logger.info({ signal }, 'second signal, exiting now');
        process.exit(1);
      }
      stopping = true;
      options.logger.info({ signal }, 'stopping');
      const timer = setTimeout(() => {
        options.logger.error({ forceAfterMs: options.forceAfterMs }, 'stop timed out');
        resolve(1);
      }, options.forceAfterMs);
      timer.unref();
      options.stop().then(
        () => {
          clearTimeout(timer);
          options.logger.info({}, 'stopped');
          resolve(0);
        },
        (err: unknown) => {
          clearTimeout(timer);
          options.logger.error({ err }, 'stop failed');
          resolve(1);
        },
      );
    };
    for (const s of signals) process.on(s, onSignal);
  });
}
