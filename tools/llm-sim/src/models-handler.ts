import type { Catalog } from '@magpie/catalog';
import { unixSeconds } from './sim-context.js';

/** The context length /v1/models reports for every model. */
export const SIM_MAX_MODEL_LEN = 32_768;

/** GET /v1/models: every generator and reward model of the catalog and the embedding models, in OpenAI list format. */
export function listModels(catalog: Catalog, embeddingModels: readonly string[]): object {
  const created = unixSeconds();
  const ids = [...catalog.models.ids, ...catalog.models.rewardIds, ...embeddingModels];
  return {
    object: 'list',
    data: ids.map((id) => ({ id, object: 'model', created, owned_by: 'vllm', root: id, parent: null, max_model_len: SIM_MAX_MODEL_LEN, permission: [] })),
  };
}
