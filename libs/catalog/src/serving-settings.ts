import { z } from 'zod';

/**
 * How each model is served on the GPU fleet. The Helm chart's vLLM sidecar arguments, GPU requests
 * and placement are derived from these settings (deploy/helm/magpie/files/models.json is generated
 * from configs/models.json), and `magpie models list` prints them.
 */

/** The seed's sizing notes: at least this much VRAM per GPU for any model we serve. */
export const MIN_GPU_MEMORY_GIB = 32;
/** The seed's sizing notes: 70B-class models need A100 80GB GPUs and tensor parallelism. */
export const LARGE_MODEL_PARAMS_B = 60;
export const LARGE_MODEL_GPU_MEMORY_GIB = 80;
/** One pod runs on one node; A100 nodes carry at most 8 GPUs. */
export const MAX_GPUS_PER_NODE = 8;
/**
 * Weights may take at most this share of the memory vLLM may use (GPUs × memory ×
 * gpuMemoryUtilization); the rest is KV cache, which is what lets a replica batch many sequences.
 */
export const MAX_WEIGHTS_SHARE = 0.8;
/** Room for the prompt: the context must hold every stage's default maxTokens plus this many prompt tokens. */
export const MIN_PROMPT_TOKENS = 1024;

/**
 * vLLM flags the chart writes from these settings. `extraArgs` may not repeat them: a second
 * `--max-model-len` would silently win over the validated one.
 */
export const MANAGED_VLLM_FLAGS = [
  '--model',
  '--served-model-name',
  '--tensor-parallel-size',
  '--pipeline-parallel-size',
  '--max-num-seqs',
  '--gpu-memory-utilization',
  '--max-model-len',
  '--dtype',
  '--quantization',
  '--reasoning-parser',
  '--runner',
  '--convert',
  '--host',
  '--port',
] as const;

export const Dtype = z.enum(['auto', 'bfloat16', 'float16']);
export type Dtype = z.infer<typeof Dtype>;

/** vLLM `--quantization` methods we size for, with the bytes one parameter takes in memory. */
export const QUANTIZATION_BYTES_PER_PARAM = {
  fp8: 1,
  modelopt_fp4: 0.5625,
  awq: 0.5625,
  gptq: 0.5625,
  awq_marlin: 0.5625,
  gptq_marlin: 0.5625,
  bitsandbytes: 0.5625,
} as const;
export const Quantization = z.enum(Object.keys(QUANTIZATION_BYTES_PER_PARAM) as [keyof typeof QUANTIZATION_BYTES_PER_PARAM]);
export type Quantization = z.infer<typeof Quantization>;

/** vLLM reasoning parsers (`--reasoning-parser`) the platform's models use. */
export const ReasoningParser = z.enum(['deepseek_r1', 'qwen3', 'deepseek_v3']);

const ExtraArg = z
  .string()
  .min(1)
  .refine((arg) => !MANAGED_VLLM_FLAGS.some((flag) => arg === flag || arg.startsWith(`${flag}=`)), {
    message: `must not repeat a flag derived from the serving settings (${MANAGED_VLLM_FLAGS.join(', ')})`,
  });

const sizing = {
  /** Parameter count in billions: sizes the GPUs, the model-cache volume and the sizing table. */
  paramsB: z.number().positive().max(2000),
  /** Memory of each GPU these settings are sized for (A100 40GB or 80GB); at least the seed's 32 GB. */
  minGpuMemoryGiB: z.number().int().min(MIN_GPU_MEMORY_GIB).max(192),
  dtype: Dtype,
  /** Needs a Hugging Face token (gated repository): the chart refuses to render without HF_TOKEN's Secret. */
  gated: z.boolean(),
};

/** A model served by vLLM: a generator model, or a reward model behind vLLM's /classify. */
export const VllmServing = z
  .object({
    ...sizing,
    /** GPUs per replica (`--tensor-parallel-size`); `nvidia.com/gpu` of the pod. */
    tensorParallelSize: z.number().int().min(1).max(MAX_GPUS_PER_NODE),
    /** More than 1 spreads a replica over several nodes, which a single pod cannot: serve it outside the chart. */
    pipelineParallelSize: z.number().int().min(1).max(4).optional(),
    maxModelLen: z.number().int().min(2048),
    gpuMemoryUtilization: z.number().min(0.5).max(0.98),
    /** The backend's `--max-num-seqs`; the stage keeps this many sequences in flight per replica. */
    maxNumSeqs: z.number().int().min(1).max(4096),
    quantization: Quantization.optional(),
    reasoningParser: ReasoningParser.optional(),
    /** `pooling` + `classify` serve a sequence-classification reward model on /classify. */
    runner: z.enum(['generate', 'pooling']).optional(),
    convert: z.enum(['classify']).optional(),
    /** Further vLLM flags, e.g. `--trust-remote-code`; never one of MANAGED_VLLM_FLAGS. */
    extraArgs: z.array(ExtraArg).optional(),
  })
  .strict();
export type VllmServing = z.infer<typeof VllmServing>;

/** The ArmoRM reward server (services/reward-server): one GPU, transformers, batched scoring. */
export const ArmormServing = z
  .object({
    ...sizing,
    /** Tokens per conversation the server keeps (`MAX_LENGTH`). */
    maxLength: z.number().int().min(512),
    /** Conversations scored in one forward pass (`MAX_BATCH_SIZE`). */
    maxBatchSize: z.number().int().min(1).max(256),
  })
  .strict();
export type ArmormServing = z.infer<typeof ArmormServing>;

/** GPUs one replica occupies. */
export function gpusPerReplica(s: VllmServing): number {
  return s.tensorParallelSize * (s.pipelineParallelSize ?? 1);
}

/** Bytes the weights take per parameter, from the quantization or the dtype. */
export function bytesPerParam(s: { dtype: Dtype; quantization?: Quantization | undefined }): number {
  return s.quantization === undefined ? 2 : QUANTIZATION_BYTES_PER_PARAM[s.quantization];
}

/** GiB the weights take in GPU memory. */
export function weightsGiB(s: { paramsB: number; dtype: Dtype; quantization?: Quantization | undefined }): number {
  return (s.paramsB * 1e9 * bytesPerParam(s)) / 2 ** 30;
}

export interface ServingIssue {
  readonly path: readonly string[];
  readonly message: string;
}

/** The seed's sizing rules and the memory fit, as issues on the `serving` object's fields. */
export function vllmServingIssues(s: VllmServing): ServingIssue[] {
  const issues: ServingIssue[] = [];
  const gpus = gpusPerReplica(s);
  if (s.paramsB >= LARGE_MODEL_PARAMS_B && s.minGpuMemoryGiB < LARGE_MODEL_GPU_MEMORY_GIB) {
    issues.push({ path: ['minGpuMemoryGiB'], message: `a ${s.paramsB}B model needs ${LARGE_MODEL_GPU_MEMORY_GIB} GiB GPUs (A100 80GB)` });
  }
  if (s.paramsB >= LARGE_MODEL_PARAMS_B && s.tensorParallelSize < 2) {
    issues.push({ path: ['tensorParallelSize'], message: `a ${s.paramsB}B model needs tensor parallelism (2-4 GPUs, more for the largest)` });
  }
  const usableGiB = gpus * s.minGpuMemoryGiB * s.gpuMemoryUtilization;
  const weights = weightsGiB(s);
  if (weights > MAX_WEIGHTS_SHARE * usableGiB) {
    // Tensor parallelism splits attention heads evenly: powers of two.
    const needed = 2 ** Math.ceil(Math.log2(weights / (MAX_WEIGHTS_SHARE * s.minGpuMemoryGiB * s.gpuMemoryUtilization)));
    issues.push({
      path: ['tensorParallelSize'],
      message:
        `${weights.toFixed(1)} GiB of weights leave too little KV cache on ${gpus} × ${s.minGpuMemoryGiB} GiB at ` +
        `gpuMemoryUtilization ${s.gpuMemoryUtilization} (weights may use at most ${MAX_WEIGHTS_SHARE * 100}%): use ${needed} GPUs or more`,
    });
  }
  return issues;
}
