import { Command } from 'commander';
import type { CliConfig } from '../config.js';
import { ExitCode } from '../exit-codes.js';
import { describeReadiness, probeOnce } from '@magpie/launcher';
import { readUpState, upStatePath, type UpComponentState } from '../supervisor/up-state-file.js';
import type { CommandIo } from './command-io.js';

/** The parsed options of `magpie status`. */
export interface StatusCommandOptions {
  readonly stateDir: string;
  /** Per health probe. */
  readonly timeoutMs?: number;
}

/** `magpie status` exits 2 when no `magpie up` is running: nothing to report on, which is not "unhealthy". */
export const NOT_RUNNING_EXIT_CODE = 2;

/** One row of the status table. */
export interface ComponentStatus {
  readonly component: UpComponentState;
  /** `healthy`, `unhealthy` (up, probe failed), `restarting` (backing off) or `exited` (no such process). */
  readonly health: 'healthy' | 'unhealthy' | 'restarting' | 'exited';
}

/**
 * Defines `magpie status`. The action calls `execute` with the parsed options, so tests can parse
 * without probing anything.
 */
export function defineStatusCommand(config: CliConfig, execute: (options: StatusCommandOptions) => Promise<void>): Command {
  return new Command('status')
    .description('show each component of a running `magpie up`: pid, ports, health and restarts (exit 0 all healthy, 1 not, 2 none running)')
    .option('--state-dir <dir>', 'the state dir `magpie up` was given (env MAGPIE_STATE_DIR)', config.stateDir)
    .action(async (options: StatusCommandOptions) => execute(options));
}

/** True while a process with this pid exists (EPERM: it exists, owned by someone else). */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Probes every component of up.json the way `magpie up` waited for it. */
export async function probeComponents(components: readonly UpComponentState[], timeoutMs: number): Promise<ComponentStatus[]> {
  return Promise.all(
    components.map(async (component): Promise<ComponentStatus> => {
      if (!processExists(component.pid)) return { component, health: component.state === 'restarting' ? 'restarting' : 'exited' };
      if (component.state === 'restarting') return { component, health: 'restarting' };
      return { component, health: (await probeOnce(component.health, timeoutMs)) ? 'healthy' : 'unhealthy' };
    }),
  );
}

/** The status table: one padded line per component under a header. */
export function formatStatusTable(rows: readonly ComponentStatus[]): string[] {
  const table = [
    ['NAME', 'PID', 'PORTS', 'HEALTH', 'RESTARTS', 'CHECK'],
    ...rows.map(({ component, health }) => [
      component.name,
      String(component.pid),
      Object.entries(component.ports)
        .map(([role, port]) => `${role}=${port}`)
        .join(' '),
      health,
      String(component.restarts),
      describeReadiness(component.health),
    ]),
  ];
  const widths = table[0]?.map((_, column) => Math.max(...table.map((row) => row[column]?.length ?? 0))) ?? [];
  return table.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  '));
}

/**
 * Runs `magpie status`: reads `<state-dir>/up.json`, probes each component and prints the table.
 * Resolves with 0 when every component is healthy, 1 otherwise, 2 when no `magpie up` is running
 * (no up.json, or its supervisor is gone).
 */
export async function executeStatusCommand(options: StatusCommandOptions, io: CommandIo): Promise<number> {
  const state = readUpState(options.stateDir);
  if (!state) {
    io.err(`magpie status: no magpie up is running (no ${upStatePath(options.stateDir)})`);
    return NOT_RUNNING_EXIT_CODE;
  }
  if (!processExists(state.pid)) {
    io.err(`magpie status: magpie up (pid ${state.pid}) is not running; ${upStatePath(options.stateDir)} is left over from it`);
    return NOT_RUNNING_EXIT_CODE;
  }
  const rows = await probeComponents(state.components, options.timeoutMs ?? 2_000);
  io.out(`magpie up (pid ${state.pid}) since ${state.started_at}; gateway ${state.gateway}`);
  for (const line of formatStatusTable(rows)) io.out(line);
  const unhealthy = rows.filter((r) => r.health !== 'healthy').map((r) => r.component.name);
  if (unhealthy.length > 0) {
    io.out(`not healthy: ${unhealthy.join(', ')}`);
    return ExitCode.failure;
  }
  return ExitCode.ok;
}
