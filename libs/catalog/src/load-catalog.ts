import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { platformFile } from '@magpie/config';
import type { z } from 'zod';
import { DomainCatalog, DomainsFile } from './domain-catalog.js';
import { CatalogError } from './errors.js';
import { MIN_REASONING_TOKENS, ModelCatalog, ModelsFile } from './model-catalog.js';
import { PresetCatalog, PresetsFile } from './preset-catalog.js';
import { MIN_PROMPT_TOKENS } from './serving-settings.js';

export interface Catalog {
  readonly models: ModelCatalog;
  readonly domains: DomainCatalog;
  readonly presets: PresetCatalog;
}

export type Parsed<T> = { readonly data: T; readonly issues?: undefined } | { readonly data?: undefined; readonly issues: string[] };

/** Reads a JSON file and checks it against `schema`: the data, or one `path: message` per problem. */
function parseJsonFile<T>(path: string, schema: z.ZodType<T>): Parsed<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new CatalogError(`cannot read ${path}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { data: parsed.data };
  return { issues: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}

function readJson<T>(path: string, schema: z.ZodType<T>): T {
  const parsed = parseJsonFile(path, schema);
  if (parsed.issues) throw new CatalogError(`${path} is invalid: ${parsed.issues.join('; ')}`);
  return parsed.data;
}

/**
 * Checks a models file on its own (`magpie models validate`): the validated file, or one
 * `path: message` per invalid field. Throws CatalogError when it cannot be read or parsed.
 */
export function checkModelsFile(path: string): Parsed<ModelsFile> {
  return parseJsonFile(path, ModelsFile);
}

/** Issues of presets that name a model or domain the catalog lacks, or cut a reasoning model's responses short. */
function presetIssues(presets: PresetsFile, models: ModelCatalog, domains: DomainCatalog): string[] {
  const issues: string[] = [];
  for (const [i, p] of presets.presets.entries()) {
    if (p.kind === 'domains') {
      for (const d of Object.keys(p.domains)) {
        if (!domains.has(d)) issues.push(`presets.${i}.domains.${d}: unknown domain; known domains: ${domains.names.join(', ')}`);
      }
      continue;
    }
    if (!models.has(p.model)) {
      issues.push(`presets.${i}.model: unknown model "${p.model}"`);
      continue;
    }
    const maxModelLen = models.get(p.model).serving.maxModelLen;
    for (const field of ['maxTokensInstruction', 'maxTokensResponse', 'maxTokensSamples'] as const) {
      const tokens = p[field];
      if (tokens !== undefined && tokens + MIN_PROMPT_TOKENS > maxModelLen) {
        issues.push(`presets.${i}.${field}: ${tokens} plus ${MIN_PROMPT_TOKENS} prompt tokens exceeds the model's maxModelLen ${maxModelLen}`);
      }
    }
    if (models.get(p.model).reasoning) {
      if (p.maxTokensResponse < MIN_REASONING_TOKENS) issues.push(`presets.${i}.maxTokensResponse: a reasoning model needs >= ${MIN_REASONING_TOKENS}`);
      if (p.maxTokensSamples !== undefined && p.maxTokensSamples < MIN_REASONING_TOKENS) {
        issues.push(`presets.${i}.maxTokensSamples: a reasoning model needs >= ${MIN_REASONING_TOKENS}`);
      }
    }
  }
  return issues;
}

/**
 * Loads and validates `models.json`, `domains.json` and (when present) `presets.json` from a
 * config directory; without `presets.json` the preset catalog is empty. Presets must name known
 * models and domains. Throws CatalogError naming the file and every invalid field.
 */
export function loadCatalog(configDir: string): Catalog {
  const models = new ModelCatalog(readJson(join(configDir, 'models.json'), ModelsFile));
  const domains = new DomainCatalog(readJson(join(configDir, 'domains.json'), DomainsFile));
  const presetsPath = join(configDir, 'presets.json');
  const presetsFile: PresetsFile = existsSync(presetsPath) ? readJson(presetsPath, PresetsFile) : { presets: [] };
  const issues = presetIssues(presetsFile, models, domains);
  if (issues.length > 0) throw new CatalogError(`${presetsPath} is invalid: ${issues.join('; ')}`);
  return { models, domains, presets: new PresetCatalog(presetsFile) };
}

/** The platform's configs/ folder (the repository's, or the build's copy), found from this module so it works from any working directory. */
export const DEFAULT_CONFIG_DIR = platformFile(import.meta.url, 'configs');
