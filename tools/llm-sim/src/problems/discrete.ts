import { defineFamily, intAt, NAMES, ProblemParseError, type ProblemFamily } from './problem-family.js';

const DOMAIN = 'discrete';

/** C(n, k) exactly; throws ProblemParseError when it is not a safe integer. */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let result = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) result = (result * (n - Math.min(k, n - k) + i)) / i;
  if (!Number.isSafeInteger(Math.round(result))) throw new ProblemParseError('binomial too large');
  return Math.round(result);
}

function safe(value: number): number {
  if (!Number.isSafeInteger(value)) throw new ProblemParseError('value too large');
  return value;
}

type GraphKind = 'regular' | 'forest' | 'bipartite' | 'complete';
interface Graph { kind: GraphKind; a: number; b: number }

const graphTheory = defineFamily<Graph>({
  name: 'graph-theory',
  domain: DOMAIN,
  subtopic: 'graph_theory',
  sample(rng) {
    const kind = rng.pick<GraphKind>(['regular', 'forest', 'bipartite', 'complete']);
    if (kind === 'regular') {
      const n = rng.int(4, 400);
      let d = rng.int(1, Math.min(n - 1, 60));
      if ((n * d) % 2 === 1) d = d === 1 ? 2 : d - 1;
      return { kind, a: n, b: d };
    }
    if (kind === 'forest') {
      const v = rng.int(10, 2000);
      return { kind, a: v, b: rng.int(1, Math.min(v - 1, 60)) };
    }
    if (kind === 'bipartite') return { kind, a: rng.int(2, 120), b: rng.int(2, 120) };
    return { kind, a: rng.int(4, 3000), b: 0 };
  },
  render({ kind, a, b }, rng) {
    if (kind === 'regular') return rng.pick([`A simple graph has ${a} vertices, each of degree ${b}. How many edges does it have?`, `Every vertex of a simple graph on ${a} vertices has degree ${b}. Find the number of edges of the graph.`]);
    if (kind === 'forest') return rng.pick([`A forest has ${a} vertices and ${b} connected components. How many edges does it have?`, `A graph with no cycles has ${a} vertices and consists of ${b} trees. Find its number of edges.`]);
    if (kind === 'bipartite') return rng.pick([`How many edges does the complete bipartite graph K_{${a},${b}} have?`, `Find the number of edges of the complete bipartite graph K_{${a},${b}}.`]);
    return rng.pick([`How many edges does the complete graph on ${a} vertices have?`, `Find the number of edges of the complete graph K_${a}.`]);
  },
  parse(text) {
    const regular = /(?:graph has|graph on) (\d+) vertices(?:,|) (?:each of degree|has degree) (\d+)|simple graph has (\d+) vertices, each of degree (\d+)/.exec(text);
    if (regular) return regular[1] !== undefined ? { kind: 'regular', a: intAt(regular, 1), b: intAt(regular, 2) } : { kind: 'regular', a: intAt(regular, 3), b: intAt(regular, 4) };
    const regular2 = /Every vertex of a simple graph on (\d+) vertices has degree (\d+)/.exec(text);
    if (regular2) return { kind: 'regular', a: intAt(regular2, 1), b: intAt(regular2, 2) };
    const forest = /forest has (\d+) vertices and (\d+) connected components|no cycles has (\d+) vertices and consists of (\d+) trees/.exec(text);
    if (forest) return forest[1] !== undefined ? { kind: 'forest', a: intAt(forest, 1), b: intAt(forest, 2) } : { kind: 'forest', a: intAt(forest, 3), b: intAt(forest, 4) };
    const bipartite = /complete bipartite graph K_\{(\d+),(\d+)\}/.exec(text);
    if (bipartite) return { kind: 'bipartite', a: intAt(bipartite, 1), b: intAt(bipartite, 2) };
    const complete = /complete graph on (\d+) vertices|complete graph K_(\d+)/.exec(text);
    if (complete) return { kind: 'complete', a: Number(complete[1] ?? complete[2]), b: 0 };
    return undefined;
  },
  work({ kind, a, b }) {
    if (kind === 'regular') {
      if (b >= a || (a * b) % 2 === 1) throw new ProblemParseError('no such graph');
      return { answer: `${(a * b) / 2}`, steps: [`By the handshake lemma the degrees add up to twice the number of edges: ${a} × ${b} = ${a * b}.`, `So the graph has ${a * b} / 2 = ${(a * b) / 2} edges.`] };
    }
    if (kind === 'forest') {
      if (b < 1 || b > a) throw new ProblemParseError('no such forest');
      return { answer: `${a - b}`, steps: [`A tree on k vertices has k - 1 edges, so a forest loses one edge per component.`, `Edges = vertices - components = ${a} - ${b} = ${a - b}.`] };
    }
    if (kind === 'bipartite') return { answer: `${a * b}`, steps: [`Every one of the ${a} vertices on one side is joined to each of the ${b} on the other.`, `So K_{${a},${b}} has ${a} × ${b} = ${a * b} edges.`] };
    const edges = safe((a * (a - 1)) / 2);
    return { answer: `${edges}`, steps: [`Each pair of the ${a} vertices is joined by exactly one edge.`, `So there are C(${a}, 2) = ${a} × ${a - 1} / 2 = ${edges} edges.`] };
  },
});

type BinomialKind = 'coefficient' | 'hockey' | 'paths' | 'value';
interface Binomial { kind: BinomialKind; n: number; k: number; a: number; b: number }

const combinatorialIdentities = defineFamily<Binomial>({
  name: 'binomial-identities',
  domain: DOMAIN,
  subtopic: 'combinatorial_identities',
  sample(rng) {
    const kind = rng.pick<BinomialKind>(['coefficient', 'hockey', 'paths', 'value']);
    if (kind === 'coefficient') {
      const n = rng.int(3, 12);
      return { kind, n, k: rng.int(1, n - 1), a: rng.int(1, 6), b: rng.nonZero(-9, 9) };
    }
    if (kind === 'hockey') {
      const k = rng.int(1, 12);
      return { kind, n: rng.int(k + 2, 60), k, a: 0, b: 0 };
    }
    // n + k ≤ 50 and n ≤ 50 keep every binomial below 2^53.
    if (kind === 'paths') {
      const n = rng.int(1, 30);
      return { kind, n, k: rng.int(1, Math.min(30, 50 - n)), a: 0, b: 0 };
    }
    const n = rng.int(6, 50);
    return { kind, n, k: rng.int(2, n - 2), a: 0, b: 0 };
  },
  render({ kind, n, k, a, b }, rng) {
    if (kind === 'coefficient') {
      const inner = `${a === 1 ? '' : a}x ${b < 0 ? '-' : '+'} ${Math.abs(b)}`;
      return rng.pick([`What is the coefficient of x^${k} in the expansion of (${inner})^${n}?`, `Find the coefficient of x^${k} when (${inner})^${n} is expanded.`]);
    }
    if (kind === 'hockey') return `Compute C(${k}, ${k}) + C(${k + 1}, ${k}) + C(${k + 2}, ${k}) + ... + C(${n}, ${k}).`;
    if (kind === 'paths') return rng.pick([`How many shortest lattice paths lead from (0, 0) to (${n}, ${k}) if each step goes one unit right or one unit up?`, `Count the lattice paths from (0, 0) to (${n}, ${k}) made of unit steps right and up.`]);
    return rng.pick([`Compute the binomial coefficient C(${n}, ${k}).`, `Evaluate the binomial coefficient ${n} choose ${k}.`]);
  },
  parse(text) {
    const coefficient = /coefficient of x\^(\d+) (?:in the expansion of|when) \((\d*)x ([+-]) (\d+)\)\^(\d+)/.exec(text);
    if (coefficient) {
      const sign = coefficient[3] === '-' ? -1 : 1;
      return { kind: 'coefficient', k: intAt(coefficient, 1), a: coefficient[2] ? intAt(coefficient, 2) : 1, b: sign * intAt(coefficient, 4), n: intAt(coefficient, 5) };
    }
    const hockey = /Compute C\((\d+), (\d+)\) \+ C\((\d+), \d+\) \+ .*?\+ \.\.\. \+ C\((\d+), (\d+)\)/.exec(text);
    if (hockey && hockey[1] === hockey[2] && hockey[2] === hockey[5]) return { kind: 'hockey', k: intAt(hockey, 1), n: intAt(hockey, 4), a: 0, b: 0 };
    const paths = /lattice paths (?:lead )?from \(0, 0\) to \((\d+), (\d+)\)/.exec(text);
    if (paths) return { kind: 'paths', n: intAt(paths, 1), k: intAt(paths, 2), a: 0, b: 0 };
    const value = /binomial coefficient C\((\d+), (\d+)\)|binomial coefficient (\d+) choose (\d+)/.exec(text);
    if (value) return value[1] !== undefined ? { kind: 'value', n: intAt(value, 1), k: intAt(value, 2), a: 0, b: 0 } : { kind: 'value', n: intAt(value, 3), k: intAt(value, 4), a: 0, b: 0 };
    return undefined;
  },
  work({ kind, n, k, a, b }) {
    if (n > 60 || k > 60) throw new ProblemParseError('too large');
    if (kind !== 'hockey' && kind !== 'coefficient' && (n > 50 || (kind === 'paths' && n + k > 50))) throw new ProblemParseError('too large');
    if (kind === 'coefficient') {
      const c = binomial(n, k);
      const value = safe(c * a ** k * b ** (n - k));
      return { answer: `${value}`, steps: [`By the binomial theorem the x^${k} term is C(${n}, ${k}) (${a}x)^${k} (${b})^${n - k}.`, `C(${n}, ${k}) = ${c}, ${a}^${k} = ${a ** k} and (${b})^${n - k} = ${b ** (n - k)}.`, `So the coefficient is ${c} × ${a ** k} × ${b ** (n - k)} = ${value}.`] };
    }
    if (kind === 'hockey') {
      const value = binomial(n + 1, k + 1);
      return { answer: `${value}`, steps: [`By the hockey-stick identity, C(${k}, ${k}) + ... + C(${n}, ${k}) = C(${n + 1}, ${k + 1}).`, `C(${n + 1}, ${k + 1}) = ${value}.`] };
    }
    if (kind === 'paths') {
      const value = binomial(n + k, n);
      return { answer: `${value}`, steps: [`A path is a sequence of ${n} right steps and ${k} up steps, ${n + k} in all.`, `Choosing which ${n} of the ${n + k} steps go right gives C(${n + k}, ${n}) = ${value}.`] };
    }
    const value = binomial(n, k);
    return { answer: `${value}`, steps: [`C(${n}, ${k}) = ${n}! / (${k}! × ${n - k}!).`, `Cancelling the factorials gives C(${n}, ${k}) = ${value}.`] };
  },
});

interface Recurrence { order: 1 | 2; first: number; second: number; r: number; s: number; k: number }

function recurrenceTerms({ order, first, second, r, s, k }: Recurrence): number[] {
  const terms = [first];
  if (order === 2) terms.push(second);
  while (terms.length < k) {
    const last = terms.at(-1) ?? 0;
    terms.push(safe(order === 1 ? r * last + s : r * last + s * (terms.at(-2) ?? 0)));
  }
  return terms;
}

const recurrences = defineFamily<Recurrence>({
  name: 'linear-recurrence',
  domain: DOMAIN,
  subtopic: 'recurrences',
  sample(rng) {
    if (rng.chance(0.5)) return { order: 1, first: rng.int(-9, 12), second: 0, r: rng.pick([-3, -2, 2, 3, 4]), s: rng.int(-12, 12), k: rng.int(4, 10) };
    return { order: 2, first: rng.int(0, 12), second: rng.int(1, 12), r: rng.int(1, 4), s: rng.pick([-2, -1, 1, 2, 3]), k: rng.int(5, 12) };
  },
  render({ order, first, second, r, s, k }) {
    const coef = (c: number, term: string): string => (c === 1 ? term : c === -1 ? `-${term}` : `${c}${term}`);
    if (order === 1) {
      const tail = s === 0 ? '' : ` ${s < 0 ? '-' : '+'} ${Math.abs(s)}`;
      return `A sequence is defined by a_1 = ${first} and a_{n+1} = ${coef(r, 'a_n')}${tail} for n ≥ 1. Find a_${k}.`;
    }
    return `A sequence satisfies a_1 = ${first}, a_2 = ${second} and a_n = ${coef(r, 'a_{n-1}')} ${s < 0 ? '-' : '+'} ${coef(Math.abs(s), 'a_{n-2}')} for n ≥ 3. Find a_${k}.`;
  },
  parse(text) {
    const one = /a_1 = (-?\d+) and a_\{n\+1\} = (-?\d*)a_n(?: ([+-]) (\d+))? for n ≥ 1\. Find a_(\d+)/.exec(text);
    if (one) {
      const r = one[2] === '' ? 1 : one[2] === '-' ? -1 : intAt(one, 2);
      const s = one[3] === undefined ? 0 : (one[3] === '-' ? -1 : 1) * intAt(one, 4);
      return { order: 1, first: intAt(one, 1), second: 0, r, s, k: intAt(one, 5) };
    }
    const two = /a_1 = (-?\d+), a_2 = (-?\d+) and a_n = (-?\d*)a_\{n-1\} ([+-]) (\d*)a_\{n-2\} for n ≥ 3\. Find a_(\d+)/.exec(text);
    if (two) {
      const r = two[3] === '' ? 1 : two[3] === '-' ? -1 : intAt(two, 3);
      const s = (two[4] === '-' ? -1 : 1) * (two[5] === '' ? 1 : intAt(two, 5));
      return { order: 2, first: intAt(two, 1), second: intAt(two, 2), r, s, k: intAt(two, 6) };
    }
    return undefined;
  },
  work(params) {
    if (params.k < 1 || params.k > 60) throw new ProblemParseError('index out of range');
    const terms = recurrenceTerms(params);
    const answer = terms[params.k - 1] ?? 0;
    const listed = terms.slice(0, params.k - 1).map((t, i) => `a_${i + 1} = ${t}`).join(', ');
    return { answer: `${answer}`, steps: [`Apply the recurrence one step at a time: ${listed}.`, `The next step gives a_${params.k} = ${answer}.`] };
  },
});

type SetsKind = 'neither' | 'union3';
interface Sets { kind: SetsKind; total: number; values: number[]; name: string }

const SUBJECTS = [['French', 'Spanish', 'German'], ['chess', 'robotics', 'drama'], ['tea', 'coffee', 'juice'], ['soccer', 'tennis', 'swimming']] as const;

const logicAndSets = defineFamily<Sets>({
  name: 'inclusion-exclusion',
  domain: DOMAIN,
  subtopic: 'logic_and_sets',
  sample(rng) {
    const total = rng.int(40, 900);
    const name = rng.pick(NAMES);
    if (rng.chance(0.5)) {
      const a = rng.int(5, Math.floor(total * 0.7));
      const b = rng.int(5, Math.floor(total * 0.7));
      const both = rng.int(Math.max(0, a + b - total), Math.min(a, b));
      return { kind: 'neither', total, values: [a, b, both, rng.int(0, SUBJECTS.length - 1)], name };
    }
    const triple = rng.int(1, 15);
    const ab = triple + rng.int(0, 30);
    const ac = triple + rng.int(0, 30);
    const bc = triple + rng.int(0, 30);
    const a = ab + ac - triple + rng.int(0, 80);
    const b = ab + bc - triple + rng.int(0, 80);
    const c = ac + bc - triple + rng.int(0, 80);
    return { kind: 'union3', total, values: [a, b, c, ab, ac, bc, triple, rng.int(0, SUBJECTS.length - 1)], name };
  },
  render({ kind, total, values, name }) {
    const topic = SUBJECTS[values.at(-1) ?? 0] ?? SUBJECTS[0];
    if (kind === 'neither') {
      const [a, b, both] = values;
      return `${name} surveys ${total} students: ${a} like ${topic[0]}, ${b} like ${topic[1]}, and ${both} like both. How many of the surveyed students like neither?`;
    }
    const [a, b, c, ab, ac, bc, triple] = values;
    return `Sets A, B and C have |A| = ${a}, |B| = ${b}, |C| = ${c}, |A ∩ B| = ${ab}, |A ∩ C| = ${ac}, |B ∩ C| = ${bc} and |A ∩ B ∩ C| = ${triple}. Find |A ∪ B ∪ C|.`;
  },
  parse(text) {
    const neither = /surveys (\d+) students: (\d+) like ([a-zA-Z]+), (\d+) like ([a-zA-Z]+), and (\d+) like both\. How many of the surveyed students like neither/.exec(text);
    if (neither) return { kind: 'neither', total: intAt(neither, 1), values: [intAt(neither, 2), intAt(neither, 4), intAt(neither, 6)], name: '' };
    const union = /\|A\| = (\d+), \|B\| = (\d+), \|C\| = (\d+), \|A ∩ B\| = (\d+), \|A ∩ C\| = (\d+), \|B ∩ C\| = (\d+) and \|A ∩ B ∩ C\| = (\d+)\. Find \|A ∪ B ∪ C\|/.exec(text);
    if (union) return { kind: 'union3', total: 0, values: [1, 2, 3, 4, 5, 6, 7].map((i) => intAt(union, i)), name: '' };
    return undefined;
  },
  work({ kind, total, values }) {
    if (kind === 'neither') {
      const [a = 0, b = 0, both = 0] = values;
      const either = a + b - both;
      if (both > Math.min(a, b) || either > total) throw new ProblemParseError('inconsistent counts');
      return { answer: `${total - either}`, steps: [`By inclusion-exclusion, ${a} + ${b} - ${both} = ${either} like at least one of the two.`, `So ${total} - ${either} = ${total - either} like neither.`] };
    }
    const [a = 0, b = 0, c = 0, ab = 0, ac = 0, bc = 0, triple = 0] = values;
    const union = a + b + c - ab - ac - bc + triple;
    return { answer: `${union}`, steps: [`Inclusion-exclusion: |A ∪ B ∪ C| = |A| + |B| + |C| - |A ∩ B| - |A ∩ C| - |B ∩ C| + |A ∩ B ∩ C|.`, `That is ${a} + ${b} + ${c} - ${ab} - ${ac} - ${bc} + ${triple} = ${union}.`] };
  },
});

type PigeonKind = 'socks' | 'boxes' | 'months';

const PERIODS = [
  { name: 'day of the week', length: 7 },
  { name: 'month of the year', length: 12 },
  { name: 'hour of the day', length: 24 },
] as const;

function periodName(length: number): string {
  return PERIODS.find((p) => p.length === length)?.name ?? 'month of the year';
}
interface Pigeon { kind: PigeonKind; a: number; b: number }

const pigeonhole = defineFamily<Pigeon>({
  name: 'pigeonhole',
  domain: DOMAIN,
  subtopic: 'pigeonhole',
  sample(rng) {
    const kind = rng.pick<PigeonKind>(['socks', 'boxes', 'boxes', 'months']);
    if (kind === 'socks') return { kind, a: rng.int(2, 60), b: rng.int(2, 60) };
    if (kind === 'boxes') {
      const boxes = rng.int(2, 90);
      return { kind, a: rng.int(boxes + 1, 5000), b: boxes };
    }
    return { kind, a: rng.int(2, 600), b: rng.pick(PERIODS).length };
  },
  render({ kind, a, b }, rng) {
    if (kind === 'socks') return `A drawer holds socks in ${a} different colours, many of each. What is the smallest number of socks that must be drawn without looking to be sure of getting ${b} socks of the same colour?`;
    if (kind === 'boxes') return rng.pick([`${a} marbles are put into ${b} boxes. What is the smallest possible number of marbles in the fullest box?`, `If ${a} letters are sorted into ${b} mailboxes, at least how many letters must some mailbox receive?`]);
    return `What is the smallest number of people needed to guarantee that at least ${a} of them were born in the same ${periodName(b)}?`;
  },
  parse(text) {
    const socks = /socks in (\d+) different colours, many of each\. What is the smallest number of socks that must be drawn without looking to be sure of getting (\d+) socks/.exec(text);
    if (socks) return { kind: 'socks', a: intAt(socks, 1), b: intAt(socks, 2) };
    const boxes = /(\d+) marbles are put into (\d+) boxes|(\d+) letters are sorted into (\d+) mailboxes/.exec(text);
    if (boxes) return boxes[1] !== undefined ? { kind: 'boxes', a: intAt(boxes, 1), b: intAt(boxes, 2) } : { kind: 'boxes', a: intAt(boxes, 3), b: intAt(boxes, 4) };
    const months = /guarantee that at least (\d+) of them were born in the same (day of the week|month of the year|hour of the day)/.exec(text);
    if (months) return { kind: 'months', a: intAt(months, 1), b: PERIODS.find((p) => p.name === months[2])?.length ?? 12 };
    return undefined;
  },
  work({ kind, a, b }) {
    if (kind === 'boxes') {
      if (b < 1) throw new ProblemParseError('no boxes');
      const most = Math.ceil(a / b);
      return { answer: `${most}`, steps: [`If every box held at most ${most - 1}, the boxes would hold at most ${b} × ${most - 1} = ${b * (most - 1)} < ${a}.`, `So some box holds at least ⌈${a} / ${b}⌉ = ${most}, and ${most} is achievable by spreading evenly, giving ${most}.`] };
    }
    const [colours, want] = kind === 'socks' ? [a, b] : [b, a];
    const need = colours * (want - 1) + 1;
    return { answer: `${need}`, steps: [`With ${colours} ${kind === 'socks' ? 'colours' : 'possible values'}, ${colours} × ${want - 1} = ${colours * (want - 1)} can still avoid ${want} alike.`, `One more forces ${want} alike by the pigeonhole principle: ${colours * (want - 1)} + 1 = ${need}.`] };
  },
});

/** Every discrete-mathematics family, one per subtopic of configs/domains.json. */
export function discreteFamilies(): ProblemFamily[] {
  return [graphTheory, combinatorialIdentities, recurrences, logicAndSets, pigeonhole];
}
