import type { Logger } from '@magpie/logging';
import { readBenchmarkDir } from './benchmark-files.js';
import { Decontaminator } from './decontaminator.js';

/**
 * The benchmarks of DECONTAMINATION_DIR, or undefined when it is not set. Throws
 * BenchmarkFileError (a failed start) when the directory or a file in it is unusable.
 */
export function loadDecontaminator(dir: string, logger: Logger): Decontaminator | undefined {
  if (dir === '') return undefined;
  const decontaminator = new Decontaminator(readBenchmarkDir(dir), dir);
  if (decontaminator.size === 0) logger.warn({ dir }, 'the decontamination directory holds no *.jsonl benchmark items');
  else logger.info({ dir, items: decontaminator.size, files: decontaminator.files() }, 'benchmarks loaded for decontamination');
  return decontaminator;
}
