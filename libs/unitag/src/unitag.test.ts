import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ClassificationTag,
  DIFFICULTY_LEVELS,
  TASK_TAGS,
  UNITAG_MISSIONS,
  UnitagParseError,
  classificationPrompt,
  difficultyPrompt,
  parseUnitagAnswer,
  qualityPrompt,
  recogniseUnitagPrompt,
  unitagPrompt,
} from './index.js';

const golden = JSON.parse(readFileSync(new URL('./magpie-prompts.golden.json', import.meta.url), 'utf8')) as Record<string, string>;

describe('unitag prompts', () => {
  it.each(UNITAG_MISSIONS)("%s: is Magpie's prompt character for character", (mission) => {
    expect(unitagPrompt(mission, 'QUERY')).toBe(golden[mission]);
  });

  it('puts the query between the code fences', () => {
    const query = 'Find the sum of the roots of x^2 - 5x + 6 = 0.';
    for (const prompt of [difficultyPrompt(query), qualityPrompt(query), classificationPrompt(query)]) {
      expect(prompt).toContain(`\`\`\`\n${query}\n\`\`\``);
    }
  });

  it('lists the twelve task tags in the order of the prompt', () => {
    const prompt = classificationPrompt('q');
    const positions = TASK_TAGS.map((tag) => prompt.indexOf(`"${tag}"`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});

describe('recogniseUnitagPrompt', () => {
  const query = 'How many positive divisors does 360 have?\nShow your steps.';

  it.each(UNITAG_MISSIONS)('finds the %s prompt and its query, also inside a chat template', (mission) => {
    expect(recogniseUnitagPrompt(unitagPrompt(mission, query))).toEqual({ mission, input: query });
    const templated = `<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\n${unitagPrompt(mission, query).trim()}<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n{`;
    expect(recogniseUnitagPrompt(templated)).toEqual({ mission, input: query });
  });

  it('ignores other text', () => {
    expect(recogniseUnitagPrompt(query)).toBeUndefined();
    expect(recogniseUnitagPrompt('# Instruction\n\nPlease label the task tags for the user query.')).toBeUndefined();
  });
});

describe('parseUnitagAnswer', () => {
  it('reads a prefilled answer the way unitag.py does', () => {
    const text = '\n    "intent": "The user wants to count divisors",\n    "knowledge": "To solve this problem, the models need to know prime factorisation",\n    "difficulty": "easy"\n}';
    expect(parseUnitagAnswer('difficulty', text)).toEqual({
      intent: 'The user wants to count divisors',
      knowledge: 'To solve this problem, the models need to know prime factorisation',
      difficulty: 'easy',
    });
    expect(DIFFICULTY_LEVELS.indexOf(parseUnitagAnswer('difficulty', text).difficulty) + 1).toBe(2);
  });

  it('reads a whole JSON object when the answer was not prefilled, ignoring text after the last brace', () => {
    const text = '{"explanation": "Clear and specific.", "input_quality": "good"} Hope this helps.';
    expect(parseUnitagAnswer('quality', text, { prefilled: false })).toEqual({ explanation: 'Clear and specific.', input_quality: 'good' });
    expect(parseUnitagAnswer('classification', '"primary_tag": "Math", "other_tags": ["Reasoning"]}')).toEqual({ primary_tag: 'Math', other_tags: ['Reasoning'] });
  });

  it.each([
    ['difficulty', '"intent": "x", "knowledge": "y", "difficulty": "impossible"}', /difficulty/],
    ['quality', 'no json here', /closing brace/],
    ['quality', '"explanation": "x", }', /not JSON/],
    ['classification', '"primary_tag": "Other", "other_tags": []}', /primary_tag/],
  ] as const)('refuses a %s answer %j', (mission, text, message) => {
    expect(() => parseUnitagAnswer(mission, text)).toThrow(UnitagParseError);
    expect(() => parseUnitagAnswer(mission, text)).toThrow(message);
  });

  it('keeps free-text other tags, as Magpie does', () => {
    expect(ClassificationTag.parse({ primary_tag: 'Math', other_tags: ['Problem solving'] }).other_tags).toEqual(['Problem solving']);
  });
});
