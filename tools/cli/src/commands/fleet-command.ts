import { Command, Option } from 'commander';
import { createMagpieClient, fleetFromProto } from '@magpie/api';
import type { CliConfig } from '../config.js';
import { ExitCode } from '../exit-codes.js';
import { formatFleet } from '../fleet/format-fleet.js';
import { parsePositiveInt } from '../parse-options.js';
import { describeGatewayError } from '../run/describe-error.js';
import { gatewayClientOptions, type GatewayAccessFlags } from '../run/gateway-client-options.js';
import type { CommandIo } from './command-io.js';
import { addGatewayFlags } from './gateway-flags.js';

/** The parsed options of `magpie fleet`. */
export interface FleetCommandOptions extends GatewayAccessFlags {
  readonly gateway: string;
  readonly json?: boolean;
  readonly timeoutMs: number;
}

/** Defines `magpie fleet`; the action calls `execute` with the parsed options, so tests can parse without a gateway. */
export function defineFleetCommand(config: CliConfig, execute: (options: FleetCommandOptions) => Promise<void>): Command {
  const command = new Command('fleet')
    .description("the platform's Deployments on Kubernetes, as the gateway sees them: replicas, GPUs, pods not serving and why, consumer lag, autoscaling, sidecars")
    .option('--json', 'print the fleet as JSON instead of tables')
    .addOption(new Option('--timeout-ms <ms>', 'how long to wait for the gateway').argParser(parsePositiveInt).default(15_000));
  return addGatewayFlags(command, config).action(async (options: FleetCommandOptions) => execute(options));
}

/**
 * Runs `magpie fleet`: one GetFleet call, printed as tables (or JSON with --json). Exit 0 when the
 * gateway answered, 2 when it was unreachable or refused (FAILED_PRECONDITION when it has no
 * cluster, with what to set), whatever the fleet's own state.
 */
export async function executeFleetCommand(options: FleetCommandOptions, io: Pick<CommandIo, 'out' | 'err' | 't'>): Promise<number> {
  const client = createMagpieClient(options.gateway, gatewayClientOptions(options));
  try {
    const fleet = fleetFromProto(await client.getFleet({ deadlineMs: options.timeoutMs }));
    if (options.json) io.out(JSON.stringify(fleet, null, 2));
    else for (const line of formatFleet(fleet)) io.out(line);
    return ExitCode.ok;
  } catch (error) {
    io.err(`magpie fleet: ${describeGatewayError('GetFleet', error, io.t)}`);
    return ExitCode.gatewayError;
  } finally {
    client.close();
  }
}
