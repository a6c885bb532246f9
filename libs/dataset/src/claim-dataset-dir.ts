import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DatasetWriterError } from './errors.js';

/** How many suffixed names are tried after the seed's name is taken. */
const MAX_SUFFIX = 999;

/**
 * Creates a dataset directory under `parent` that no other run uses and returns its path: the
 * seed's name `name` when it is free, else `name-2`, `name-3` … Each candidate is claimed with a
 * non-recursive `mkdir`, which the file system makes atomic, so two runs that start in the same
 * second (same model, domain and timestamp) in two processes still get two directories. Throws
 * DatasetWriterError when the parent cannot be created or every candidate is taken.
 */
export async function claimDatasetDir(parent: string, name: string): Promise<string> {
  try {
    await mkdir(parent, { recursive: true });
  } catch (cause) {
    throw new DatasetWriterError(`cannot create ${parent}`, { cause });
  }
  for (let n = 1; n <= MAX_SUFFIX; n += 1) {
    const dir = join(parent, n === 1 ? name : `${name}-${n}`);
    try {
      await mkdir(dir);
      return dir;
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw new DatasetWriterError(`cannot create ${dir}`, { cause });
    }
  }
  throw new DatasetWriterError(`every directory name from ${name} to ${name}-${MAX_SUFFIX} under ${parent} is taken`);
}
