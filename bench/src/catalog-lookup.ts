import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@magpie/testing';

// The few configs/ facts the benchmark needs, read straight from the JSON so the bench picks the
// same ids and prompts the platform uses without depending on the catalog library's internals.

interface ModelEntry {
  readonly id: string;
  readonly defaults?: { readonly response?: { readonly maxTokens?: number }; readonly samples?: { readonly maxTokens?: number } };
}
interface RewardEntry {
  readonly id: string;
  readonly api: string;
}
interface ModelsFile {
  readonly models: readonly ModelEntry[];
  readonly rewardModels: readonly RewardEntry[];
}
interface DomainsFile {
  readonly domains: readonly { readonly name: string; readonly systemPrompt: string }[];
}

const readJson = <T>(name: string): T => JSON.parse(readFileSync(join(REPO_ROOT, 'configs', name), 'utf8')) as T;

/** The first listed id that configs/models.json has, else the first id containing `fallback`. */
export function pickModel(preferred: readonly string[], fallback: string): string {
  const ids = readJson<ModelsFile>('models.json').models.map((m) => m.id);
  const found = preferred.find((id) => ids.includes(id)) ?? ids.find((id) => id.includes(fallback));
  if (!found) throw new Error(`configs/models.json has none of ${preferred.join(', ')} nor an id containing ${fallback}`);
  return found;
}

/** A reward model served on vLLM's /classify (the API the distilabel harness speaks), Skywork first. */
export function pickClassifyRewardModel(): string {
  const classify = readJson<ModelsFile>('models.json').rewardModels.filter((r) => r.api === 'classify');
  const found = classify.find((r) => r.id.startsWith('Skywork/')) ?? classify[0];
  if (!found) throw new Error('configs/models.json has no reward model with api "classify"');
  return found.id;
}

/** The model's default solver max_tokens: what a run uses when nothing overrides it. */
export function defaultResponseMaxTokens(model: string): number | undefined {
  return readJson<ModelsFile>('models.json').models.find((m) => m.id === model)?.defaults?.response?.maxTokens;
}

/** The domain's steering system prompt, which the simulator recognises in the Magpie prompt. */
export function steeringPrompt(domain: string): string {
  const found = readJson<DomainsFile>('domains.json').domains.find((d) => d.name === domain);
  if (!found) throw new Error(`configs/domains.json has no domain ${domain}`);
  return found.systemPrompt;
}
