/** The parameters of the continuous-batching timing model, in simulated (A100) time. */
export interface TimingParams {
  /** Sequences that can be in the running batch at once (vLLM's --max-num-seqs). */
  readonly maxNumSeqs: number;
  /** Prefill cost per prompt token. */
  readonly prefillMsPerToken: number;
  /** The fixed part of the per-token decode time (weights read once per step). */
  readonly decodeBaseMs: number;
  /** How much each running sequence adds to every sequence's per-token decode time. */
  readonly decodeMsPerRunningSeq: number;
}

/**
 * Roughly one A100-80GB serving a 32B model in bf16 (tensor-parallel inside the node): about 10k
 * prompt tokens/s of prefill, ≈ 25 ms per output token for a lone sequence, rising linearly to
 * ≈ 60 ms per token with 256 sequences in the batch (≈ 4,300 output tokens/s aggregate).
 */
export const A100_32B_TIMING: TimingParams = Object.freeze({
  maxNumSeqs: 256,
  prefillMsPerToken: 0.1,
  decodeBaseMs: 25,
  decodeMsPerRunningSeq: 0.137,
});

/** Per-token decode time of every running sequence when `runningSeqs` are in the batch. */
export function decodeMsPerToken(params: TimingParams, runningSeqs: number): number {
  return params.decodeBaseMs + params.decodeMsPerRunningSeq * Math.max(1, runningSeqs);
}
