import { LocalPlatform, STAGE_NAMES, type LocalPlatformOptions, type ServiceName } from '@magpie/testing';
import type { Pool } from './capacity-bound.js';
import type { Scenario } from './scenarios.js';

/** The simulator settings of a scenario: the same for our run and for the peer's fresh simulator. */
function simEnv(s: Scenario): Record<string, string> {
  return {
    SIM_PROFILE: s.profile,
    SIM_MAX_NUM_SEQS: String(s.slotsPerReplica),
    SIM_TIME_SCALE: String(s.timeScale),
    SIM_SEED: '1234',
    LOG_LEVEL: 'warn',
    ...s.simEnv,
  };
}

/**
 * Starts a scenario's platform the way `magpie up` does (the same plan). `services` is empty for
 * the peer: then only nats-server and the simulator(s) run, on the same port scheme.
 */
export async function startScenarioPlatform(s: Scenario, services?: readonly ServiceName[]): Promise<LocalPlatform> {
  const options: LocalPlatformOptions = {
    baseEnv: { ...process.env },
    simPerStage: s.perStage,
    simReplicas: s.replicas,
    simEnv: simEnv(s),
    // MAX_NUM_SEQS is what a user sets to the backend's --max-num-seqs; 16 completions per
    // generator request fill a 64-slot replica with four requests.
    serviceEnv: { MAX_NUM_SEQS: String(s.slotsPerReplica), SLOTS_PER_TASK: '16', LOG_LEVEL: 'warn', ...s.serviceEnv },
    ...(services === undefined ? {} : { services }),
  };
  return LocalPlatform.start(options);
}

/** The backend pools whose load bounds our run: the one shared simulator, or each stage's own. */
export function ourPools(platform: LocalPlatform, s: Scenario): Pool[] {
  if (!s.perStage) return [{ name: 'shared', urls: platform.allSimUrls() }];
  // The tagger's simulator is idle (no run here asks for tags), so it bounds nothing.
  return STAGE_NAMES.filter((st) => st !== 'tagger').map((st) => ({ name: st, urls: platform.simUrls(st) }));
}
