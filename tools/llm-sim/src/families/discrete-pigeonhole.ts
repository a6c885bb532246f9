import { answer } from './answer-latex.js';
import { defineFamily } from './define-family.js';
import type { RealisticFamily } from './family-types.js';
import { nat, word } from './slot-kinds.js';

const DOMAIN = 'discrete';

const drawerGuarantee = defineFamily<{ colours: number; k: number; things: 'socks' | 'marbles' | 'people' }>({
  name: 'pigeonhole-guarantee',
  domain: DOMAIN,
  subtopic: 'pigeonhole',
  intent: 'find how many objects guarantee k of one kind',
  knowledge: 'the generalised pigeonhole principle',
  slots: { colours: nat, k: nat, things: word(['socks', 'marbles', 'people']) },
  templates: [
    { text: 'A drawer holds {things} in {colours} colours, plenty of each. How many must you take out, without looking, to be sure of getting {k} of the same colour?', when: { things: 'socks' } },
    { text: 'A bag contains {things} of {colours} different colours, many of each. What is the least number you must draw to guarantee {k} of one colour?', when: { things: 'marbles' } },
    { text: 'Each of a group of {things} is assigned one of {colours} teams. What is the smallest group size that guarantees some team gets at least {k} of them?', when: { things: 'people' } },
  ],
  levels: [1, 2],
  sample: (rng, level) => ({ colours: rng.int(2, 15), k: level === 1 ? 2 : rng.int(3, 12), things: rng.pick(['socks', 'marbles', 'people'] as const) }),
  difficulty: (p) => (p.k === 2 ? 1 : 2),
  valid: (p) => p.k >= 2 && p.colours >= 2,
  derive(p, d) {
    const worst = d.trap({
      label: 'the largest draw without success',
      right: () => (p.k - 1) * p.colours,
      wrong: () => p.k * p.colours,
      say: (v) => `In the worst case we hold ${p.k - 1} of each colour: ${p.k - 1}·${p.colours} = ${v} without success.`,
      sayWrong: (v) => `In the worst case we can hold ${v} without ${p.k} of a colour.`,
    });
    return answer.int(d.int('the guarantee', () => worst + 1, (v) => `One more makes ${v}, which guarantees it.`));
  },
});

const limitedDrawer = defineFamily<{ red: number; blue: number; green: number; k: number }>({
  name: 'pigeonhole-limited-supply',
  domain: DOMAIN,
  subtopic: 'pigeonhole',
  intent: 'find the worst-case number of draws when the supply of each colour is limited',
  knowledge: 'worst-case reasoning with the pigeonhole principle',
  slots: { red: nat, blue: nat, green: nat, k: nat },
  templates: ['A box contains {red} red, {blue} blue and {green} green balls. What is the minimum number of balls you must draw, without looking, to be certain of having {k} balls of the same colour?', 'From a bag of {red} red, {blue} blue and {green} green tokens, how many must be drawn blindly to guarantee {k} tokens of one colour?', 'A drawer has {red} red, {blue} blue and {green} green socks. In the dark, how many socks must you take to be sure that {k} of them match in colour?'],
  levels: [3],
  sample(rng) {
    const k = rng.int(3, 8);
    return { red: rng.int(1, 15), blue: rng.int(1, 15), green: k + rng.int(0, 10), k };
  },
  difficulty: () => 3,
  valid: (p) => Math.max(p.red, p.blue, p.green) >= p.k,
  derive(p, d) {
    const parts = [p.red, p.blue, p.green].map((c) => Math.min(c, p.k - 1));
    const worst = d.int('the largest draw without success', () => parts.reduce((a, b) => a + b, 0), (v) => `At worst we draw min(count, ${p.k - 1}) of each colour: ${parts.join(' + ')} = ${v}.`);
    return answer.int(d.int('the guarantee', () => worst + 1, (v) => `The next ball forces ${p.k} of one colour: ${v}.`));
  },
});

const sumPairs = defineFamily<{ n: number; ask: 'sum' | 'difference' }>({
  name: 'pigeonhole-sum-pairs',
  domain: DOMAIN,
  subtopic: 'pigeonhole',
  intent: 'find the least subset size that forces a pair with a given sum or difference',
  knowledge: 'pairing the numbers into pigeonholes',
  slots: { n: nat, ask: word(['sum', 'difference']) },
  templates: [
    { text: 'What is the smallest k such that any k numbers chosen from 1, 2, …, {n} must include two whose sum is {n} + 1?', when: { ask: 'sum' } },
    { text: 'What is the least number of integers you must choose, so that some two of them always have a difference divisible by {n}?', when: { ask: 'difference' } },
    { text: 'How many integers must be picked to guarantee that two of them leave the same remainder on division by {n}?', when: { ask: 'difference' } },
  ],
  levels: [3, 4],
  sample: (rng, level) => ({ n: level === 4 ? 2 * rng.int(5, 50) : rng.int(3, 40), ask: level === 4 ? 'sum' : 'difference' }),
  difficulty: (p) => (p.ask === 'sum' ? 4 : 3),
  valid: (p) => (p.ask === 'sum' ? p.n % 2 === 0 && p.n >= 4 : p.n >= 2),
  derive(p, d) {
    if (p.ask === 'difference') {
      const classes = d.int('the number of residue classes', () => p.n, (v) => `There are ${v} remainders modulo ${p.n}.`, { exact: true });
      return answer.int(d.int('the guarantee', () => classes + 1, (v) => `So ${v} integers force two with the same remainder.`));
    }
    const pairs = d.int('the number of pairs', () => p.n / 2, (v) => `Pair k with ${p.n + 1} - k: ${v} pairs.`);
    return answer.int(d.int('the guarantee', () => pairs + 1, (v) => `Choosing ${v} numbers puts two in one pair.`));
  },
});

const divides = defineFamily<{ n: number }>({
  name: 'pigeonhole-divisibility',
  domain: DOMAIN,
  subtopic: 'pigeonhole',
  intent: 'find the least subset size that forces one element to divide another',
  knowledge: 'odd parts as pigeonholes',
  slots: { n: nat },
  templates: ['What is the smallest k such that every k-element subset of {1, 2, …, {n}} contains two distinct numbers, one dividing the other?', 'Find the least k for which any k numbers from 1 to {n} include one that divides another.', 'How many numbers must be chosen from 1, 2, …, {n} to be sure that one of the chosen numbers divides another?'],
  levels: [5],
  sample: (rng) => ({ n: 2 * rng.int(5, 60) }),
  difficulty: () => 5,
  valid: (p) => p.n % 2 === 0 && p.n >= 4,
  derive(p, d) {
    const odd = d.int('the number of odd parts', () => p.n / 2, (v) => `Every number is 2^a·m with m odd; there are ${v} odd values of m up to ${p.n}.`);
    d.note(`The numbers ${p.n / 2 + 1}, …, ${p.n} show that ${odd} numbers are not enough.`);
    return answer.int(d.int('the guarantee', () => odd + 1, (v) => `With ${v} numbers, two share an odd part and one divides the other.`));
  },
});

export function discretePigeonholeFamilies(): RealisticFamily[] {
  return [drawerGuarantee, limitedDrawer, sumPairs, divides];
}
