import { Fraction } from '../problems/fraction.js';
import { formatList } from '../problems/problem-family.js';
import { answer } from './answer-latex.js';
import { defineFamily } from './define-family.js';
import type { RealisticFamily } from './family-types.js';
import { int, intList, nat, word } from './slot-kinds.js';
import { par } from './step-format.js';

const DOMAIN = 'statistics';

const centre = defineFamily<{ data: number[]; ask: 'mean' | 'median' | 'mode' }>({
  name: 'mean-median-mode',
  domain: DOMAIN,
  subtopic: 'descriptive_statistics',
  intent: 'compute the mean, median or mode of a data set',
  knowledge: 'definitions of mean, median and mode',
  slots: { data: intList, ask: word(['mean', 'median', 'mode']) },
  templates: [
    { text: 'Find the mean of the data set {data}.', when: { ask: 'mean' } },
    { text: 'What is the arithmetic mean of the numbers {data}?', when: { ask: 'mean' } },
    { text: 'What is the median of {data}?', when: { ask: 'median' } },
    { text: 'Find all modes of the data set {data}.', when: { ask: 'mode' } },
  ],
  levels: [1, 2],
  sample(rng, level) {
    const n = rng.int(5, 11);
    const data = Array.from({ length: n }, () => rng.int(1, 40));
    if (level === 2) {
      data[1] = data[0] ?? 1;
      data[3] = data[2] ?? 2;
      return { data, ask: 'mode' };
    }
    return { data, ask: rng.chance(0.5) ? 'mean' : 'median' };
  },
  difficulty: (p) => (p.ask === 'mode' ? 2 : 1),
  valid: (p) => p.data.length >= 3,
  derive(p, d) {
    if (p.ask === 'mean') {
      const total = d.int('the total', () => p.data.reduce((a, b) => a + b, 0), (v) => [`The values add up to ${v}.`, `Their sum is ${v}.`]);
      return answer.frac(d.num('the mean', () => Fraction.of(total, p.data.length), (v) => `Dividing by ${p.data.length} gives ${String(v)}.`));
    }
    const sorted = [...p.data].sort((a, b) => a - b);
    if (p.ask === 'median') {
      d.note(`Sorted: ${formatList(sorted)}.`);
      const mid = sorted.length / 2;
      if (sorted.length % 2 === 1) return answer.int(d.int('the median', () => sorted[Math.floor(mid)] ?? 0, (v) => `The middle value is ${v}.`));
      return answer.frac(d.num('the median', () => Fraction.of((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0), 2), (v) => `The median is the average of the two middle values, ${String(v)}.`));
    }
    const counts = new Map<number, number>();
    for (const v of sorted) counts.set(v, (counts.get(v) ?? 0) + 1);
    const top = d.int('the highest frequency', () => Math.max(...counts.values()), (v) => `The highest frequency is ${v}.`, { min: 1 });
    const modes = [...counts].filter(([, c]) => c === top).map(([v]) => v);
    if (modes.length === 0) throw new RangeError('no value has that frequency');
    d.note(`The values occurring ${top} times are ${formatList(modes)}.`);
    return answer.set(modes);
  },
});

const missingValue = defineFamily<{ n: number; mean: number; known: number[] }>({
  name: 'missing-value-for-mean',
  domain: DOMAIN,
  subtopic: 'descriptive_statistics',
  intent: 'find a missing value from a given mean',
  knowledge: 'sum = mean × count',
  slots: { n: nat, mean: int, known: intList },
  templates: ['The mean of {n} numbers is {mean}. If {known} are all but one of them, what is the remaining number?', 'A list of {n} numbers has average {mean}. All but one of them are {known}. Find the missing number.'],
  levels: [2],
  sample(rng) {
    const n = rng.int(4, 8);
    return { n, mean: rng.int(5, 40), known: Array.from({ length: n - 1 }, () => rng.int(1, 50)) };
  },
  difficulty: () => 2,
  valid: (p) => p.known.length === p.n - 1,
  derive(p, d) {
    if (d.path(2) === 1) {
      const deviation = d.int('the total deviation of the known values', () => p.known.reduce((s, x) => s + x - p.mean, 0), (v) => `The known values differ from the mean ${p.mean} by ${p.known.map((x) => x - p.mean).join(', ')}, in total ${v}.`);
      return answer.int(d.int('the missing number', () => p.mean - deviation, (v) => `Deviations from the mean add to zero, so the missing number is ${p.mean} - ${par(deviation)} = ${v}.`));
    }
    const total = d.int('the required total', () => p.n * p.mean, (v) => `The total must be ${p.n}·${p.mean} = ${v}.`);
    const known = d.int('the sum of the known values', () => p.known.reduce((a, b) => a + b, 0), (v) => `The known values add up to ${v}.`);
    return answer.int(d.int('the missing number', () => total - known, (v) => `So the missing number is ${total} - ${known} = ${v}.`));
  },
});

const combinedMean = defineFamily<{ n1: number; m1: number; n2: number; m2: number }>({
  name: 'combined-group-mean',
  domain: DOMAIN,
  subtopic: 'descriptive_statistics',
  intent: 'combine the means of two groups',
  knowledge: 'a weighted average',
  slots: { n1: nat, m1: nat, n2: nat, m2: nat },
  templates: ['A class of {n1} students averaged {m1} on a test and another class of {n2} students averaged {m2}. What is the average of all the students together?', 'Group A has {n1} members with mean score {m1}; group B has {n2} members with mean score {m2}. Find the mean score of the combined group.', 'A shop sold {n1} items at an average price of {m1} and {n2} items at an average price of {m2}. What was the average price of all items sold?'],
  levels: [3],
  sample: (rng) => ({ n1: rng.int(8, 40), m1: rng.int(50, 95), n2: rng.int(8, 40), m2: rng.int(50, 95) }),
  difficulty: () => 3,
  valid: (p) => p.n1 + p.n2 > 0,
  derive(p, d) {
    if (d.path(2) === 1) {
      const gap = d.int('the gap between the means', () => p.m2 - p.m1, (v) => `The second mean is ${v} above the first.`);
      return answer.frac(d.num('the combined mean', () => Fraction.of(p.m1).add(Fraction.of(p.n2 * gap, p.n1 + p.n2)), (v) => `The combined mean is ${p.m1} + ${p.n2}·${par(gap)}/${p.n1 + p.n2} = ${String(v)}.`));
    }
    const t1 = d.int('the first total', () => p.n1 * p.m1, (v) => `The first group scores ${p.n1}·${p.m1} = ${v} points in total.`);
    const t2 = d.int('the second total', () => p.n2 * p.m2, (v) => `The second scores ${p.n2}·${p.m2} = ${v}.`);
    return answer.frac(d.num('the combined mean', () => Fraction.of(t1 + t2, p.n1 + p.n2), (v) => `Together: (${t1} + ${t2})/${p.n1 + p.n2} = ${String(v)}.`));
  },
});

const removedValue = defineFamily<{ n: number; m: number; m2: number }>({
  name: 'mean-after-removal',
  domain: DOMAIN,
  subtopic: 'descriptive_statistics',
  intent: 'find a removed value from the change of a mean',
  knowledge: 'totals before and after removing a value',
  slots: { n: nat, m: nat, m2: nat },
  templates: ['The average of {n} numbers is {m}. When one of the numbers is removed, the average of the rest is {m2}. What number was removed?', 'A set of {n} numbers has mean {m}; removing one number leaves a mean of {m2}. Which number was removed?', 'A team of {n} players has an average age of {m}. One player leaves and the average of the others becomes {m2}. How old is the player who left?'],
  levels: [4],
  sample(rng) {
    const n = rng.int(5, 20);
    return { n, m: rng.int(10, 60), m2: rng.int(10, 60) };
  },
  difficulty: () => 4,
  valid: (p) => p.n >= 2,
  derive(p, d) {
    const before = d.int('the total before', () => p.n * p.m, (v) => `Before: total = ${p.n}·${p.m} = ${v}.`);
    const after = d.int('the total after', () => (p.n - 1) * p.m2, (v) => `After: total = ${p.n - 1}·${p.m2} = ${v}.`);
    return answer.int(d.int('the removed number', () => before - after, (v) => `The removed number is ${before} - ${after} = ${v}.`));
  },
});

const transformedMean = defineFamily<{ n: number; m: number; a: number; b: number; k: number; m2: number }>({
  name: 'transformed-and-merged-mean',
  domain: DOMAIN,
  subtopic: 'descriptive_statistics',
  intent: 'track a mean through a linear change of the data and an added group',
  knowledge: 'mean(aX + b) = a·mean(X) + b and weighted averages',
  slots: { n: nat, m: int, a: nat, b: int, k: nat, m2: int },
  templates: ['A data set of {n} numbers has mean {m}. Every number is multiplied by {a} and then increased by {b}. Then {k} more numbers with mean {m2} are added. What is the mean of the new data set?', 'Take {n} numbers with average {m}, replace each x by {a}x + ({b}), and add {k} further numbers whose average is {m2}. Find the average of all the numbers now.'],
  levels: [5],
  sample: (rng) => ({ n: rng.int(4, 20), m: rng.int(-10, 30), a: rng.int(2, 5), b: rng.nonZero(-10, 10), k: rng.int(2, 10), m2: rng.int(-10, 50) }),
  difficulty: () => 5,
  derive(p, d) {
    const newMean = d.int('the transformed mean', () => p.a * p.m + p.b, (v) => `After the change the mean is ${p.a}·${par(p.m)} + ${par(p.b)} = ${v}.`);
    const total1 = d.int('the transformed total', () => newMean * p.n, (v) => `Their total is ${newMean}·${p.n} = ${v}.`);
    const total2 = d.int('the added total', () => p.k * p.m2, (v) => `The added numbers total ${p.k}·${par(p.m2)} = ${v}.`);
    return answer.frac(d.num('the new mean', () => Fraction.of(total1 + total2, p.n + p.k), (v) => `The mean is (${total1} + ${par(total2)})/${p.n + p.k} = ${String(v)}.`));
  },
});

const singleDraw = defineFamily<{ red: number; blue: number; green: number; colour: 'red' | 'blue' | 'green' }>({
  name: 'single-draw-probability',
  domain: DOMAIN,
  subtopic: 'probability',
  intent: 'find the probability of drawing a given colour',
  knowledge: 'favourable outcomes over possible outcomes',
  slots: { red: nat, blue: nat, green: nat, colour: word(['red', 'blue', 'green']) },
  templates: ['A bag contains {red} red, {blue} blue and {green} green marbles. One marble is drawn at random. What is the probability that it is {colour}?', 'A box holds {red} red, {blue} blue and {green} green balls. If one ball is picked at random, find the probability that it is {colour}.', 'A jar has {red} red, {blue} blue and {green} green sweets. Picking one without looking, what is the chance it is {colour}?'],
  levels: [1],
  sample: (rng) => ({ red: rng.int(1, 15), blue: rng.int(1, 15), green: rng.int(1, 15), colour: rng.pick(['red', 'blue', 'green'] as const) }),
  difficulty: () => 1,
  derive(p, d) {
    const total = d.int('the number of marbles', () => p.red + p.blue + p.green, (v) => `There are ${v} marbles in all.`, { min: 1 });
    return answer.frac(d.num('the probability', () => Fraction.of(p[p.colour], total), (v) => `P(${p.colour}) = ${p[p.colour]}/${total} = ${String(v)}.`));
  },
});

const twoDraws = defineFamily<{ red: number; blue: number; ask: 'both red' | 'one of each' }>({
  name: 'two-draws-without-replacement',
  domain: DOMAIN,
  subtopic: 'probability',
  intent: 'find a probability for two draws without replacement',
  knowledge: 'multiplying conditional probabilities',
  slots: { red: nat, blue: nat, ask: word(['both red', 'one of each']) },
  templates: [
    { text: 'An urn contains {red} red and {blue} blue balls. Two balls are drawn without replacement. What is the probability that both are red?', when: { ask: 'both red' } },
    { text: 'An urn contains {red} red and {blue} blue balls. Two are drawn at random without replacement. Find the probability of getting one of each colour.', when: { ask: 'one of each' } },
  ],
  levels: [2, 3],
  sample: (rng, level) => ({ red: rng.int(2, 12), blue: rng.int(2, 12), ask: level === 2 ? 'both red' : 'one of each' }),
  difficulty: (p) => (p.ask === 'both red' ? 2 : 3),
  valid: (p) => p.red >= 2 && p.blue >= 1,
  derive(p, d) {
    const n = d.int('the number of balls', () => p.red + p.blue, (v) => `There are ${v} balls.`, { min: 2 });
    if (p.ask === 'both red') {
      const first = d.num('the first probability', () => Fraction.of(p.red, n), (v) => `P(first red) = ${String(v)}.`);
      return answer.frac(d.num('the probability', () => first.mul(Fraction.of(p.red - 1, n - 1)), (v) => `P(second red | first red) = ${p.red - 1}/${n - 1}, so P = ${String(v)}.`));
    }
    const order = d.num('the probability of red then blue', () => Fraction.of(p.red * p.blue, n * (n - 1)), (v) => `P(red then blue) = ${p.red}/${n}·${p.blue}/${n - 1} = ${String(v)}.`);
    return answer.frac(d.trap({
      label: 'the probability',
      right: () => order.mul(2),
      wrong: () => order,
      say: (v) => `Blue then red is equally likely, so P = 2·${String(order)} = ${String(v)}.`,
      sayWrong: (v) => `So the probability of one of each is ${String(v)}.`,
    }));
  },
});

const diceSum = defineFamily<{ s: number; sides: number }>({
  name: 'dice-sum-probability',
  domain: DOMAIN,
  subtopic: 'probability',
  intent: 'find the probability that two dice show a given sum',
  knowledge: 'counting equally likely outcomes',
  slots: { s: nat, sides: nat },
  templates: ['Two fair {sides}-sided dice are rolled. What is the probability that the sum is {s}?', 'If you roll two fair dice with {sides} faces each, what is the probability that the faces add up to {s}?', 'Two {sides}-sided dice are thrown. Find the probability that their total is {s}.'],
  levels: [2],
  sample(rng) {
    const sides = rng.pick([4, 6, 8, 10, 12]);
    return { s: rng.int(2, 2 * sides), sides };
  },
  difficulty: () => 2,
  valid: (p) => p.sides >= 2 && p.s >= 2 && p.s <= 2 * p.sides,
  derive(p, d) {
    const ways = d.int('the number of favourable outcomes', () => Math.min(p.s - 1, 2 * p.sides - p.s + 1), (v) => `The pairs adding to ${p.s} number ${v}.`, { min: 1 });
    return answer.frac(d.num('the probability', () => Fraction.of(ways, p.sides * p.sides), (v) => `Out of ${p.sides * p.sides} outcomes, P = ${String(v)}.`));
  },
});

const atLeastOne = defineFamily<{ n: number; sides: number }>({
  name: 'at-least-one-probability',
  domain: DOMAIN,
  subtopic: 'probability',
  intent: 'find the probability of at least one success in repeated trials',
  knowledge: 'the complement rule',
  slots: { n: nat, sides: nat },
  templates: ['A fair {sides}-sided die is rolled {n} times. What is the probability of rolling a 1 at least once?', 'What is the probability that at least one of {n} rolls of a fair {sides}-sided die shows a 1?', 'Roll a fair {sides}-sided die {n} times. How likely is it that some roll shows a 1?'],
  levels: [3],
  sample: (rng) => ({ n: rng.int(2, 5), sides: rng.pick([4, 6, 8, 10]) }),
  difficulty: () => 3,
  valid: (p) => p.n >= 1 && p.n <= 8 && p.sides >= 2,
  derive(p, d) {
    const none = d.num('the probability of no 1', () => Fraction.of((p.sides - 1) ** p.n, p.sides ** p.n), (v) => `P(no 1 in ${p.n} rolls) = (${p.sides - 1}/${p.sides})^${p.n} = ${String(v)}.`);
    return answer.frac(d.num('the probability', () => Fraction.of(1).sub(none), (v) => `So P(at least one 1) = 1 - ${String(none)} = ${String(v)}.`));
  },
});

const bayes = defineFamily<{ prevalence: number; sensitivity: number; falsePositive: number }>({
  name: 'bayes-test',
  domain: DOMAIN,
  subtopic: 'probability',
  intent: 'find a posterior probability after a positive test',
  knowledge: "Bayes' theorem",
  slots: { prevalence: nat, sensitivity: nat, falsePositive: nat },
  templates: ['A disease affects {prevalence}% of a population. A test detects it in {sensitivity}% of people who have it and gives a false positive for {falsePositive}% of people who do not. If a person tests positive, what is the probability that they have the disease?', 'In a town, {prevalence}% of people carry a virus. A screening test is positive for {sensitivity}% of carriers and for {falsePositive}% of non-carriers. Given a positive result, find the probability that the person is a carrier.'],
  levels: [4],
  sample: (rng) => ({ prevalence: rng.int(1, 20), sensitivity: rng.int(70, 99), falsePositive: rng.int(1, 15) }),
  difficulty: () => 4,
  valid: (p) => p.prevalence > 0 && p.prevalence < 100 && p.sensitivity <= 100 && p.falsePositive <= 100,
  derive(p, d) {
    const truePos = d.num('the true-positive probability', () => Fraction.of(p.prevalence * p.sensitivity, 10_000), (v) => `P(sick and positive) = ${p.prevalence}%·${p.sensitivity}% = ${String(v)}.`);
    const falsePos = d.num('the false-positive probability', () => Fraction.of((100 - p.prevalence) * p.falsePositive, 10_000), (v) => `P(healthy and positive) = ${100 - p.prevalence}%·${p.falsePositive}% = ${String(v)}.`);
    return answer.frac(d.num('the posterior probability', () => truePos.div(truePos.add(falsePos)), (v) => `P(sick | positive) = ${String(truePos)}/(${String(truePos)} + ${String(falsePos)}) = ${String(v)}.`));
  },
});

const alternatingGame = defineFamily<{ a: number; b: number }>({
  name: 'alternating-turns-game',
  domain: DOMAIN,
  subtopic: 'probability',
  intent: 'find the probability that the first player wins a game of alternating attempts',
  knowledge: 'geometric series of rounds',
  slots: { a: nat, b: nat },
  templates: ['Alice and Bob take turns shooting at a target, Alice first. Each shot hits with probability {a}/{b}, independently. The first to hit wins. What is the probability that Alice wins?', 'Two players alternate attempts, the first player starting; each attempt succeeds with probability {a}/{b}. The first success wins the game. Find the probability that the first player wins.'],
  levels: [5],
  sample(rng) {
    const b = rng.int(3, 12);
    return { a: rng.int(1, b - 1), b };
  },
  difficulty: () => 5,
  valid: (p) => p.a > 0 && p.a < p.b,
  derive(p, d) {
    const miss = d.num('the probability that a round has no hit', () => Fraction.of(p.b - p.a, p.b).mul(Fraction.of(p.b - p.a, p.b)), (v) => `A full round with two misses has probability (${p.b - p.a}/${p.b})^2 = ${String(v)}.`);
    d.note(`Alice wins on her first shot, or after k empty rounds: P = p·Σ q^k.`);
    return answer.frac(d.num('the probability that the first player wins', () => Fraction.of(p.a, p.b).div(Fraction.of(1).sub(miss)), (v) => `P = (${p.a}/${p.b})/(1 - ${String(miss)}) = ${String(v)}.`));
  },
});

export function statisticsDataProbabilityFamilies(): RealisticFamily[] {
  return [centre, missingValue, combinedMean, removedValue, transformedMean, singleDraw, twoDraws, diceSum, atLeastOne, bayes, alternatingGame];
}
