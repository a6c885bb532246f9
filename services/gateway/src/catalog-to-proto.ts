import type { ListDomainsResponse, ListModelsResponse, ResolvedSampling, ServingSettings } from '@magpie/api';
import type { ArmormServing, Catalog, VllmServing } from '@magpie/catalog';

function sampling(s: { temperature: number; topP: number; maxTokens: number }): ResolvedSampling {
  return { temperature: s.temperature, top_p: s.topP, max_tokens: s.maxTokens };
}

function serving(s: VllmServing | ArmormServing): ServingSettings {
  const vllm = 'tensorParallelSize' in s ? s : undefined;
  return {
    params_b: s.paramsB,
    tensor_parallel_size: vllm?.tensorParallelSize ?? 1,
    pipeline_parallel_size: vllm?.pipelineParallelSize ?? 1,
    max_model_len: vllm?.maxModelLen ?? 0,
    gpu_memory_utilization: vllm?.gpuMemoryUtilization ?? 0,
    max_num_seqs: vllm?.maxNumSeqs ?? 0,
    dtype: s.dtype,
    quantization: vllm?.quantization ?? '',
    reasoning_parser: vllm?.reasoningParser ?? '',
    min_gpu_memory_gib: s.minGpuMemoryGiB,
    gated: s.gated,
  };
}

/** ListModels from the gateway's catalog (configs/models.json), in file order. */
export function listModelsResponse(catalog: Catalog): ListModelsResponse {
  return {
    models: catalog.models.all().map((m) => ({
      id: m.id,
      family: m.family,
      reasoning: m.reasoning,
      system_role: m.systemRole,
      defaults: { instruction: sampling(m.defaults.instruction), response: sampling(m.defaults.response), samples: sampling(m.defaults.samples) },
      serving: serving(m.serving),
    })),
    reward_models: catalog.models.allRewards().map((r) => ({ id: r.id, api: r.api, serving: serving(r.serving) })),
    default_reward_model: catalog.models.defaultRewardModel,
  };
}

/** ListDomains from the gateway's catalog (configs/domains.json), in file order. */
export function listDomainsResponse(catalog: Catalog): ListDomainsResponse {
  return {
    domains: catalog.domains.all().map((d) => ({
      name: d.name,
      instruction_temperature: d.instructionTemperature,
      subtopics: d.subtopics.map((s) => ({ name: s.name, system_prompt: s.systemPrompt })),
    })),
  };
}
