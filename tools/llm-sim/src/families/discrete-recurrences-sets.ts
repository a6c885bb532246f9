import { Fraction } from '../problems/fraction.js';
import { binomial } from '../problems/integer-math.js';
import { formatList } from '../problems/problem-family.js';
import { answer } from './answer-latex.js';
import { defineFamily } from './define-family.js';
import type { RealisticFamily } from './family-types.js';
import { commaList, int, nat, signed, word } from './slot-kinds.js';
import { par } from './step-format.js';

const DOMAIN = 'discrete';

const linearRecurrence = defineFamily<{ a1: number; a2: number; p: number; q: number; n: number }>({
  name: 'second-order-recurrence-value',
  domain: DOMAIN,
  subtopic: 'recurrences',
  intent: 'compute a term of a second-order linear recurrence',
  knowledge: 'iterating a recurrence',
  slots: { a1: int, a2: int, p: int, q: signed, n: nat },
  templates: ['A sequence has a_1 = {a1}, a_2 = {a2} and a_n = {p}a_(n-1) {q}a_(n-2) for n ≥ 3. Find a_{n}.', 'Let a_1 = {a1}, a_2 = {a2}, and a_n = {p}·a_(n-1) {q}·a_(n-2). What is a_{n}?', 'The sequence defined by a_1 = {a1}, a_2 = {a2}, a_n = {p}a_(n-1) {q}a_(n-2) is computed term by term. What is its {n}th term?'],
  levels: [1, 2],
  sample: (rng, level) => ({ a1: rng.int(-3, 5), a2: rng.int(-3, 5), p: rng.int(1, 3), q: rng.nonZero(-2, 3), n: level === 1 ? rng.int(5, 7) : rng.int(8, 11) }),
  difficulty: (p) => (p.n <= 7 ? 1 : 2),
  valid: (p) => p.n >= 3 && p.n <= 30,
  derive(p, d) {
    let [prev, cur] = [p.a1, p.a2];
    for (let k = 3; k <= p.n; k++) {
      const next = d.int(`a_${k}`, () => p.p * cur + p.q * prev, (v) => `a_${k} = ${p.p}·${par(cur)} + ${p.q}·${par(prev)} = ${v}.`);
      [prev, cur] = [cur, next];
    }
    return answer.int(cur);
  },
});

const affineRecurrence = defineFamily<{ a0: number; r: number; c: number; n: number }>({
  name: 'affine-recurrence-closed-form',
  domain: DOMAIN,
  subtopic: 'recurrences',
  intent: 'solve a first-order recurrence with a constant term',
  knowledge: 'the fixed point of a_n = r·a_(n-1) + c',
  slots: { a0: int, r: nat, c: signed, n: nat },
  templates: ['A sequence satisfies a_0 = {a0} and a_n = {r}a_(n-1) {c} for n ≥ 1. Find a_{n}.', 'If a_0 = {a0} and a_n = {r}·a_(n-1) {c}, what is a_{n}?', 'Find a closed form for a_n = {r}a_(n-1) {c} with a_0 = {a0}, and use it to compute a_{n}.'],
  levels: [3],
  sample: (rng) => ({ a0: rng.int(-5, 10), r: rng.int(2, 4), c: rng.nonZero(-9, 9), n: rng.int(8, 15) }),
  difficulty: () => 3,
  valid: (p) => p.r >= 2 && p.r ** p.n < 1e13,
  derive(p, d) {
    const fixed = d.num('the fixed point', () => Fraction.of(-p.c, p.r - 1), (v) => `The fixed point L solves L = ${p.r}L + ${par(p.c)}, so L = ${String(v)}.`);
    const start = d.num('a_0 - L', () => Fraction.of(p.a0).sub(fixed), (v) => `Then a_n - L = ${p.r}^n (a_0 - L), and a_0 - L = ${String(v)}.`);
    return answer.frac(d.num(`a_${p.n}`, () => start.mul(p.r ** p.n).add(fixed), (v) => `So a_${p.n} = ${p.r}^${p.n}·${par(start)} + ${par(fixed)} = ${String(v)}.`));
  },
});

const characteristicRoots = defineFamily<{ r: number; t: number; a0: number; a1: number; n: number }>({
  name: 'characteristic-equation',
  domain: DOMAIN,
  subtopic: 'recurrences',
  intent: 'solve a linear recurrence with its characteristic equation',
  knowledge: 'characteristic roots of a_n = p a_(n-1) - q a_(n-2)',
  slots: { r: int, t: signed, a0: int, a1: int, n: nat },
  templates: ['A sequence satisfies a_n = {r}a_(n-1) {t}a_(n-2) for n ≥ 2, with a_0 = {a0} and a_1 = {a1}. Find a_{n} using its characteristic equation.', 'Solve a_n = {r}·a_(n-1) {t}·a_(n-2), a_0 = {a0}, a_1 = {a1}, and give a_{n}.'],
  levels: [4],
  sample(rng) {
    const [x, y] = [rng.int(1, 4), rng.int(-3, 5)];
    const root2 = x === y ? y + 1 : y;
    return { r: x + root2, t: -x * root2, a0: rng.int(-5, 5), a1: rng.int(-5, 10), n: rng.int(6, 10) };
  },
  difficulty: () => 4,
  valid: (p) => {
    const disc = p.r * p.r + 4 * p.t;
    const root = Math.round(Math.sqrt(disc));
    return disc > 0 && root * root === disc && (p.r + root) % 2 === 0;
  },
  derive(q, d) {
    const p = { ...q, s: -q.t };
    const disc = d.int('the discriminant', () => p.r * p.r - 4 * p.s, (v) => `The characteristic equation t^2 - ${p.r}t + ${par(p.s)} = 0 has discriminant ${v}.`, { exact: true });
    const root = Math.round(Math.sqrt(disc));
    const [x, y] = [(p.r + root) / 2, (p.r - root) / 2];
    d.note(`Its roots are ${x} and ${y}, so a_n = A·${par(x)}^n + B·${par(y)}^n.`);
    const b = d.num('B', () => Fraction.of(p.a1 - p.a0 * x, y - x), (v) => `From a_0 = A + B = ${p.a0} and a_1 = ${x}A + ${par(y)}B = ${p.a1}: B = ${String(v)}`);
    const a = d.num('A', () => Fraction.of(p.a0).sub(b), (v) => `and A = ${String(v)}.`);
    return answer.frac(d.num(`a_${p.n}`, () => a.mul(x ** p.n).add(b.mul(y ** p.n)), (v) => `So a_${p.n} = ${par(a)}·${x ** p.n} + ${par(b)}·${par(y ** p.n)} = ${String(v)}.`));
  },
});

const stairs = defineFamily<{ n: number; steps: 'one or two' | 'one, two or three' }>({
  name: 'staircase-climbing',
  domain: DOMAIN,
  subtopic: 'recurrences',
  intent: 'count the ways to climb a staircase',
  knowledge: 'Fibonacci-type recurrences',
  slots: { n: nat, steps: word(['one or two', 'one, two or three']) },
  templates: ['In how many ways can you climb a staircase of {n} steps if each move goes up {steps} steps?', 'A child climbs {n} stairs, taking {steps} stairs at a time. How many different ways can the child reach the top?', 'How many ordered ways are there to write {n} as a sum of parts, each part being {steps}?'],
  levels: [2, 3],
  sample: (rng, level) => ({ n: rng.int(6, 20), steps: level === 2 ? 'one or two' : 'one, two or three' }),
  difficulty: (p) => (p.steps === 'one or two' ? 2 : 3),
  valid: (p) => p.n >= 1 && p.n <= 60,
  derive(p, d) {
    const big = p.steps === 'one or two' ? 2 : 3;
    const ways = [1];
    for (let k = 1; k <= p.n; k++) {
      const last = ways.slice(Math.max(0, k - big), k);
      ways[k] = k <= big ? last.reduce((a, b) => a + b, 0) : d.int(`the number of ways for ${k} steps`, () => last.reduce((a, b) => a + b, 0), (v) => `w(${k}) = ${last.join(' + ')} = ${v}.`);
    }
    return answer.int(ways[p.n] ?? 0);
  },
});

const derangements = defineFamily<{ n: number; ask: 'catalan' | 'derangements' }>({
  name: 'catalan-and-derangements',
  domain: DOMAIN,
  subtopic: 'recurrences',
  intent: 'count balanced parenthesisations or derangements',
  knowledge: 'Catalan numbers and the derangement recurrence',
  slots: { n: nat, ask: word(['catalan', 'derangements']) },
  templates: [
    { text: 'How many strings of {n} pairs of correctly matched parentheses are there?', when: { ask: 'catalan' } },
    { text: 'How many lattice paths from (0, 0) to ({n}, {n}) with unit steps right and up never rise above the diagonal y = x?', when: { ask: 'catalan' } },
    { text: 'In how many ways can {n} letters be put into their {n} addressed envelopes so that no letter is in its own envelope?', when: { ask: 'derangements' } },
    { text: 'How many permutations of {1, 2, …, {n}} leave no number in its original position?', when: { ask: 'derangements' } },
    { text: 'In how many ways can {n} pairs of parentheses be arranged so that they are balanced?', when: { ask: 'catalan' } },
  ],
  levels: [4, 5],
  sample: (rng, level) => ({ n: rng.int(4, 10), ask: level === 4 ? 'catalan' : 'derangements' }),
  difficulty: (p) => (p.ask === 'catalan' ? 4 : 5),
  valid: (p) => p.n >= 2 && p.n <= 15,
  derive(p, d) {
    if (p.ask === 'catalan') {
      const central = d.int(`C(${2 * p.n}, ${p.n})`, () => binomial(2 * p.n, p.n), (v) => `C(${2 * p.n}, ${p.n}) = ${v}.`);
      return answer.frac(d.num('the Catalan number', () => Fraction.of(central, p.n + 1), (v) => `The Catalan number is ${central}/${p.n + 1} = ${String(v)}.`));
    }
    let [prev, cur] = [1, 0];
    for (let k = 2; k <= p.n; k++) {
      const next = d.int(`D_${k}`, () => (k - 1) * (cur + prev), (v) => `D_${k} = ${k - 1}(${cur} + ${prev}) = ${v}.`, { min: 0 });
      [prev, cur] = [cur, next];
    }
    return answer.int(cur);
  },
});

const twoSets = defineFamily<{ total: number; a: number; b: number; both: number; shape: 'neither' | 'only' }>({
  name: 'inclusion-exclusion-two-sets',
  domain: DOMAIN,
  subtopic: 'logic_and_sets',
  intent: 'count with inclusion–exclusion for two sets',
  knowledge: '|A ∪ B| = |A| + |B| - |A ∩ B|',
  slots: { total: nat, a: nat, b: nat, both: nat, shape: word(['neither', 'only']) },
  templates: [
    { text: 'Of {total} students, {a} take French, {b} take Spanish and {both} take both. How many take neither language?', when: { shape: 'neither' } },
    { text: 'In a survey of {total} people, {a} like tea, {b} like coffee and {both} like both. How many like exactly one of the two drinks?', when: { shape: 'only' } },
    { text: 'A class of {total} pupils has {a} in the chess club, {b} in the choir and {both} in both. How many are in neither?', when: { shape: 'neither' } },
    { text: 'Of {total} customers, {a} bought bread, {b} bought milk and {both} bought both. How many bought exactly one of the two?', when: { shape: 'only' } },
  ],
  levels: [1, 2],
  sample(rng, level) {
    const both = rng.int(2, 20);
    const [a, b] = [both + rng.int(3, 30), both + rng.int(3, 30)];
    return { total: a + b - both + rng.int(0, 40), a, b, both, shape: level === 1 ? 'neither' : 'only' };
  },
  difficulty: (p) => (p.shape === 'neither' ? 1 : 2),
  valid: (p) => p.both <= Math.min(p.a, p.b) && p.a + p.b - p.both <= p.total,
  derive(p, d) {
    if (p.shape === 'neither') {
      const union = d.int('the union', () => p.a + p.b - p.both, (v) => `|A ∪ B| = ${p.a} + ${p.b} - ${p.both} = ${v}.`);
      return answer.int(d.int('the count of neither', () => p.total - union, (v) => `So ${p.total} - ${union} = ${v} take neither.`, { min: 0 }));
    }
    return answer.int(d.trap({
      label: 'the count of exactly one',
      right: () => p.a + p.b - 2 * p.both,
      wrong: () => p.a + p.b - p.both,
      say: (v) => `Exactly one: (${p.a} - ${p.both}) + (${p.b} - ${p.both}) = ${v}.`,
      sayWrong: (v) => `Exactly one: ${p.a} + ${p.b} - ${p.both} = ${v}.`,
    }));
  },
});

const threeSets = defineFamily<{ a: number; b: number; c: number; ab: number; ac: number; bc: number; abc: number }>({
  name: 'inclusion-exclusion-three-sets',
  domain: DOMAIN,
  subtopic: 'logic_and_sets',
  intent: 'count the union of three sets',
  knowledge: 'inclusion–exclusion for three sets',
  slots: { a: nat, b: nat, c: nat, ab: nat, ac: nat, bc: nat, abc: nat },
  templates: ['Sets A, B, C have |A| = {a}, |B| = {b}, |C| = {c}, |A ∩ B| = {ab}, |A ∩ C| = {ac}, |B ∩ C| = {bc} and |A ∩ B ∩ C| = {abc}. Find |A ∪ B ∪ C|.', 'In a school, {a} students play football, {b} play tennis and {c} swim; {ab} do football and tennis, {ac} football and swimming, {bc} tennis and swimming, and {abc} do all three. How many students do at least one sport?'],
  levels: [3],
  sample(rng) {
    const abc = rng.int(1, 6);
    const [ab, ac, bc] = [abc + rng.int(0, 8), abc + rng.int(0, 8), abc + rng.int(0, 8)];
    return { a: ab + ac - abc + rng.int(1, 20), b: ab + bc - abc + rng.int(1, 20), c: ac + bc - abc + rng.int(1, 20), ab, ac, bc, abc };
  },
  difficulty: () => 3,
  derive(p, d) {
    const singles = d.int('the sum of the sizes', () => p.a + p.b + p.c, (v) => `|A| + |B| + |C| = ${v}.`);
    const pairs = d.int('the sum of the pairwise intersections', () => p.ab + p.ac + p.bc, (v) => `The pairwise intersections add to ${v}.`);
    return answer.int(d.int('the union', () => singles - pairs + p.abc, (v) => `|A ∪ B ∪ C| = ${singles} - ${pairs} + ${p.abc} = ${v}.`));
  },
});

const setOperation = defineFamily<{ a: number[]; b: number[]; op: 'intersection' | 'union' | 'difference' }>({
  name: 'set-operation',
  domain: DOMAIN,
  subtopic: 'logic_and_sets',
  intent: 'compute the union, intersection or difference of two finite sets',
  knowledge: 'set operations',
  slots: { a: commaList, b: commaList, op: word(['intersection', 'union', 'difference']) },
  templates: [
    { text: 'Let A = {{a}} and B = {{b}}. Find A ∩ B.', when: { op: 'intersection' } },
    { text: 'Let A = {{a}} and B = {{b}}. List the elements of A ∪ B.', when: { op: 'union' } },
    { text: 'Let A = {{a}} and B = {{b}}. What is the set difference A \\ B?', when: { op: 'difference' } },
  ],
  levels: [2],
  sample(rng) {
    const pick = (): number[] => [...new Set(Array.from({ length: rng.int(4, 7) }, () => rng.int(1, 15)))].sort((x, y) => x - y);
    return { a: pick(), b: pick(), op: rng.pick(['intersection', 'union', 'difference'] as const) };
  },
  difficulty: () => 2,
  valid: (p) => new Set(p.a).size === p.a.length && new Set(p.b).size === p.b.length,
  derive(p, d) {
    const inB = new Set(p.b);
    const result = p.op === 'intersection' ? p.a.filter((x) => inB.has(x)) : p.op === 'union' ? [...new Set([...p.a, ...p.b])] : p.a.filter((x) => !inB.has(x));
    const size = d.int(`the size of the ${p.op}`, () => result.length, (v) => `The ${p.op} has ${v} elements: ${formatList([...result].sort((x, y) => x - y)) || 'none'}.`, { min: 0 });
    return answer.set([...result].sort((x, y) => x - y).slice(0, size));
  },
});

const subsetsCount = defineFamily<{ n: number; ask: 'all' | 'even size' | 'containing a given element' }>({
  name: 'subset-counting',
  domain: DOMAIN,
  subtopic: 'logic_and_sets',
  intent: 'count subsets of a finite set with a property',
  knowledge: 'the power set has 2^n elements',
  slots: { n: nat, ask: word(['all', 'even size', 'containing a given element']) },
  templates: [
    { text: 'How many subsets does a set with {n} elements have?', when: { ask: 'all' } },
    { text: 'How many subsets of {1, 2, …, {n}} have an even number of elements (the empty set included)?', when: { ask: 'even size' } },
    { text: 'How many subsets of a {n}-element set contain one particular element but not a second particular element?', when: { ask: 'containing a given element' } },
    { text: 'What is the size of the power set of a set with {n} elements?', when: { ask: 'all' } },
  ],
  levels: [1, 2, 3],
  sample: (rng, level) => ({ n: rng.int(4, 20), ask: level === 1 ? 'all' : level === 2 ? 'containing a given element' : 'even size' }),
  difficulty: (p) => (p.ask === 'all' ? 1 : p.ask === 'even size' ? 3 : 2),
  valid: (p) => p.n >= 2 && p.n <= 40,
  derive(p, d) {
    const free = p.ask === 'all' ? p.n : p.ask === 'even size' ? p.n - 1 : p.n - 2;
    if (p.ask === 'even size') d.note('Pairing subsets by toggling element 1 matches even and odd sizes, so half are even.');
    if (p.ask === 'containing a given element') d.note('Two elements are decided; each of the others is free.');
    return answer.int(d.int('the count', () => 2 ** free, (v) => `That leaves 2^${free} = ${v}.`));
  },
});

const functionsCount = defineFamily<{ m: number; n: number; kind: 'one-to-one' | 'onto' }>({
  name: 'counting-functions',
  domain: DOMAIN,
  subtopic: 'logic_and_sets',
  intent: 'count injective or surjective functions between finite sets',
  knowledge: 'falling factorials and inclusion–exclusion',
  slots: { m: nat, n: nat, kind: word(['one-to-one', 'onto']) },
  templates: ['How many {kind} functions are there from a set with {m} elements to a set with {n} elements?', 'Count the {kind} functions f: A → B where |A| = {m} and |B| = {n}.', 'Let |A| = {m} and |B| = {n}. How many maps from A to B are {kind}?'],
  levels: [4, 5],
  sample(rng, level) {
    const n = rng.int(2, 6);
    return level === 4 ? { m: rng.int(2, n), n: n + rng.int(0, 4), kind: 'one-to-one' } : { m: n + rng.int(0, 3), n, kind: 'onto' };
  },
  difficulty: (p) => (p.kind === 'one-to-one' ? 4 : 5),
  valid: (p) => (p.kind === 'one-to-one' ? p.m <= p.n : p.m >= p.n) && p.m <= 12 && p.n <= 12,
  derive(p, d) {
    if (p.kind === 'one-to-one') {
      let acc = 1;
      for (let i = 0; i < p.m; i++) acc = d.int('the running product', () => acc * (p.n - i), (v) => `Element ${i + 1} has ${p.n - i} unused images; running product ${v}.`);
      return answer.int(acc);
    }
    let total = 0;
    for (let j = 0; j <= p.n; j++) {
      total = d.int('the running inclusion–exclusion sum', () => total + (j % 2 === 0 ? 1 : -1) * binomial(p.n, j) * (p.n - j) ** p.m, (v) => `${j % 2 === 0 ? '+' : '-'} C(${p.n}, ${j})·${p.n - j}^${p.m}: running total ${v}.`);
    }
    return answer.int(total);
  },
});

export function discreteRecurrenceSetFamilies(): RealisticFamily[] {
  return [linearRecurrence, affineRecurrence, characteristicRoots, stairs, derangements, twoSets, threeSets, setOperation, subsetsCount, functionsCount];
}
