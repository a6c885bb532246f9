import { DEFAULT_CONFIG_DIR, loadCatalog } from '@magpie/catalog';
import { describe, expect, it } from 'vitest';
import { RealisticRegistry } from '../families/realistic-registry.js';
import { Rng } from '../rng.js';
import { AnswerJudge } from './answer-judge.js';
import { writeRealisticAnswer, type AnswerInput } from './answer-writer.js';
import { steerTopic } from './loose-steering.js';
import { incompleteText, nonMathText, recogniseOffTask } from './off-task-prompts.js';
import { textDefects, withLeakedAnswer, withTrailingColon } from './problem-decorations.js';
import { DEFAULT_REALISM } from './realism-settings.js';
import { ThinkingLength } from './thinking-length.js';

const catalog = loadCatalog(DEFAULT_CONFIG_DIR);
const registry = new RealisticRegistry();
const thinking = new ThinkingLength(DEFAULT_REALISM);

function samples(text: string, n: number, overrides: Partial<AnswerInput> = {}): ReturnType<typeof writeRealisticAnswer>[] {
  const known = registry.recognise(text);
  const rng = new Rng(42);
  return Array.from({ length: n }, () =>
    writeRealisticAnswer({ question: text, known, offTask: undefined, modelId: 'meta-llama/Meta-Llama-3-8B-Instruct', ability: 2, reasoning: false, temperature: 0.8, maxTokens: 4096, settings: DEFAULT_REALISM, thinking, rng, judge: new AnswerJudge(), ...overrides }),
  );
}

describe('realistic answers', () => {
  const text = registry.generate(new Rng(7), 4, 'algebra', 'linear_equations').text;
  const truth = registry.recognise(text)?.truth.answer.latex ?? '';

  it('writes samples of one problem along different paths and in different words', () => {
    const written = samples(text, 40);
    expect(new Set(written.map((s) => s.text)).size).toBe(40);
    expect(written.some((s) => s.correct)).toBe(true);
    expect(written.some((s) => s.correct === false)).toBe(true);
  });

  it('goes wrong consistently: a wrong sample never boxes the true answer, and wrong samples tend to agree', () => {
    const wrong = samples(text, 300).filter((s) => s.correct === false);
    for (const s of wrong) expect(s.answer).not.toBe(truth);
    const counts = new Map<string, number>();
    for (const s of wrong) counts.set(s.answer ?? '', (counts.get(s.answer ?? '') ?? 0) + 1);
    // A problem's typical mistakes make the commonest wrong answer far more frequent than chance.
    expect(Math.max(...counts.values()) / wrong.length).toBeGreaterThan(0.2);
  });

  it('thinks longer on harder problems for a reasoning model', () => {
    const easy = registry.generate(new Rng(1), 1, 'geometry').text;
    const hard = registry.generate(new Rng(1), 5, 'geometry').text;
    const mean = (t: string): number => samples(t, 60, { reasoning: true, maxTokens: 1e9 }).reduce((s, a) => s + a.text.length, 0) / 60;
    expect(mean(hard)).toBeGreaterThan(3 * mean(easy));
  });

  it('answers off-task requests without a boxed answer', () => {
    const request = nonMathText(new Rng(3)).text;
    const [reply] = samples(request, 1, { known: undefined, offTask: recogniseOffTask(request) });
    expect(reply?.text).not.toContain('\\boxed');
    expect(reply?.correct).toBeUndefined();
  });
});

describe('loose steering and defective instructions', () => {
  const rng = new Rng(9);

  it('takes the catalog prompt exactly, a prompt it has not seen by its words, and no prompt as any domain', () => {
    const circles = catalog.domains.subtopic('geometry', 'circles');
    expect(steerTopic(circles.systemPrompt, catalog.domains, rng)).toEqual({ domain: 'geometry', subtopic: 'circles' });
    expect(steerTopic('You write tricky probability puzzles for gifted students.', catalog.domains, rng).domain).toBe('statistics');
    expect(steerTopic('Write number theory questions about modular arithmetic.', catalog.domains, rng)).toEqual({ domain: 'number_theory', subtopic: 'modular_arithmetic' });
    expect(catalog.domains.names).toContain(steerTopic(undefined, catalog.domains, rng).domain);
  });

  it('recognises its own off-task texts and the defects of decorated problems', () => {
    expect(recogniseOffTask(nonMathText(rng).text)?.kind).toBe('non_math');
    expect(recogniseOffTask(incompleteText('number_theory', rng))).toEqual({ kind: 'incomplete', domain: 'number_theory' });
    const { text, problem } = registry.generate(rng, 3, 'calculus');
    expect(textDefects(text)).toEqual([]);
    expect(textDefects(withTrailingColon(text, rng))).toEqual(['trailing_colon']);
    const leaked = withLeakedAnswer(text, problem.truth, rng);
    expect(textDefects(leaked)).toEqual(['answer_leak']);
    expect(registry.recognise(leaked)?.truth.answer.latex).toBe(problem.truth.answer.latex);
  });
});
