import { describe, expect, it } from 'vitest';
import type { AnswerStructure } from './answer-structure.js';
import { parseAnswerStructure } from './parse-answer-structure.js';

/** The kinds of a structure and its children, for readable expectations. */
function shape(s: AnswerStructure): unknown {
  switch (s.kind) {
    case 'set':
    case 'vector':
      return { [s.kind]: s.items.map(shape) };
    case 'sequence':
      return { [`${s.open}${s.close}`]: s.items.map(shape) };
    case 'matrix':
      return { matrix: s.rows.map((row) => row.length) };
    case 'assignment':
      return { assignment: s.entries.map((e) => e.variable) };
    case 'solved':
      return { solved: s.variable, value: shape(s.value) };
    case 'intervals':
      return { intervals: s.set.length };
    case 'scalar':
      return s.annotation ? `scalar ${s.annotation.kind === 'unit' ? s.annotation.unit.dimension : 'percent'}` : 'scalar';
    case 'text':
      return `text ${s.words}`;
    case 'empty':
    case 'equation':
    case 'opaque':
      return s.kind;
  }
}

describe('parseAnswerStructure', () => {
  it.each([
    ['1,000', 'scalar'],
    ['(1,000)', { '()': ['scalar', 'scalar'] }],
    ['1, 2', { set: ['scalar', 'scalar'] }],
    ['1 \\text{ or } 2', { set: ['scalar', 'scalar'] }],
    ['\\pm 3', { set: ['scalar', 'scalar'] }],
    ['\\{1, 1, 2\\}', { set: ['scalar', 'scalar', 'scalar'] }],
    ['x = 1, x = 2', { set: [{ solved: 'x', value: 'scalar' }, { solved: 'x', value: 'scalar' }] }],
    ['x = 3, y = 4', { assignment: ['x', 'y'] }],
    ['(x, y) = (3, 4)', { assignment: ['x', 'y'] }],
    ['y = 2x + 1', { solved: 'y', value: 'scalar' }],
    ['f(x) = x^2', { solved: 'f(x)', value: 'scalar' }],
    ['2x - y + 1 = 0', 'equation'],
    ['\\frac{3}{4} = 0.75', 'scalar'],
    ['x \\le 2', { intervals: 1 }],
    ['x < 1 \\text{ or } x > 2', { intervals: 2 }],
    ['[1, 3)', { intervals: 1 }],
    ['(-\\infty, 2]', { intervals: 1 }],
    ['(1, 3)', { '()': ['scalar', 'scalar'] }],
    ['[1, 2) \\cup [2, 3]', { intervals: 1 }],
    ['\\mathbb{R}', { intervals: 1 }],
    ['\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}', { matrix: [2, 2] }],
    ['\\left[\\begin{array}{cc} 1 & 2 \\\\ 3 & 4 \\end{array}\\right]', { matrix: [2, 2] }],
    ['\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}', { vector: ['scalar', 'scalar'] }],
    ['\\begin{vmatrix} 1 & 2 \\\\ 3 & 4 \\end{vmatrix}', 'scalar'],
    ['\\langle 1, 2 \\rangle', { vector: ['scalar', 'scalar'] }],
    ['\\{x \\mid x > 0\\}', 'opaque'],
    ['\\text{Monday}', 'text monday'],
    ['(C)', 'text choice C'],
    ['\\text{no solution}', { set: [] }],
    ['5\\text{ cm}', 'scalar L1'],
    ['30^\\circ', 'scalar A1'],
    ['50\\%', 'scalar percent'],
    ['\\boxed{\\boxed{5}}', 'scalar'],
    ['\\foo{1}', 'opaque'],
    ['', 'empty'],
  ])('%s', (answer, expected) => {
    expect(shape(parseAnswerStructure(answer))).toEqual(expected);
  });
});
