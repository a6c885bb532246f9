import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { DomainCatalog, DomainsFile } from './domain-catalog.js';
import { CatalogError } from './errors.js';
import { ModelCatalog, ModelsFile } from './model-catalog.js';

export interface Catalog {
  readonly models: ModelCatalog;
  readonly domains: DomainCatalog;
}

function readJson<T>(path: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new CatalogError(`cannot read ${path}`, { cause });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new CatalogError(`${path} is invalid: ${issues}`);
  }
  return parsed.data;
}

/**
 * Loads and validates `models.json` and `domains.json` from a config directory.
 * Throws CatalogError naming the file and every invalid field.
 */
export function loadCatalog(configDir: string): Catalog {
  return {
    models: new ModelCatalog(readJson(join(configDir, 'models.json'), ModelsFile)),
    domains: new DomainCatalog(readJson(join(configDir, 'domains.json'), DomainsFile)),
  };
}

/** The repository's configs/ directory, resolved from this file so it works from any working directory. */
export const DEFAULT_CONFIG_DIR = fileURLToPath(new URL('../../../configs', import.meta.url));
