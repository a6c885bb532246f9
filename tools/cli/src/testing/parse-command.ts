import { Command } from 'commander';

/**
 * Test-only: parses argv (after the program name) through a command defined with an `execute`
 * callback and returns what the action received; commander errors are thrown as CommanderError.
 */
export async function parseCommand<T>(define: (execute: (options: T) => Promise<void>) => Command, argv: string[]): Promise<T> {
  let received: T | undefined;
  const program = new Command('magpie').exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  const command = define((options) => {
    received = options;
    return Promise.resolve();
  });
  command.exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  program.addCommand(command);
  await program.parseAsync(argv, { from: 'user' });
  if (received === undefined) throw new Error('action not called');
  return received;
}
