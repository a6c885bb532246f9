import { Fraction } from '../problems/fraction.js';
import { binomial, factorial } from '../problems/integer-math.js';
import { answer } from './answer-latex.js';
import { defineFamily } from './define-family.js';
import type { RealisticFamily } from './family-types.js';
import { int, intList, nat, word } from './slot-kinds.js';
import { par } from './step-format.js';

const DOMAIN = 'statistics';

const arrangements = defineFamily<{ n: number; k: number; ask: 'all' | 'some' }>({
  name: 'arrangements',
  domain: DOMAIN,
  subtopic: 'combinatorics',
  intent: 'count arrangements of distinct objects',
  knowledge: 'factorials and permutations',
  slots: { n: nat, k: nat, ask: word(['all', 'some']) },
  defaults: { k: 0 },
  templates: [
    { text: 'In how many ways can {n} different books be arranged on a shelf?', when: { ask: 'all' } },
    { text: 'How many ways are there to line up {n} distinct people in a row?', when: { ask: 'all' } },
    { text: 'A club with {n} members elects a president, a secretary and so on: {k} distinct offices in all, no one holding two. How many outcomes are possible?', when: { ask: 'some' } },
  ],
  levels: [1],
  sample(rng) {
    const n = rng.int(4, 10);
    return rng.chance(0.5) ? { n, k: 0, ask: 'all' } : { n, k: rng.int(2, Math.min(n, 5)), ask: 'some' };
  },
  difficulty: () => 1,
  valid: (p) => p.n <= 15 && (p.ask === 'all' || (p.k >= 1 && p.k <= p.n)),
  derive(p, d) {
    if (p.ask === 'all') return answer.int(d.int(`${p.n}!`, () => factorial(p.n), (v) => `There are ${p.n}! = ${v} orders.`));
    let acc = 1;
    for (let i = 0; i < p.k; i++) acc = d.int('the running product', () => acc * (p.n - i), (v) => `Office ${i + 1} has ${p.n - i} choices; running product ${v}.`);
    return answer.int(acc);
  },
});

const committees = defineFamily<{ men: number; women: number; m: number; w: number }>({
  name: 'committee-selection',
  domain: DOMAIN,
  subtopic: 'combinatorics',
  intent: 'count committees chosen from two groups',
  knowledge: 'combinations and the multiplication principle',
  slots: { men: nat, women: nat, m: nat, w: nat },
  templates: ['A committee of {m} teachers and {w} students is chosen from {men} teachers and {women} students. How many different committees are possible?', 'From {men} teachers and {women} students, how many ways are there to pick {m} teachers and {w} students?', 'A panel needs {m} teachers out of {men} and {w} students out of {women}. How many panels can be formed?'],
  levels: [2],
  sample(rng) {
    const [men, women] = [rng.int(4, 12), rng.int(4, 12)];
    return { men, women, m: rng.int(1, 4), w: rng.int(1, 4) };
  },
  difficulty: () => 2,
  valid: (p) => p.m <= p.men && p.w <= p.women,
  derive(p, d) {
    const a = d.int(`C(${p.men}, ${p.m})`, () => binomial(p.men, p.m), (v) => `Teachers: C(${p.men}, ${p.m}) = ${v}.`);
    const b = d.int(`C(${p.women}, ${p.w})`, () => binomial(p.women, p.w), (v) => `Students: C(${p.women}, ${p.w}) = ${v}.`);
    return answer.int(d.int('the number of committees', () => a * b, (v) => `In total ${a}·${b} = ${v}.`));
  },
});

const WORDS = ['BANANA', 'MISSISSIPPI', 'BOOKKEEPER', 'COMMITTEE', 'STATISTICS', 'BALLOON', 'LETTER', 'ALGEBRA', 'PEPPER', 'COFFEE', 'PARALLEL', 'ASSESSMENT'] as const;

const wordArrangements = defineFamily<{ word: (typeof WORDS)[number] }>({
  name: 'word-rearrangements',
  domain: DOMAIN,
  subtopic: 'combinatorics',
  intent: 'count the distinct rearrangements of a word with repeated letters',
  knowledge: 'multinomial coefficients',
  slots: { word: word(WORDS) },
  templates: ['How many distinct arrangements of the letters of the word {word} are there?', 'In how many different ways can the letters of {word} be arranged?', 'How many different strings can be made by rearranging all the letters of {word}?'],
  levels: [3],
  sample: (rng) => ({ word: rng.pick(WORDS) }),
  difficulty: () => 3,
  derive(p, d) {
    const counts = new Map<string, number>();
    for (const ch of p.word) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    const repeats = [...counts].filter(([, c]) => c > 1);
    d.note(`${p.word} has ${p.word.length} letters; ${repeats.map(([ch, c]) => `${ch} appears ${c} times`).join(', ')}.`);
    const top = d.int(`${p.word.length}!`, () => factorial(p.word.length), (v) => `${p.word.length}! = ${v}.`, { exact: true });
    const bottom = d.int('the product of the repeat factorials', () => repeats.reduce((a, [, c]) => a * factorial(c), 1), (v) => `The repeated letters contribute ${repeats.map(([, c]) => `${c}!`).join('·')} = ${v}.`, { min: 1 });
    return answer.frac(d.num('the number of arrangements', () => Fraction.of(top, bottom), (v) => `So there are ${top}/${bottom} = ${String(v)} arrangements.`));
  },
});

const notAdjacent = defineFamily<{ n: number; round: 'row' | 'round table' }>({
  name: 'two-people-not-together',
  domain: DOMAIN,
  subtopic: 'combinatorics',
  intent: 'count seatings in which two given people are not next to each other',
  knowledge: 'complementary counting and gluing two people together',
  slots: { n: nat, round: word(['row', 'round table']) },
  templates: [
    { text: 'In how many ways can {n} people sit in a row if two particular people refuse to sit next to each other?', when: { round: 'row' } },
    { text: 'In how many ways can {n} people be seated around a round table if two of them must not sit side by side? Rotations count as the same seating.', when: { round: 'round table' } },
  ],
  levels: [4, 5],
  sample: (rng, level) => ({ n: rng.int(4, 10), round: level === 4 ? 'row' : 'round table' }),
  difficulty: (p) => (p.round === 'row' ? 4 : 5),
  valid: (p) => p.n >= 3 && p.n <= 14,
  derive(p, d) {
    const slots = p.round === 'row' ? p.n : p.n - 1;
    const all = d.int('the number of unrestricted seatings', () => factorial(slots), (v) => `Without the restriction there are ${slots}! = ${v} seatings.`);
    const together = d.trap({
      label: 'the number of seatings with the two together',
      right: () => 2 * factorial(slots - 1),
      wrong: () => factorial(slots - 1),
      say: (v) => `Glue the two into one block (2 internal orders): 2·${slots - 1}! = ${v}.`,
      sayWrong: (v) => `Treat the two as one block: ${slots - 1}! = ${v}.`,
    });
    return answer.int(d.int('the count', () => all - together, (v) => `So ${all} - ${together} = ${v}.`, { min: 0 }));
  },
});

const gameValue = defineFamily<{ win: number; lose: number; sides: number; good: number }>({
  name: 'expected-game-value',
  domain: DOMAIN,
  subtopic: 'expected_value',
  intent: 'compute the expected winnings of a game',
  knowledge: 'expected value as a probability-weighted average',
  slots: { win: nat, lose: nat, sides: nat, good: nat },
  templates: ['You roll a fair {sides}-sided die. If it shows {good} or less you win {win} dollars; otherwise you lose {lose} dollars. What are your expected winnings?', 'A game costs nothing to play: roll a fair {sides}-sided die, win ${win} on a result of at most {good}, and pay ${lose} otherwise. Find the expected value of the game.'],
  levels: [1, 2],
  sample(rng, level) {
    const sides = level === 1 ? 6 : rng.pick([8, 10, 12, 20]);
    return { win: rng.int(1, 20), lose: rng.int(1, 20), sides, good: rng.int(1, sides - 1) };
  },
  difficulty: (p) => (p.sides === 6 ? 1 : 2),
  valid: (p) => p.good < p.sides,
  derive(p, d) {
    const gain = d.num('the expected gain', () => Fraction.of(p.good * p.win, p.sides), (v) => `Winning has probability ${p.good}/${p.sides}, contributing ${String(v)}.`);
    const loss = d.num('the expected loss', () => Fraction.of((p.sides - p.good) * p.lose, p.sides), (v) => `Losing contributes -${String(v)}.`);
    return answer.frac(d.num('the expected value', () => gain.sub(loss), (v) => `E = ${String(gain)} - ${String(loss)} = ${String(v)}.`));
  },
});

const expectedMax = defineFamily<{ n: number }>({
  name: 'expected-maximum-of-two-dice',
  domain: DOMAIN,
  subtopic: 'expected_value',
  intent: 'find the expected maximum of two dice',
  knowledge: 'P(max ≤ k) = (k/n)^2',
  slots: { n: nat },
  templates: ['Two fair {n}-sided dice are rolled. What is the expected value of the larger of the two numbers?', 'Find the expected maximum of two independent rolls of a fair {n}-sided die.', 'You roll a fair {n}-sided die twice and keep the higher result. What is its expected value?'],
  levels: [3],
  sample: (rng) => ({ n: rng.pick([4, 6, 8, 10, 12, 20]) }),
  difficulty: () => 3,
  valid: (p) => p.n >= 2 && p.n <= 100,
  derive(p, d) {
    d.note(`P(max = k) = (k^2 - (k - 1)^2)/${p.n}^2 = (2k - 1)/${p.n * p.n}.`);
    const sum = d.int('the weighted sum', () => Array.from({ length: p.n }, (_, i) => (i + 1) * (2 * i + 1)).reduce((a, b) => a + b, 0), (v) => `Σ k(2k - 1) for k = 1..${p.n} is ${v}.`);
    return answer.frac(d.num('the expected maximum', () => Fraction.of(sum, p.n * p.n), (v) => `E = ${sum}/${p.n * p.n} = ${String(v)}.`));
  },
});

const indicatorCount = defineFamily<{ n: number; p: number; q: number }>({
  name: 'expected-adjacent-pairs',
  domain: DOMAIN,
  subtopic: 'expected_value',
  intent: 'count expected adjacent successes with linearity of expectation',
  knowledge: 'linearity of expectation with indicator variables',
  slots: { n: nat, p: nat, q: nat },
  templates: ['A biased coin lands heads with probability {p}/{q}. It is flipped {n} times. What is the expected number of pairs of consecutive flips that are both heads?', 'In {n} independent flips of a coin with P(heads) = {p}/{q}, find the expected number of positions i with flips i and i + 1 both heads.'],
  levels: [4],
  sample(rng) {
    const q = rng.int(2, 9);
    return { n: rng.int(5, 40), p: rng.int(1, q - 1), q };
  },
  difficulty: () => 4,
  valid: (p) => p.p < p.q && p.n >= 2,
  derive(p, d) {
    const pairs = d.trap({ label: 'the number of adjacent pairs', right: () => p.n - 1, wrong: () => p.n, say: (v) => `There are ${v} adjacent pairs.`, sayWrong: (v) => `There are ${v} adjacent pairs, one per flip.` });
    const both = d.num('the probability that a pair is both heads', () => Fraction.of(p.p * p.p, p.q * p.q), (v) => `Each pair is HH with probability (${p.p}/${p.q})^2 = ${String(v)}.`);
    return answer.frac(d.num('the expected count', () => both.mul(pairs), (v) => `By linearity, E = ${pairs}·${String(both)} = ${String(v)}.`));
  },
});

const distinctValues = defineFamily<{ k: number; n: number }>({
  name: 'expected-distinct-values',
  domain: DOMAIN,
  subtopic: 'expected_value',
  intent: 'find the expected number of distinct faces in several rolls',
  knowledge: 'indicator variables for each face',
  slots: { k: nat, n: nat },
  templates: ['A fair {n}-sided die is rolled {k} times. What is the expected number of distinct faces that appear?', 'Roll {k} fair {n}-sided dice. Find the expected number of different values showing.'],
  levels: [5],
  sample: (rng) => ({ k: rng.int(2, 5), n: rng.pick([4, 6, 8, 10]) }),
  difficulty: () => 5,
  valid: (p) => p.k >= 1 && p.k <= 8 && p.n >= 2,
  derive(p, d) {
    const miss = d.num('the probability that a face never appears', () => Fraction.of((p.n - 1) ** p.k, p.n ** p.k), (v) => `A given face is missed with probability (${p.n - 1}/${p.n})^${p.k} = ${String(v)}.`);
    return answer.frac(d.num('the expected number of distinct faces', () => Fraction.of(1).sub(miss).mul(p.n), (v) => `By linearity, E = ${p.n}(1 - ${String(miss)}) = ${String(v)}.`));
  },
});

const binomialMoments = defineFamily<{ n: number; p: number; q: number; ask: 'mean' | 'variance' }>({
  name: 'binomial-mean-variance',
  domain: DOMAIN,
  subtopic: 'variance',
  intent: 'find the mean or variance of a binomial count',
  knowledge: 'E = np and Var = np(1 - p)',
  slots: { n: nat, p: nat, q: nat, ask: word(['mean', 'variance']) },
  templates: ['A basketball player makes each free throw with probability {p}/{q}, independently. In {n} attempts, what is the {ask} of the number of successful throws?', 'X is binomial with n = {n} trials and success probability {p}/{q}. Find the {ask} of X.'],
  levels: [1, 2],
  sample(rng, level) {
    const q = rng.int(2, 10);
    return { n: rng.int(5, 60), p: rng.int(1, q - 1), q, ask: level === 1 ? 'mean' : 'variance' };
  },
  difficulty: (p) => (p.ask === 'mean' ? 1 : 2),
  valid: (p) => p.p < p.q,
  derive(p, d) {
    const mean = d.num('the mean', () => Fraction.of(p.n * p.p, p.q), (v) => `E[X] = np = ${p.n}·${p.p}/${p.q} = ${String(v)}.`);
    if (p.ask === 'mean') return answer.frac(mean);
    return answer.frac(d.num('the variance', () => mean.mul(Fraction.of(p.q - p.p, p.q)), (v) => `Var(X) = np(1 - p) = ${String(mean)}·${p.q - p.p}/${p.q} = ${String(v)}.`));
  },
});

const dataVariance = defineFamily<{ data: number[]; ask: 'variance' | 'standard deviation' }>({
  name: 'data-variance',
  domain: DOMAIN,
  subtopic: 'variance',
  intent: 'compute the population variance or standard deviation of a data set',
  knowledge: 'the mean of squared deviations',
  slots: { data: intList, ask: word(['variance', 'standard deviation']) },
  templates: ['Find the population {ask} of the data {data}.', 'What is the {ask} (population) of the numbers {data}?', 'Treating {data} as a whole population, compute its {ask}.'],
  levels: [2, 3],
  sample: (rng, level) => ({ data: Array.from({ length: rng.int(4, 8) }, () => rng.int(1, 20)), ask: level === 2 ? 'variance' : 'standard deviation' }),
  difficulty: (p) => (p.ask === 'variance' ? 2 : 3),
  valid: (p) => p.data.length >= 2,
  derive(p, d) {
    const n = p.data.length;
    const total = d.int('the total', () => p.data.reduce((a, b) => a + b, 0), (v) => `The sum is ${v}, so the mean is ${v}/${n}.`);
    const squares = d.int('the sum of squares', () => p.data.reduce((a, b) => a + b * b, 0), (v) => `The squares add up to ${v}.`);
    const variance = d.num('the variance', () => Fraction.of(squares * n - total * total, n * n), (v) => `Var = (Σx^2)/n - mean^2 = ${squares}/${n} - (${total}/${n})^2 = ${String(v)}.`, { min: 0 });
    if (p.ask === 'variance') return answer.frac(variance);
    return answer.radical(Fraction.of(1, variance.den), variance.num * variance.den);
  },
});

const linearTransform = defineFamily<{ m: number; s: number; a: number; b: number }>({
  name: 'variance-of-linear-transform',
  domain: DOMAIN,
  subtopic: 'variance',
  intent: 'find the variance of a linear transformation from moments',
  knowledge: 'Var(X) = E[X²] - E[X]² and Var(aX + b) = a²Var(X)',
  slots: { m: int, s: nat, a: int, b: int },
  templates: ['A random variable X has E[X] = {m} and E[X^2] = {s}. Find Var({a}X + {b}).', 'If E[X] = {m} and E[X^2] = {s}, what is the variance of {a}X + {b}?'],
  levels: [3, 4],
  sample(rng, level) {
    const m = rng.int(-6, 9);
    return { m, s: m * m + rng.int(1, 30), a: level === 3 ? rng.int(2, 5) : rng.int(-7, -2), b: rng.int(1, 20) };
  },
  difficulty: (p) => (p.a > 0 ? 3 : 4),
  valid: (p) => p.s > p.m * p.m && p.a !== 0,
  derive(p, d) {
    const variance = d.int('Var(X)', () => p.s - p.m * p.m, (v) => `Var(X) = ${p.s} - ${par(p.m)}^2 = ${v}.`, { min: 1 });
    d.note(`Adding ${p.b} does not change the variance; scaling by ${p.a} multiplies it by ${p.a * p.a}.`);
    return answer.int(d.trap({
      label: 'the variance',
      right: () => p.a * p.a * variance,
      wrong: () => p.a * variance,
      say: (v) => `Var(${p.a}X + ${p.b}) = ${p.a * p.a}·${variance} = ${v}.`,
      sayWrong: (v) => `Var(${p.a}X + ${p.b}) = ${par(p.a)}·${variance} = ${v}.`,
    }));
  },
});

const diceSumVariance = defineFamily<{ k: number; n: number }>({
  name: 'variance-of-dice-sum',
  domain: DOMAIN,
  subtopic: 'variance',
  intent: 'find the variance of the sum of several dice',
  knowledge: 'the variance of a uniform die and additivity for independent variables',
  slots: { k: nat, n: nat },
  templates: ['{k} fair {n}-sided dice are rolled. What is the variance of the total?', 'Find the variance of the sum of {k} independent rolls of a fair {n}-sided die.', 'What is the variance of the total shown by {k} fair dice with {n} faces each?'],
  levels: [5],
  sample: (rng) => ({ k: rng.int(2, 10), n: rng.pick([4, 6, 8, 10, 12, 20]) }),
  difficulty: () => 5,
  valid: (p) => p.k >= 1 && p.n >= 2,
  derive(p, d) {
    const one = d.num('the variance of one die', () => Fraction.of(p.n * p.n - 1, 12), (v) => `One die: Var = (n^2 - 1)/12 = ${String(v)}.`);
    return answer.frac(d.num('the variance of the total', () => one.mul(p.k), (v) => `Independent dice add variances: ${p.k}·${String(one)} = ${String(v)}.`));
  },
});

export function statisticsCountingVarianceFamilies(): RealisticFamily[] {
  return [arrangements, committees, wordArrangements, notAdjacent, gameValue, expectedMax, indicatorCount, distinctValues, binomialMoments, dataVariance, linearTransform, diceSumVariance];
}

