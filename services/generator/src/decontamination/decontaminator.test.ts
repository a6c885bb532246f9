import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BenchmarkFileError, readBenchmarkDir, readBenchmarkFile } from './benchmark-files.js';
import { Decontaminator } from './decontaminator.js';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/decontamination');
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'benchmarks-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('benchmark files', () => {
  it('reads every JSONL file of the directory, with the problem and id fields it knows', () => {
    const items = readBenchmarkDir(FIXTURE);
    expect(items).toHaveLength(10);
    expect(items[0]).toMatchObject({ file: 'made-up-competition.jsonl', line: 1, itemId: 'made-up/graphs/1' });
    // GSM8K-style rows have `question` and no id; the empty line 4 is skipped but still counted.
    expect(items.filter((i) => i.file === 'made-up-grade-school.jsonl').map((i) => [i.line, i.itemId])).toEqual([
      [1, null],
      [2, null],
      [3, null],
      [5, null],
    ]);
  });

  it('names the file and line of a row it cannot use', async () => {
    const path = join(scratch, 'bad.jsonl');
    await writeFile(path, '{"problem": "fine problem text here"}\n{"solution": "no problem field"}\n');
    expect(() => readBenchmarkFile(path)).toThrow(/bad\.jsonl:2: no problem text in any of problem, question, instruction/);
    await writeFile(path, 'not json\n');
    expect(() => readBenchmarkFile(path)).toThrow(BenchmarkFileError);
    expect(() => readBenchmarkDir(join(scratch, 'missing'))).toThrow(/cannot read the decontamination directory/);
  });
});

describe('Decontaminator', () => {
  const decontaminator = new Decontaminator(readBenchmarkDir(FIXTURE), FIXTURE);

  it('finds a shared 13-gram whatever the numbers, spacing and LaTeX around it, with the item as evidence', () => {
    const generated = 'A teacher gave the class the following challenge. A tree has exactly 14 vertices of degree 3, exactly 10 vertices of degree 4, and every other vertex is a leaf. How many leaves does it have?';
    expect(decontaminator.check(generated, 13)).toEqual({
      file: 'made-up-competition.jsonl',
      line: 1,
      itemId: 'made-up/graphs/1',
      ngram: 'vertices of degree 4 and every other vertex is a leaf how many',
      n: 13,
    });
  });

  it('passes problems that share fewer than n consecutive words, and honours a smaller n', () => {
    const generated = 'Omar saves 12 dollars every week for a scooter that costs 300 dollars. How many weeks until he can buy it?';
    expect(decontaminator.check(generated, 13)).toBeUndefined();
    expect(decontaminator.check(generated, 5)).toMatchObject({ file: 'made-up-grade-school.jsonl', line: 5, itemId: null, ngram: 'dollars every week for a', n: 5 });
    expect(decontaminator.check('Find the number of positive divisors of 360.', 13)).toBeUndefined();
  });

  it('matches a benchmark item shorter than n words as a whole', () => {
    const short = new Decontaminator([{ file: 's.jsonl', line: 1, itemId: '7', text: 'What is the sum of the first 100 positive integers?' }], 's');
    expect(short.check('Quick one: what is the sum of the first 100 positive integers? Explain.', 13)).toMatchObject({ line: 1, ngram: 'what is the sum of the first 100 positive integers' });
    expect(short.check('What is the sum of the first 50 positive integers?', 13)).toBeUndefined();
    expect(short.files()).toEqual({ 's.jsonl': 1 });
  });
});
