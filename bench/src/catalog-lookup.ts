import { join } from 'node:path';
import { loadCatalog, type Catalog } from '@magpie/catalog';
import { REPO_ROOT } from '@magpie/testing';

// The few configs/ facts the benchmark needs, from the platform's own validated catalog, so the
// bench picks the same ids and prompts the services use.

// Read per call: a handful of calls per benchmark, and no module state.
const current = (): Catalog => loadCatalog(join(REPO_ROOT, 'configs'));

/** The first listed id the catalog has, else the first id containing `fallback`. */
export function pickModel(preferred: readonly string[], fallback: string): string {
  const { ids } = current().models;
  const found = preferred.find((id) => ids.includes(id)) ?? ids.find((id) => id.includes(fallback));
  if (!found) throw new Error(`configs/models.json has none of ${preferred.join(', ')} nor an id containing ${fallback}`);
  return found;
}

/** A reward model served on vLLM's /classify (the API the distilabel harness speaks), Skywork first. */
export function pickClassifyRewardModel(): string {
  const classify = current().models.allRewards().filter((r) => r.api === 'classify');
  const found = classify.find((r) => r.id.startsWith('Skywork/')) ?? classify[0];
  if (!found) throw new Error('configs/models.json has no reward model with api "classify"');
  return found.id;
}

/** The model's default solver max_tokens: what a run uses when nothing overrides it. */
export function defaultResponseMaxTokens(model: string): number | undefined {
  const { models } = current();
  return models.has(model) ? models.get(model).defaults.response.maxTokens : undefined;
}

/** The domain's steering system prompt, which the simulator recognises in the Magpie prompt. */
export function steeringPrompt(domain: string): string {
  return current().domains.get(domain).systemPrompt;
}
