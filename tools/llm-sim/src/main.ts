import { loadCatalog } from '@magpie/catalog';
import { createLogger } from '@magpie/logging';
import { shutdownOnSignal } from '@magpie/runtime';
import { loadSimConfig } from './config.js';
import { LlmSimulator } from './llm-simulator.js';

const config = loadSimConfig(process.env);
const logger = createLogger({ name: 'llm-sim', level: config.LOG_LEVEL });
const catalog = loadCatalog(config.MAGPIE_CONFIG_DIR);
const sim = new LlmSimulator({
  catalog,
  logger,
  host: config.SIM_HOST,
  port: config.SIM_PORT,
  seed: config.SIM_SEED,
  accuracy: config.SIM_ACCURACY,
  delayMs: config.SIM_DELAY_MS,
  reasoningParser: config.SIM_REASONING_PARSER,
});
const port = await sim.start();
logger.info({ host: config.SIM_HOST, port, models: catalog.models.ids, rewardModels: catalog.models.rewardIds }, 'llm-sim listening');
const code = await shutdownOnSignal({ logger, stop: () => sim.stop(), forceAfterMs: 10_000 });
process.exit(code);
