import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimDatasetDir } from './claim-dataset-dir.js';

let parent: string;
beforeEach(async () => {
  parent = join(await mkdtemp(join(tmpdir(), 'claim-dir-')), 'data');
});
afterEach(async () => {
  await rm(join(parent, '..'), { recursive: true, force: true });
});

describe('claimDatasetDir', () => {
  it("gives the seed's name to the first run and a suffixed one to each run started in the same second", async () => {
    const name = 'DeepSeek-R1-Distill-Qwen-32B_algebra_20251125_170000';
    const dirs = await Promise.all(Array.from({ length: 6 }, () => claimDatasetDir(parent, name)));
    expect(new Set(dirs).size).toBe(6);
    expect(dirs.map((d) => basename(d)).sort()).toEqual([name, `${name}-2`, `${name}-3`, `${name}-4`, `${name}-5`, `${name}-6`]);
    expect((await readdir(parent)).sort()).toEqual(dirs.map((d) => basename(d)).sort());
  });
});
