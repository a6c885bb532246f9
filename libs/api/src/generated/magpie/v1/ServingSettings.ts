// Original file: proto/magpie/v1/magpie.proto


/**
 * How a model is served on the GPU fleet.
 */
export interface ServingSettingsInput {
  /**
   * Parameters, in billions.
   */
  'params_b'?: (number | string);
  /**
   * GPUs per replica (vLLM --tensor-parallel-size); 1 for the ArmoRM server.
   */
  'tensor_parallel_size'?: (number);
  /**
   * Pipeline stages per replica; 1 unless set.
   */
  'pipeline_parallel_size'?: (number);
  /**
   * vLLM --max-model-len; 0 for the ArmoRM server.
   */
  'max_model_len'?: (number);
  /**
   * vLLM --gpu-memory-utilization; 0 for the ArmoRM server.
   */
  'gpu_memory_utilization'?: (number | string);
  /**
   * vLLM --max-num-seqs; 0 for the ArmoRM server.
   */
  'max_num_seqs'?: (number);
  /**
   * auto, bfloat16 or float16.
   */
  'dtype'?: (string);
  /**
   * vLLM --quantization; empty for none.
   */
  'quantization'?: (string);
  /**
   * vLLM --reasoning-parser; empty for none.
   */
  'reasoning_parser'?: (string);
  /**
   * Memory of each GPU the settings are sized for, GiB.
   */
  'min_gpu_memory_gib'?: (number);
  /**
   * Needs a Hugging Face token.
   */
  'gated'?: (boolean);
}

/**
 * How a model is served on the GPU fleet.
 */
export interface ServingSettings {
  /**
   * Parameters, in billions.
   */
  'params_b': (number);
  /**
   * GPUs per replica (vLLM --tensor-parallel-size); 1 for the ArmoRM server.
   */
  'tensor_parallel_size': (number);
  /**
   * Pipeline stages per replica; 1 unless set.
   */
  'pipeline_parallel_size': (number);
  /**
   * vLLM --max-model-len; 0 for the ArmoRM server.
   */
  'max_model_len': (number);
  /**
   * vLLM --gpu-memory-utilization; 0 for the ArmoRM server.
   */
  'gpu_memory_utilization': (number);
  /**
   * vLLM --max-num-seqs; 0 for the ArmoRM server.
   */
  'max_num_seqs': (number);
  /**
   * auto, bfloat16 or float16.
   */
  'dtype': (string);
  /**
   * vLLM --quantization; empty for none.
   */
  'quantization': (string);
  /**
   * vLLM --reasoning-parser; empty for none.
   */
  'reasoning_parser': (string);
  /**
   * Memory of each GPU the settings are sized for, GiB.
   */
  'min_gpu_memory_gib': (number);
  /**
   * Needs a Hugging Face token.
   */
  'gated': (boolean);
}
