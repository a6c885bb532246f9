import { Fraction } from './fraction.js';
import { binomial, exactSqrt, factorial } from './integer-math.js';
import { defineFamily, formatList, intAt, NAMES, parseIntList, ProblemParseError, textAt, type ProblemFamily } from './problem-family.js';

const DOMAIN = 'statistics';
const COLORS = ['red', 'blue', 'green', 'yellow', 'white', 'black'] as const;

/** The numbers after "data set", "numbers" or "were" in a problem, or undefined. */
function dataList(text: string): number[] | undefined {
  const m = /(?:data set|numbers|were)\s+((?:-?\d+(?:, | and ))+-?\d+)/.exec(text);
  return m ? parseIntList(textAt(m, 1)) : undefined;
}

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

type DescriptiveKind = 'mean' | 'median' | 'range';
interface Descriptive { kind: DescriptiveKind; values: number[] }

const descriptive = defineFamily<Descriptive>({
  name: 'descriptive-statistics',
  domain: DOMAIN,
  subtopic: 'descriptive_statistics',
  sample(rng) {
    const values = Array.from({ length: rng.int(5, 9) }, () => rng.int(1, 99));
    return { kind: rng.pick<DescriptiveKind>(['mean', 'median', 'range']), values };
  },
  render({ kind, values }, rng) {
    const list = formatList(values);
    const name = rng.pick(NAMES);
    const noun = kind === 'mean' ? 'mean' : kind;
    return rng.pick([
      `Find the ${noun} of the data set ${list}.`,
      `What is the ${kind === 'mean' ? 'arithmetic mean' : kind} of the numbers ${list}?`,
      `The quiz scores in ${name}'s study group were ${list}. What is the ${noun} of the scores?`,
    ]);
  },
  parse(text) {
    if (/variance|standard deviation/.test(text)) return undefined;
    const values = dataList(text);
    const kind = /\bmean\b/.test(text) ? 'mean' : /\bmedian\b/.test(text) ? 'median' : /\brange\b/.test(text) ? 'range' : undefined;
    return values && kind && { kind, values };
  },
  work({ kind, values }) {
    const sorted = [...values].sort((a, b) => a - b);
    const sortedStep = `In increasing order the data are ${sorted.join(', ')}.`;
    if (kind === 'mean') {
      const mean = Fraction.of(sum(values), values.length);
      return { answer: mean.toString(), steps: [`The sum of the ${values.length} values is ${sum(values)}.`, `The mean is ${sum(values)}/${values.length} = ${String(mean)}.`] };
    }
    if (kind === 'range') {
      const range = (sorted.at(-1) ?? 0) - (sorted[0] ?? 0);
      return { answer: `${range}`, steps: [sortedStep, `The range is ${sorted.at(-1)} - ${sorted[0]} = ${range}.`] };
    }
    const mid = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 === 1 ? Fraction.of(sorted[mid] ?? 0) : Fraction.of((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0), 2);
    const how = sorted.length % 2 === 1 ? 'the middle value' : `the average of ${sorted[mid - 1]} and ${sorted[mid]}`;
    return { answer: median.toString(), steps: [sortedStep, `With ${sorted.length} values the median is ${how}, which is ${String(median)}.`] };
  },
});

type ProbabilityKind = 'dice' | 'dice-at-least' | 'urn' | 'coins';
interface Probability { kind: ProbabilityKind; a: number; b: number; c: number }

const probability = defineFamily<Probability>({
  name: 'probability',
  domain: DOMAIN,
  subtopic: 'probability',
  sample(rng) {
    const kind = rng.pick<ProbabilityKind>(['dice', 'dice-at-least', 'urn', 'urn', 'urn', 'coins']);
    if (kind === 'urn') return { kind, a: rng.int(2, 15), b: rng.int(2, 15), c: rng.int(0, 1) };
    if (kind === 'coins') {
      const n = rng.int(3, 16);
      return { kind, a: n, b: rng.int(0, n), c: rng.int(0, 1) };
    }
    const sides = rng.pick([4, 6, 8, 10, 12, 20]);
    return { kind, a: sides, b: rng.int(3, 2 * sides - 1), c: 0 };
  },
  render({ kind, a, b, c }, rng) {
    const name = rng.pick(NAMES);
    if (kind === 'urn') {
      const things = rng.pick(['marbles', 'balls', 'chips', 'beads', 'tokens', 'cubes']);
      const [first, second] = rng.shuffle(COLORS);
      return `A bag contains ${a} ${first} ${things} and ${b} ${second} ${things}. ${name} draws two ${things} at random without replacement. What is the probability that both are ${c === 0 ? first : second}?`;
    }
    if (kind === 'coins') {
      const side = c === 0 ? 'heads' : 'tails';
      return rng.pick([`${name} flips a fair coin ${a} times. What is the probability of getting exactly ${b} ${side}?`, `A fair coin is tossed ${a} times. What is the probability of exactly ${b} ${side}?`]);
    }
    const event = kind === 'dice' ? `${b}` : `at least ${b}`;
    const other = rng.pick(NAMES.filter((n) => n !== name));
    return rng.pick([
      `${name} rolls two fair ${a}-sided dice. What is the probability that the sum is ${event}?`,
      `${name} and ${other} each roll a fair ${a}-sided die. What is the probability that the sum of their rolls is ${kind === 'dice' ? 'exactly ' : ''}${event}?`,
    ]);
  },
  parse(text) {
    const dice = /two fair (\d+)-sided dice|each roll a fair (\d+)-sided die/i.exec(text);
    const target = /sum (?:of their rolls )?is (at least )?(?:exactly )?(\d+)/.exec(text);
    if (dice && target) return { kind: target[1] ? 'dice-at-least' : 'dice', a: Number(dice[1] ?? dice[2]), b: intAt(target, 2), c: 0 };
    const urn = /(\d+) ([a-z]+) [a-z]+ and (\d+) ([a-z]+) [a-z]+\. \w+ draws two/.exec(text);
    const both = /both are ([a-z]+)/.exec(text)?.[1];
    if (urn && both && (both === urn[2] || both === urn[4])) return { kind: 'urn', a: intAt(urn, 1), b: intAt(urn, 3), c: both === urn[2] ? 0 : 1 };
    const coins = /(?:flips a fair coin|fair coin is tossed) (\d+) times/.exec(text);
    const exactly = /exactly (\d+) (heads|tails)/.exec(text);
    if (coins && exactly) return { kind: 'coins', a: intAt(coins, 1), b: intAt(exactly, 1), c: exactly[2] === 'heads' ? 0 : 1 };
    return undefined;
  },
  work({ kind, a, b, c }) {
    if (kind === 'urn') {
      const wanted = c === 0 ? a : b;
      const p = Fraction.of(binomial(wanted, 2), binomial(a + b, 2));
      return {
        answer: p.toString(),
        steps: [`There are C(${a + b}, 2) = ${binomial(a + b, 2)} ways to draw two.`, `C(${wanted}, 2) = ${binomial(wanted, 2)} of them are both the wanted color.`, `The probability is ${binomial(wanted, 2)}/${binomial(a + b, 2)} = ${String(p)}.`],
      };
    }
    if (kind === 'coins') {
      const p = Fraction.of(binomial(a, b), 2 ** a);
      return { answer: p.toString(), steps: [`There are 2^${a} = ${2 ** a} equally likely sequences.`, `C(${a}, ${b}) = ${binomial(a, b)} of them have exactly ${b}.`, `The probability is ${binomial(a, b)}/${2 ** a} = ${String(p)}.`] };
    }
    if (a < 1 || a > 1000) throw new ProblemParseError('unreasonable die');
    let count = 0;
    for (let i = 1; i <= a; i++) for (let j = 1; j <= a; j++) if (kind === 'dice' ? i + j === b : i + j >= b) count++;
    const p = Fraction.of(count, a * a);
    return {
      answer: p.toString(),
      steps: [`There are ${a}^2 = ${a * a} equally likely outcomes.`, `${count} of them have a sum ${kind === 'dice' ? 'of' : 'of at least'} ${b}.`, `The probability is ${count}/${a * a} = ${String(p)}.`],
    };
  },
});

type CountingKind = 'committee' | 'mixed' | 'podium' | 'adjacent' | 'letters';
interface Counting { kind: CountingKind; n: number; m: number; k: number; j: number; word: string }

const WORDS = [
  'BANANA', 'LETTER', 'PEPPER', 'COFFEE', 'BALLOON', 'MISSISSIPPI', 'STATISTICS', 'ALGEBRA', 'PARALLEL', 'COMMITTEE',
  'BOOKKEEPER', 'ASSESS', 'GOOGOL', 'TATTOO', 'CHEESE', 'SUCCESS', 'REFERENCE', 'MAMMAL', 'ADDRESS', 'APPLE',
  'PUZZLE', 'RHYTHM', 'MATH', 'PROOF', 'LEVEL', 'ACCEPT', 'INNING', 'ARRAY', 'DEEDED', 'NUMBER',
];

const counting = defineFamily<Counting>({
  name: 'counting',
  domain: DOMAIN,
  subtopic: 'combinatorics',
  sample(rng) {
    // Only a few dozen words exist, so letter arrangements stay rare to keep repeats rare.
    const kind = rng.chance(0.04) ? 'letters' : rng.pick<CountingKind>(['committee', 'committee', 'mixed', 'mixed', 'podium', 'adjacent', 'adjacent']);
    const n = kind === 'adjacent' ? rng.int(4, 12) : rng.int(5, 40);
    const m = rng.int(3, 15);
    const k = kind === 'podium' ? rng.int(2, 3) : rng.int(2, 6);
    return { kind, n, m, k, j: rng.int(1, Math.min(k, m)), word: rng.pick(WORDS) };
  },
  render({ kind, n, m, k, j, word }, rng) {
    const [name, other] = rng.shuffle(NAMES);
    switch (kind) {
      case 'committee':
        return rng.pick([`${name}'s club has ${n} members. In how many ways can a committee of ${k} members be chosen?`, `In how many ways can ${name} choose a committee of ${k} people from a group of ${n} people?`]);
      case 'mixed':
        return `A club has ${n} boys and ${m} girls. How many ways are there to choose a committee of ${k} members with exactly ${j} girls?`;
      case 'podium': {
        const places = k === 3 ? rng.pick(['the gold, silver and bronze medals', 'first, second and third place']) : 'first and second place';
        return `${n} runners compete in ${name}'s school race. In how many ways can ${places} be awarded?`;
      }
      case 'adjacent':
        return `In how many ways can ${n} people stand in a row if ${name} and ${other} must stand next to each other?`;
      case 'letters':
        return rng.pick([`How many distinct arrangements of the letters in the word ${word} are there?`, `In how many distinct ways can the letters of ${word} be arranged?`]);
    }
  },
  parse(text) {
    const base = { n: 0, m: 0, k: 0, j: 0, word: '' };
    const mixed = /(\d+) boys and (\d+) girls\. How many ways are there to choose a committee of (\d+) members with exactly (\d+) girls/.exec(text);
    if (mixed) return { ...base, kind: 'mixed', n: intAt(mixed, 1), m: intAt(mixed, 2), k: intAt(mixed, 3), j: intAt(mixed, 4) };
    const committee = /committee of (\d+) (?:members|people)/.exec(text);
    const pool = /club has (\d+) members|group of (\d+) people/.exec(text);
    if (committee && pool) return { ...base, kind: 'committee', n: Number(pool[1] ?? pool[2]), k: intAt(committee, 1) };
    const podium = /(\d+) runners compete/.exec(text);
    if (podium) return { ...base, kind: 'podium', n: intAt(podium, 1), k: /third place|bronze/.test(text) ? 3 : 2 };
    const adjacent = /(\d+) people stand in a row if \w+ and \w+ must stand next to each other/.exec(text);
    if (adjacent) return { ...base, kind: 'adjacent', n: intAt(adjacent, 1) };
    const letters = /letters (?:in the word|of) ([A-Z]+)\b/.exec(text);
    if (letters) return { ...base, kind: 'letters', word: textAt(letters, 1) };
    return undefined;
  },
  work({ kind, n, m, k, j, word }) {
    switch (kind) {
      case 'committee': {
        const ways = binomial(n, k);
        return { answer: `${ways}`, steps: [`Order does not matter, so count combinations.`, `C(${n}, ${k}) = ${ways}.`] };
      }
      case 'mixed': {
        const ways = binomial(m, j) * binomial(n, k - j);
        return { answer: `${ways}`, steps: [`Choose ${j} of the ${m} girls in C(${m}, ${j}) = ${binomial(m, j)} ways.`, `Choose ${k - j} of the ${n} boys in C(${n}, ${k - j}) = ${binomial(n, k - j)} ways.`, `Multiply: ${binomial(m, j)} × ${binomial(n, k - j)} = ${ways}.`] };
      }
      case 'podium': {
        const ways = Array.from({ length: k }, (_, i) => n - i).reduce((acc, v) => acc * v, 1);
        return { answer: `${ways}`, steps: [`Order matters, so count permutations of ${k} out of ${n}.`, `P(${n}, ${k}) = ${Array.from({ length: k }, (_, i) => n - i).join(' × ')} = ${ways}.`] };
      }
      case 'adjacent': {
        const ways = 2 * factorial(n - 1);
        return { answer: `${ways}`, steps: [`Glue the two people into one block, leaving ${n - 1} units to arrange in ${n - 1}! = ${factorial(n - 1)} ways.`, `The pair can stand in 2 orders inside the block, so there are 2 × ${factorial(n - 1)} = ${ways} ways.`] };
      }
      case 'letters': {
        const counts = new Map<string, number>();
        for (const ch of word) counts.set(ch, (counts.get(ch) ?? 0) + 1);
        const repeats = [...counts.entries()].filter(([, c]) => c > 1);
        const ways = [...counts.values()].reduce((acc, c) => acc / factorial(c), factorial(word.length));
        const divisor = repeats.map(([ch, c]) => `${c}! for ${ch}`).join(', ');
        return { answer: `${ways}`, steps: [`${word} has ${word.length} letters${repeats.length ? `, with repeats (${divisor})` : ', all different'}.`, `The number of arrangements is ${word.length}! divided by the factorials of the repeat counts, which is ${ways}.`] };
      }
    }
  },
});

type ExpectationKind = 'table' | 'game' | 'die';
interface Expectation { kind: ExpectationKind; values: number[]; probs: Fraction[]; m: number; t: number; cost: number; prize: number }

const expectedValue = defineFamily<Expectation>({
  name: 'expected-value',
  domain: DOMAIN,
  subtopic: 'expected_value',
  sample(rng) {
    // A fair die has few distinct versions, so it stays rare to keep repeats rare.
    const kind = rng.chance(0.1) ? 'die' : rng.pick<ExpectationKind>(['table', 'game']);
    const m = rng.pick([4, 6, 8, 10, 12, 20]);
    const base = { kind, values: [], probs: [], m, t: rng.int(2, m), cost: rng.int(1, 10), prize: rng.int(2, 60) };
    if (kind === 'die') return { ...base, t: rng.int(-20, 100) };
    if (kind === 'game') return base;
    const values = new Set<number>();
    const k = rng.int(3, 4);
    while (values.size < k) values.add(rng.int(-10, 30));
    const weights = Array.from({ length: k }, () => rng.int(1, 6));
    return { ...base, values: [...values], probs: weights.map((w) => Fraction.of(w, sum(weights))) };
  },
  render({ kind, values, probs, m, t, cost, prize }, rng) {
    const name = rng.pick(NAMES);
    if (kind === 'die') {
      return rng.pick([`What is the expected value of the roll of a fair ${m}-sided die whose faces are numbered ${t} through ${t + m - 1}?`, `${name} rolls a fair ${m}-sided die whose faces are numbered ${t} through ${t + m - 1}. What is the expected value of the roll?`]);
    }
    if (kind === 'game') {
      return `${name} pays $${cost} to play a game in which a fair ${m}-sided die is rolled. If the roll is ${t} or higher, ${name} wins $${prize}; otherwise ${name} wins nothing. What is ${name}'s expected net gain, in dollars?`;
    }
    const [vals, ps] = [formatList(values), formatList(probs.map(String))];
    return rng.pick([
      `A random variable X takes the values ${vals} with probabilities ${ps}, respectively. What is the expected value of X?`,
      `The random variable Y equals ${vals} with probabilities ${ps} respectively. Find E[Y].`,
    ]);
  },
  parse(text) {
    const base = { values: [], probs: [], m: 0, t: 0, cost: 0, prize: 0 };
    const die = /fair (\d+)-sided die whose faces are numbered (-?\d+) through (-?\d+)/.exec(text);
    if (die && intAt(die, 3) - intAt(die, 2) + 1 === intAt(die, 1)) return { ...base, kind: 'die', m: intAt(die, 1), t: intAt(die, 2) };
    const game = /pays \$(\d+) to play a game in which a fair (\d+)-sided die is rolled\. If the roll is (\d+) or higher, \w+ wins \$(\d+)/.exec(text);
    if (game) return { ...base, kind: 'game', cost: intAt(game, 1), m: intAt(game, 2), t: intAt(game, 3), prize: intAt(game, 4) };
    const table = /(?:takes the values|equals) (.+?) with probabilities (.+?),? respectively/.exec(text);
    if (!table) return undefined;
    const probs = [...textAt(table, 2).matchAll(/(\d+)\/(\d+)/g)].map((p) => Fraction.of(Number(p[1]), Number(p[2])));
    return { ...base, kind: 'table', values: parseIntList(textAt(table, 1)), probs };
  },
  work({ kind, values, probs, m, t, cost, prize }) {
    if (kind === 'die') {
      const e = Fraction.of(2 * t + m - 1, 2);
      return { answer: e.toString(), steps: [`Each of the ${m} faces ${t}, ..., ${t + m - 1} is equally likely.`, `The expected value is the average of the first and last faces: (${t} + ${t + m - 1})/2 = ${String(e)}.`] };
    }
    if (kind === 'game') {
      if (t < 1 || t > m) throw new ProblemParseError('impossible threshold');
      const win = Fraction.of(m - t + 1, m);
      const e = win.mul(prize).sub(cost);
      return { answer: e.toString(), steps: [`The chance of rolling ${t} or higher is ${m - t + 1}/${m} = ${String(win)}.`, `The expected winnings are ${prize} × ${String(win)} = ${String(win.mul(prize))}.`, `Subtracting the $${cost} fee gives an expected net gain of ${String(e)}.`] };
    }
    if (values.length !== probs.length || probs.reduce((s, p) => s.add(p), Fraction.of(0)).compare(1) !== 0) throw new ProblemParseError('not a distribution');
    const e = values.reduce((s, v, i) => s.add((probs[i] ?? Fraction.of(0)).mul(v)), Fraction.of(0));
    const terms = values.map((v, i) => `${v}·(${String(probs[i])})`).join(' + ');
    return { answer: e.toString(), steps: [`E = sum of value × probability = ${terms}.`, `Adding up gives E = ${String(e)}.`] };
  },
});

type SpreadKind = 'population' | 'sample' | 'sd';
interface Spread { kind: SpreadKind; values: number[] }

const variance = defineFamily<Spread>({
  name: 'variance',
  domain: DOMAIN,
  subtopic: 'variance',
  sample(rng) {
    const kind = rng.pick<SpreadKind>(['population', 'sample', 'sd']);
    if (kind !== 'sd') return { kind, values: Array.from({ length: rng.int(4, 8) }, () => rng.int(0, 30)) };
    // Equal numbers of m - d and m + d give a standard deviation of exactly d.
    const [m, d, half] = [rng.int(10, 90), rng.int(1, 9), rng.int(2, 4)];
    return { kind, values: rng.shuffle([...Array<number>(half).fill(m - d), ...Array<number>(half).fill(m + d)]) };
  },
  render({ kind, values }, rng) {
    const what = kind === 'sd' ? 'population standard deviation' : `${kind} variance`;
    return rng.pick([`Find the ${what} of the data set ${formatList(values)}.`, `What is the ${what} of the numbers ${formatList(values)}?`]);
  },
  parse(text) {
    const values = dataList(text);
    const kind = /sample variance/.test(text) ? 'sample' : /standard deviation/.test(text) ? 'sd' : /variance/.test(text) ? 'population' : undefined;
    return values && kind && { kind, values };
  },
  work({ kind, values }) {
    const n = values.length;
    const mean = Fraction.of(sum(values), n);
    const squares = values.reduce((s, v) => s.add(Fraction.of(v).sub(mean).mul(Fraction.of(v).sub(mean))), Fraction.of(0));
    const divisor = kind === 'sample' ? n - 1 : n;
    const v = squares.div(divisor);
    const steps = [`The mean is ${sum(values)}/${n} = ${String(mean)}.`, `The squared deviations from the mean add up to ${String(squares)}.`, `Dividing by ${divisor} gives a variance of ${String(v)}.`];
    if (kind !== 'sd') return { answer: v.toString(), steps };
    const sd = Fraction.of(exactSqrt(v.num), exactSqrt(v.den));
    return { answer: sd.toString(), steps: [...steps, `The standard deviation is the square root of ${String(v)}, which is ${String(sd)}.`] };
  },
});

/** Every statistics family, one or more per subtopic of configs/domains.json. */
export function statisticsFamilies(): ProblemFamily[] {
  return [variance, descriptive, probability, counting, expectedValue];
}
