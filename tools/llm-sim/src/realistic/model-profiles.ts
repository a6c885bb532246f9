import type { TimingParams } from '../timing-params.js';

/**
 * What the realistic profile knows about a served model: how strong it is at mathematics and how
 * big it is (which sets its A100 timing). Kept here, not in configs/models.json, because these
 * are properties of the simulated model, not serving settings.
 */
export interface ModelProfile {
  /** Difficulty (1..5 scale) at which the model is right half the time, before per-problem noise. */
  readonly ability: number;
  /** Total parameters, billions. */
  readonly totalParamsB: number;
  /** Parameters used per token (differs from the total for mixture-of-experts models), billions. */
  readonly activeParamsB: number;
  /** A100-80GB GPUs one replica is tensor-parallel over. */
  readonly gpus: number;
  /** Bytes per weight as served (2 for bf16, 1 for FP8 weight-only). */
  readonly bytesPerParam: number;
}

interface Rule {
  readonly match: RegExp;
  readonly profile: Partial<ModelProfile>;
}

/**
 * Abilities reflect published MATH/AIME standings only in their order (a reasoning distill of 32B
 * beats a 72B instruct model, Llama 3 8B is weak); the scale is the simulator's own.
 */
const RULES: readonly Rule[] = [
  { match: /all-mpnet-base-v2/i, profile: { ability: 0, totalParamsB: 0.11 } },
  { match: /all-MiniLM-L6-v2/i, profile: { ability: 0, totalParamsB: 0.023 } },
  { match: /DeepSeek-R1-0528/i, profile: { ability: 5.8, totalParamsB: 671, activeParamsB: 37, gpus: 16, bytesPerParam: 1 } },
  { match: /DeepSeek-R1$/i, profile: { ability: 5.5, totalParamsB: 671, activeParamsB: 37, gpus: 16, bytesPerParam: 1 } },
  { match: /R1-Distill-Llama-70B/i, profile: { ability: 4.9 } },
  { match: /R1-Distill-Qwen-32B/i, profile: { ability: 4.8 } },
  { match: /Qwen2\.5-Math-72B/i, profile: { ability: 4.3 } },
  { match: /Llama-3\.1-405B/i, profile: { ability: 3.9 } },
  { match: /Qwen2\.5-72B/i, profile: { ability: 3.9 } },
  { match: /Llama-3\.3-70B/i, profile: { ability: 3.7 } },
  { match: /gemma-3-27b/i, profile: { ability: 3.6 } },
  { match: /Qwen2\.5-32B/i, profile: { ability: 3.7 } },
  { match: /Qwen2-72B/i, profile: { ability: 3.4 } },
  { match: /Llama-3\.1-70B/i, profile: { ability: 3.3 } },
  { match: /Qwen2\.5-14B/i, profile: { ability: 3.3 } },
  { match: /Qwen2\.5-Coder-32B/i, profile: { ability: 3.2 } },
  { match: /Llama-3-70B/i, profile: { ability: 2.9 } },
  { match: /Qwen2\.5-7B/i, profile: { ability: 2.9 } },
  { match: /Qwen2-Math-7B/i, profile: { ability: 2.8 } },
  { match: /gemma-2-27b/i, profile: { ability: 2.7 } },
  { match: /Phi-3-medium/i, profile: { ability: 2.5, totalParamsB: 14 } },
  { match: /Phi-3-small/i, profile: { ability: 2.3, totalParamsB: 7.4 } },
  { match: /gemma-2-9b/i, profile: { ability: 2.3 } },
  { match: /Qwen2-7B/i, profile: { ability: 2.3 } },
  { match: /Qwen2\.5-Coder-7B/i, profile: { ability: 2.3 } },
  { match: /Qwen2\.5-3B/i, profile: { ability: 2.2 } },
  { match: /Phi-3\.5-mini/i, profile: { ability: 2.1, totalParamsB: 3.8 } },
  { match: /Phi-3-mini/i, profile: { ability: 2.0, totalParamsB: 3.8 } },
  { match: /Llama-3\.1-8B/i, profile: { ability: 1.9 } },
  { match: /Llama-3-8B/i, profile: { ability: 1.6 } },
  { match: /Qwen2\.5-1\.5B/i, profile: { ability: 1.6 } },
  { match: /Qwen1\.5-7B/i, profile: { ability: 1.3 } },
  { match: /Mistral-7B/i, profile: { ability: 1.2 } },
  { match: /Qwen2-1\.5B/i, profile: { ability: 1.1 } },
  { match: /gemma-2-2b/i, profile: { ability: 1.0 } },
];

/** Parameters in billions from an id such as `…-70B-…` or `…-1.5B`; undefined when the id names none. */
function sizeFromId(id: string): number | undefined {
  const m = /(\d+(?:\.\d+)?)B(?![a-z])/i.exec(id);
  return m ? Number(m[1]) : undefined;
}

/** GPUs per replica by size: what fits in 80 GB per GPU with room for the KV cache. */
function gpusFor(totalParamsB: number, bytesPerParam: number): number {
  const weightGb = totalParamsB * bytesPerParam;
  for (const gpus of [1, 2, 4, 8]) if (weightGb <= gpus * 80 * 0.6) return gpus;
  return 16;
}

/** A model's profile from its id and whether it reasons; unknown ids get a size-based guess. */
export function modelProfile(id: string, reasoning: boolean): ModelProfile {
  const rule = RULES.find((r) => r.match.test(id))?.profile ?? {};
  const totalParamsB = rule.totalParamsB ?? sizeFromId(id) ?? 8;
  const bytesPerParam = rule.bytesPerParam ?? 2;
  // An unknown model: ability grows with log size; a reasoning model is about one level stronger.
  const guessed = 1.3 + 0.75 * Math.log2(Math.max(totalParamsB, 0.5) / 1.5) + (reasoning ? 1.2 : 0) + (/math/i.test(id) ? 0.5 : 0);
  return {
    ability: rule.ability ?? guessed,
    totalParamsB,
    activeParamsB: rule.activeParamsB ?? totalParamsB,
    gpus: rule.gpus ?? gpusFor(totalParamsB, bytesPerParam),
    bytesPerParam,
  };
}

/** A100-80GB SXM: dense bf16 tensor throughput and HBM2e bandwidth. */
export const A100 = Object.freeze({ tflopsBf16: 312, hbmGBps: 2039 });

/** Fractions of the A100 peaks vLLM reaches: model FLOPs use in prefill, memory bandwidth use in decode. */
const PREFILL_MFU = 0.5;
const DECODE_MBU = 0.6;
/** The per-running-sequence decode cost of the 32B-on-2-GPU reference (0.137 ms) per billion active parameters per GPU. */
const PER_SEQ_MS_PER_B_PER_GPU = 0.137 / 16.4;
/** vLLM's fixed cost per decode step (scheduling, sampling, kernel launches) that even a tiny model pays. */
const MIN_STEP_MS = 6;
/** Extra step time from all-reduces across GPUs: within one node, and across two nodes. */
function interconnectMs(gpus: number): number {
  return gpus === 1 ? 0 : gpus <= 8 ? 1 : 8;
}

/**
 * The timing of one replica of a model on A100s, from first principles: prefill is compute-bound
 * (2·P FLOPs per token at PREFILL_MFU of 312 TFLOPS per GPU), a lone sequence's decode step reads
 * every weight once (bytes / (GPUs × 2,039 GB/s × DECODE_MBU), at least MIN_STEP_MS) plus
 * interconnect, and each running
 * sequence adds compute in proportion to the active parameters per GPU, scaled so that a 32B model
 * on two GPUs matches the ideal profile's measured 0.137 ms.
 */
export function a100Timing(profile: ModelProfile, maxNumSeqs: number): TimingParams {
  const perGpuActive = profile.activeParamsB / profile.gpus;
  return {
    maxNumSeqs,
    prefillMsPerToken: (2 * profile.activeParamsB * 1e9) / (profile.gpus * A100.tflopsBf16 * 1e12 * PREFILL_MFU) * 1000,
    decodeBaseMs: Math.max(MIN_STEP_MS, (profile.totalParamsB * profile.bytesPerParam) / (profile.gpus * A100.hbmGBps * DECODE_MBU) * 1000) + interconnectMs(profile.gpus),
    decodeMsPerRunningSeq: PER_SEQ_MS_PER_B_PER_GPU * perGpuActive,
  };
}
