import { loadCatalog } from '@magpie/catalog';
import { createLogger } from '@magpie/logging';
import { shutdownOnSignal } from '@magpie/runtime';
import { loadSimConfig } from './config.js';
import { replicaOptionsFromConfig } from './sim-options.js';
import { startReplicas } from './start-replicas.js';

const config = loadSimConfig();
const logger = createLogger({ name: 'llm-sim', level: config.LOG_LEVEL });
const catalog = loadCatalog(config.MAGPIE_CONFIG_DIR);
const set = await startReplicas(replicaOptionsFromConfig(config, { catalog, logger }));
for (const r of set.replicas) {
  logger.info({ replica: r.index, url: r.url, port: r.port, profile: config.SIM_PROFILE, models: catalog.models.ids, rewardModels: catalog.models.rewardIds }, 'llm-sim listening');
}
const code = await shutdownOnSignal({ logger, stop: () => set.stop(), forceAfterMs: 10_000 });
process.exit(code);
