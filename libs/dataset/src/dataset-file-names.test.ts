import { describe, expect, it } from 'vitest';
import { datasetFileNames, datasetFilePrefix } from './dataset-file-names.js';
import { DatasetWriterError } from './errors.js';

describe('datasetFileNames', () => {
  it("uses Magpie's Magpie_{model}_{count}_{timestamp}_{suffix} names", () => {
    expect(datasetFileNames({ model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', count: 50, timestamp: 1_764_086_400 })).toEqual({
      ins: 'Magpie_DeepSeek-R1-Distill-Qwen-32B_50_1764086400_ins.json',
      insRes: 'Magpie_DeepSeek-R1-Distill-Qwen-32B_50_1764086400_ins_res.json',
      ins5res: 'Magpie_DeepSeek-R1-Distill-Qwen-32B_50_1764086400_ins_5res.json',
      ins5resArmorm: 'Magpie_DeepSeek-R1-Distill-Qwen-32B_50_1764086400_ins_5res_armorm.json',
      insResJsonl: 'Magpie_DeepSeek-R1-Distill-Qwen-32B_50_1764086400_ins_res.jsonl',
      ins5resArmormJsonl: 'Magpie_DeepSeek-R1-Distill-Qwen-32B_50_1764086400_ins_5res_armorm.jsonl',
      sharegptJsonl: 'Magpie_DeepSeek-R1-Distill-Qwen-32B_50_1764086400_sharegpt.jsonl',
      messagesJsonl: 'Magpie_DeepSeek-R1-Distill-Qwen-32B_50_1764086400_messages.jsonl',
      dpoJsonl: 'Magpie_DeepSeek-R1-Distill-Qwen-32B_50_1764086400_dpo.jsonl',
      insParquet: 'Magpie_DeepSeek-R1-Distill-Qwen-32B_50_1764086400_ins.parquet',
      insResParquet: 'Magpie_DeepSeek-R1-Distill-Qwen-32B_50_1764086400_ins_res.parquet',
      ins5resArmormParquet: 'Magpie_DeepSeek-R1-Distill-Qwen-32B_50_1764086400_ins_5res_armorm.parquet',
      sharegptParquet: 'Magpie_DeepSeek-R1-Distill-Qwen-32B_50_1764086400_sharegpt.parquet',
      messagesParquet: 'Magpie_DeepSeek-R1-Distill-Qwen-32B_50_1764086400_messages.parquet',
      dpoParquet: 'Magpie_DeepSeek-R1-Distill-Qwen-32B_50_1764086400_dpo.parquet',
      info: 'dataset_info.json',
      card: 'README.md',
    });
  });

  it('takes the model name after the last slash, like ${model##*/}', () => {
    expect(datasetFilePrefix({ model: 'local-model', count: 1, timestamp: 0 })).toBe('Magpie_local-model_1_0');
    expect(datasetFilePrefix({ model: 'a/b/Qwen2.5-Math-72B-Instruct', count: 36_000, timestamp: 1 })).toBe(
      'Magpie_Qwen2.5-Math-72B-Instruct_36000_1',
    );
  });

  it.each([
    [{ model: 'org/', count: 1, timestamp: 1 }],
    [{ model: 'org/..', count: 1, timestamp: 1 }],
    [{ model: 'm', count: 0, timestamp: 1 }],
    [{ model: 'm', count: 1, timestamp: 1.5 }],
    [{ model: 'm', count: 1, timestamp: -1 }],
  ])('refuses %j', (parts) => {
    expect(() => datasetFileNames(parts)).toThrow(DatasetWriterError);
  });
});
