import { DatasetWriterError } from './errors.js';

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * `<ModelName>_<domain>_<YYYYMMDD_HHMMSS>`, where ModelName is the model id after its last '/'
 * and the timestamp is `date` in local time, as the seed's `generate_domain_dataset.sh` names its
 * output directories (`date +%Y%m%d_%H%M%S`). Throws DatasetWriterError when either part is
 * empty or the name would not be a single path segment.
 */
export function datasetDirName(model: string, domain: string, date: Date): string {
  const modelName = model.slice(model.lastIndexOf('/') + 1);
  if (!modelName || !domain) throw new DatasetWriterError(`cannot name a dataset directory for model "${model}" and domain "${domain}"`);
  if (/[\\/]/.test(domain) || domain === '.' || domain === '..') throw new DatasetWriterError(`domain "${domain}" is not a plain name`);
  if (Number.isNaN(date.getTime())) throw new DatasetWriterError('invalid date');
  const stamp =
    `${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}` +
    `_${two(date.getHours())}${two(date.getMinutes())}${two(date.getSeconds())}`;
  return `${modelName}_${domain}_${stamp}`;
}
