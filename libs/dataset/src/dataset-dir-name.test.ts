import { describe, expect, it } from 'vitest';
import { datasetDirName } from './dataset-dir-name.js';
import { DatasetWriterError } from './errors.js';

describe('datasetDirName', () => {
  it('joins the model name after the last slash, the domain and a local timestamp', () => {
    const date = new Date(2025, 0, 2, 3, 4, 5);
    expect(datasetDirName('deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', 'algebra', date)).toBe(
      'DeepSeek-R1-Distill-Qwen-32B_algebra_20250102_030405',
    );
    expect(datasetDirName('local-model', 'number_theory', new Date(2025, 10, 25, 23, 59, 59))).toBe(
      'local-model_number_theory_20251125_235959',
    );
  });

  it('refuses names that are not one path segment', () => {
    expect(() => datasetDirName('org/', 'algebra', new Date())).toThrow(DatasetWriterError);
    expect(() => datasetDirName('m', '../x', new Date())).toThrow(DatasetWriterError);
    expect(() => datasetDirName('m', 'algebra', new Date(Number.NaN))).toThrow(DatasetWriterError);
  });
});
