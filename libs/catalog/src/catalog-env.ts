import { z } from 'zod';
import { DEFAULT_CONFIG_DIR } from './load-catalog.js';

/** The variable of every process that loads the catalog: the folder with models.json and domains.json. */
export const catalogEnv = {
  MAGPIE_CONFIG_DIR: z.string().default(DEFAULT_CONFIG_DIR),
};
