import { Fraction } from '../problems/fraction.js';
import { binomial } from '../problems/integer-math.js';
import { answer } from './answer-latex.js';
import { defineFamily } from './define-family.js';
import type { RealisticFamily } from './family-types.js';
import { nat, word } from './slot-kinds.js';

const DOMAIN = 'discrete';

const handshake = defineFamily<{ n: number; deg: number }>({
  name: 'handshake-edges',
  domain: DOMAIN,
  subtopic: 'graph_theory',
  intent: 'count the edges of a regular graph',
  knowledge: 'the handshake lemma',
  slots: { n: nat, deg: nat },
  templates: ['A graph has {n} vertices, each of degree {deg}. How many edges does it have?', 'At a party of {n} people, everyone shakes hands with exactly {deg} others. How many handshakes take place?', 'A {deg}-regular graph has {n} vertices. Find its number of edges.', 'In a network of {n} computers, each is cabled directly to exactly {deg} others. How many cables are there?'],
  levels: [1],
  sample(rng) {
    const n = 2 * rng.int(3, 30);
    return { n, deg: rng.int(2, Math.min(n - 1, 12)) };
  },
  difficulty: () => 1,
  valid: (p) => p.deg < p.n && (p.n * p.deg) % 2 === 0,
  derive(p, d) {
    const total = d.int('the degree sum', () => p.n * p.deg, (v) => `The degrees add up to ${p.n}·${p.deg} = ${v}.`);
    return answer.int(d.trap({ label: 'the number of edges', right: () => total / 2, wrong: () => total, say: (v) => `Each edge is counted twice, so there are ${v} edges.`, sayWrong: (v) => `So there are ${v} edges.` }));
  },
});

const completeGraphs = defineFamily<{ m: number; n: number; kind: 'complete' | 'bipartite' }>({
  name: 'complete-graph-edges',
  domain: DOMAIN,
  subtopic: 'graph_theory',
  intent: 'count the edges of a complete or complete bipartite graph',
  knowledge: 'choosing pairs of vertices',
  slots: { m: nat, n: nat, kind: word(['complete', 'bipartite']) },
  defaults: { m: 0 },
  templates: [
    { text: 'How many edges does the complete graph on {n} vertices have?', when: { kind: 'complete' } },
    { text: 'In a round-robin tournament with {n} teams every pair plays once. How many games are played?', when: { kind: 'complete' } },
    { text: 'Each of {n} people shakes hands with every other person exactly once. How many handshakes are there?', when: { kind: 'complete' } },
    { text: 'How many edges does the complete bipartite graph K_{{m},{n}} have, and how many does K_{{n}} have? Give the sum of the two counts.', when: { kind: 'bipartite' } },
  ],
  levels: [1, 2],
  sample: (rng, level) => ({ m: level === 1 ? 0 : rng.int(2, 12), n: rng.int(4, 40), kind: level === 1 ? 'complete' : 'bipartite' }),
  difficulty: (p) => (p.kind === 'complete' ? 1 : 2),
  derive(p, d) {
    const kn = d.int(`C(${p.n}, 2)`, () => (p.n * (p.n - 1)) / 2, (v) => `K_${p.n} has C(${p.n}, 2) = ${v} edges.`);
    if (p.kind === 'complete') return answer.int(kn);
    const kmn = d.int('the bipartite edge count', () => p.m * p.n, (v) => `K_{${p.m},${p.n}} has ${p.m}·${p.n} = ${v} edges.`);
    return answer.int(d.int('the total', () => kn + kmn, (v) => `Together ${kmn} + ${kn} = ${v}.`));
  },
});

const treeLeaves = defineFamily<{ three: number; four: number; ask: 'leaves' | 'edges' }>({
  name: 'tree-leaves',
  domain: DOMAIN,
  subtopic: 'graph_theory',
  intent: 'count the leaves or edges of a tree from its internal degrees',
  knowledge: 'a tree with V vertices has V - 1 edges, and the handshake lemma',
  slots: { three: nat, four: nat, ask: word(['leaves', 'edges']) },
  templates: [
    { text: 'A tree has exactly {three} vertices of degree 3, exactly {four} vertices of degree 4, and every other vertex is a leaf. How many leaves does it have?', when: { ask: 'leaves' } },
    { text: 'A tree has {three} vertices of degree 3 and {four} of degree 4; all remaining vertices have degree 1. How many edges does the tree have?', when: { ask: 'edges' } },
  ],
  levels: [2, 3],
  sample: (rng, level) => ({ three: rng.int(1, 15), four: rng.int(1, 15), ask: level === 2 ? 'leaves' : 'edges' }),
  difficulty: (p) => (p.ask === 'leaves' ? 2 : 3),
  derive(p, d) {
    d.note('With L leaves, V = L + internal vertices and E = V - 1; the degrees add up to 2E.');
    const leaves = d.int('the number of leaves', () => 2 + p.three + 2 * p.four, (v) => `Solving L + 3·${p.three} + 4·${p.four} = 2(L + ${p.three + p.four} - 1) gives L = ${v}.`, { min: 2 });
    if (p.ask === 'leaves') return answer.int(leaves);
    return answer.int(d.int('the number of edges', () => leaves + p.three + p.four - 1, (v) => `So V = ${leaves + p.three + p.four} and E = ${v}.`));
  },
});

const eulerFormula = defineFamily<{ v: number; e: number }>({
  name: 'planar-faces',
  domain: DOMAIN,
  subtopic: 'graph_theory',
  intent: 'count the faces of a connected planar graph',
  knowledge: "Euler's formula V - E + F = 2",
  slots: { v: nat, e: nat },
  templates: ['A connected planar graph has {v} vertices and {e} edges. How many faces does a planar drawing of it have, counting the outer face?', 'A convex polyhedron has {v} vertices and {e} edges. How many faces does it have?', 'A map drawn in the plane has {v} points and {e} borders joining them, all connected. Including the outside, how many regions are there?'],
  levels: [3],
  sample(rng) {
    const v = rng.int(5, 40);
    return { v, e: rng.int(v, 3 * v - 6) };
  },
  difficulty: () => 3,
  valid: (p) => p.e >= p.v - 1 && p.e <= 3 * p.v - 6,
  derive(p, d) {
    return answer.int(d.int('the number of faces', () => 2 - p.v + p.e, (v) => `By Euler's formula F = 2 - V + E = 2 - ${p.v} + ${p.e} = ${v}.`, { min: 1 }));
  },
});

const spanningTrees = defineFamily<{ m: number; n: number; kind: 'complete' | 'bipartite' }>({
  name: 'spanning-tree-count',
  domain: DOMAIN,
  subtopic: 'graph_theory',
  intent: 'count the spanning trees of a complete graph',
  knowledge: "Cayley's formula and its bipartite version",
  slots: { m: nat, n: nat, kind: word(['complete', 'bipartite']) },
  defaults: { m: 0 },
  templates: [
    { text: 'How many spanning trees does the complete graph K_{n} have?', when: { kind: 'complete' } },
    { text: 'How many labelled trees are there on {n} vertices?', when: { kind: 'complete' } },
    { text: 'In how many ways can {n} labelled towns be joined by roads so that there is exactly one route between any two?', when: { kind: 'complete' } },
    { text: 'How many spanning trees does the complete bipartite graph K_{{m},{n}} have?', when: { kind: 'bipartite' } },
  ],
  levels: [4, 5],
  sample: (rng, level) => ({ m: level === 4 ? 0 : rng.int(2, 5), n: rng.int(3, 8), kind: level === 4 ? 'complete' : 'bipartite' }),
  difficulty: (p) => (p.kind === 'complete' ? 4 : 5),
  valid: (p) => p.n >= 2 && p.n <= 12,
  derive(p, d) {
    if (p.kind === 'complete') return answer.int(d.int("Cayley's count", () => p.n ** (p.n - 2), (v) => `By Cayley's formula, ${p.n}^(${p.n} - 2) = ${v}.`));
    const a = d.int(`${p.m}^${p.n - 1}`, () => p.m ** (p.n - 1), (v) => `K_{m,n} has m^(n-1)·n^(m-1) spanning trees; ${p.m}^${p.n - 1} = ${v}.`);
    const b = d.int(`${p.n}^${p.m - 1}`, () => p.n ** (p.m - 1), (v) => `${p.n}^${p.m - 1} = ${v}.`);
    return answer.int(d.int('the count', () => a * b, (v) => `So there are ${a}·${b} = ${v}.`));
  },
});

const binomialValue = defineFamily<{ n: number; k: number }>({
  name: 'binomial-coefficient-value',
  domain: DOMAIN,
  subtopic: 'combinatorial_identities',
  intent: 'evaluate a binomial coefficient',
  knowledge: 'C(n, k) = n!/(k!(n - k)!)',
  slots: { n: nat, k: nat },
  templates: ['Compute C({n}, {k}).', 'What is the binomial coefficient {n} choose {k}?', 'Evaluate the number of {k}-element subsets of a {n}-element set.', 'In how many ways can a committee of {k} be chosen from {n} people?'],
  levels: [1],
  sample(rng) {
    const n = rng.int(6, 25);
    return { n, k: rng.int(2, Math.min(6, n - 2)) };
  },
  difficulty: () => 1,
  valid: (p) => p.k <= p.n && p.n <= 60,
  derive(p, d) {
    let acc = Fraction.of(1);
    for (let i = 1; i <= p.k; i++) acc = d.num('the running value', () => acc.mul(p.n - p.k + i).div(i), (v) => `Multiply by ${p.n - p.k + i}/${i}: ${String(v)}.`);
    return answer.frac(acc);
  },
});

const rowSums = defineFamily<{ n: number; weight: 'plain' | 'k' | 'k squared' }>({
  name: 'weighted-binomial-sum',
  domain: DOMAIN,
  subtopic: 'combinatorial_identities',
  intent: 'evaluate a weighted sum of binomial coefficients',
  knowledge: 'differentiating (1 + x)^n',
  slots: { n: nat, weight: word(['plain', 'k', 'k squared']) },
  templates: [
    { text: 'Evaluate C({n}, 0) + C({n}, 1) + … + C({n}, {n}).', when: { weight: 'plain' } },
    { text: 'Evaluate the sum of k·C({n}, k) for k = 0 to {n}.', when: { weight: 'k' } },
    { text: 'How many subsets does a {n}-element set have?', when: { weight: 'plain' } },
    { text: 'Summed over all subsets of a {n}-element set, what is the total number of elements?', when: { weight: 'k' } },
    { text: 'Evaluate the sum of k^2·C({n}, k) for k = 0 to {n}.', when: { weight: 'k squared' } },
  ],
  levels: [2, 3, 5],
  sample: (rng, level) => ({ n: rng.int(4, 20), weight: level === 2 ? 'plain' : level === 3 ? 'k' : 'k squared' }),
  difficulty: (p) => (p.weight === 'plain' ? 2 : p.weight === 'k' ? 3 : 5),
  valid: (p) => p.n >= 2 && p.n <= 40,
  derive(p, d) {
    if (p.weight === 'plain') return answer.int(d.int('the row sum', () => 2 ** p.n, (v) => `The row of Pascal's triangle sums to 2^${p.n} = ${v}.`));
    const power = d.int(`2^${p.n - (p.weight === 'k' ? 1 : 2)}`, () => 2 ** (p.n - (p.weight === 'k' ? 1 : 2)), (v) => `2^${p.n - (p.weight === 'k' ? 1 : 2)} = ${v}.`, { exact: true });
    if (p.weight === 'k') return answer.int(d.int('the sum', () => p.n * power, (v) => `Σ k·C(n, k) = n·2^(n-1) = ${p.n}·${power} = ${v}.`));
    const factor = d.int('n(n + 1)', () => p.n * (p.n + 1), (v) => `Σ k^2·C(n, k) = n(n + 1)·2^(n-2), and n(n + 1) = ${v}.`);
    return answer.int(d.int('the sum', () => factor * power, (v) => `So the sum is ${factor}·${power} = ${v}.`));
  },
});

const hockeyStick = defineFamily<{ r: number; n: number }>({
  name: 'hockey-stick-identity',
  domain: DOMAIN,
  subtopic: 'combinatorial_identities',
  intent: 'sum a diagonal of Pascal’s triangle',
  knowledge: 'the hockey-stick identity',
  slots: { r: nat, n: nat },
  templates: ['Compute C({r}, {r}) + C({r} + 1, {r}) + … + C({n}, {r}).', 'Find the sum of C(k, {r}) for k = {r} to {n}.', 'Evaluate Σ_(k={r})^({n}) C(k, {r}).'],
  levels: [3],
  sample(rng) {
    const r = rng.int(1, 5);
    return { r, n: r + rng.int(3, 15) };
  },
  difficulty: () => 3,
  valid: (p) => p.n >= p.r && p.n <= 40,
  derive(p, d) {
    d.note(`By the hockey-stick identity the sum equals C(${p.n + 1}, ${p.r + 1}).`);
    return answer.int(d.int('the sum', () => binomial(p.n + 1, p.r + 1), (v) => `C(${p.n + 1}, ${p.r + 1}) = ${v}.`));
  },
});

const vandermonde = defineFamily<{ m: number; n: number; r: number }>({
  name: 'vandermonde-identity',
  domain: DOMAIN,
  subtopic: 'combinatorial_identities',
  intent: 'evaluate a convolution of binomial coefficients',
  knowledge: "Vandermonde's identity",
  slots: { m: nat, n: nat, r: nat },
  templates: ['Evaluate the sum over k of C({m}, k)·C({n}, {r} - k).', 'Compute Σ_k C({m}, k)·C({n}, {r} - k), summing over all k.', 'A club has {m} women and {n} men. Summing over every possible number k of women, how many committees of {r} people are there in total? Equivalently, evaluate Σ_k C({m}, k)·C({n}, {r} - k).'],
  levels: [4],
  sample(rng) {
    const [m, n] = [rng.int(3, 12), rng.int(3, 12)];
    return { m, n, r: rng.int(2, Math.min(8, m + n - 1)) };
  },
  difficulty: () => 4,
  valid: (p) => p.r <= p.m + p.n,
  derive(p, d) {
    const total = d.int('m + n', () => p.m + p.n, (v) => `Choosing ${p.r} from ${p.m} + ${p.n} = ${v} objects by how many come from the first group gives Vandermonde's identity.`, { exact: true });
    return answer.int(d.int('the sum', () => binomial(total, p.r), (v) => `The sum is C(${total}, ${p.r}) = ${v}.`));
  },
});

const starsAndBars = defineFamily<{ n: number; k: number; lower: 'nonnegative' | 'positive' | 'at least two' }>({
  name: 'stars-and-bars',
  domain: DOMAIN,
  subtopic: 'combinatorial_identities',
  intent: 'count integer solutions of an equation',
  knowledge: 'stars and bars',
  slots: { n: nat, k: nat, lower: word(['nonnegative', 'positive', 'at least two']) },
  templates: [
    { text: 'How many solutions does x_1 + x_2 + … + x_{k} = {n} have in {lower} integers?', when: { lower: 'nonnegative' } },
    { text: 'How many solutions does x_1 + x_2 + … + x_{k} = {n} have in {lower} integers?', when: { lower: 'positive' } },
    { text: 'In how many ways can {n} identical candies be given to {k} children (some may get none)? Count solutions in {lower} integers.', when: { lower: 'nonnegative' } },
    { text: 'In how many ways can {n} identical coins be split among {k} people so that each person gets at least one? Count {lower} integer solutions.', when: { lower: 'positive' } },
    { text: 'Count the solutions of x_1 + … + x_{k} = {n} where every x_i is an integer that is {lower}.', when: { lower: 'at least two' } },
  ],
  levels: [2, 3, 4],
  sample(rng, level) {
    const k = rng.int(3, 6);
    return { n: rng.int(2 * k, 30), k, lower: level === 2 ? 'nonnegative' : level === 3 ? 'positive' : 'at least two' };
  },
  difficulty: (p) => (p.lower === 'nonnegative' ? 2 : p.lower === 'positive' ? 3 : 4),
  valid: (p) => p.k >= 2 && p.n >= 2 * p.k,
  derive(p, d) {
    const shift = p.lower === 'nonnegative' ? 0 : p.lower === 'positive' ? 1 : 2;
    const free = d.int('the amount left to distribute', () => p.n - shift * p.k, (v) => (shift === 0 ? `Distribute ${v} identical units among ${p.k} variables.` : `Give each variable ${shift} first, leaving ${v} to distribute.`), { min: 0 });
    return answer.int(d.int('the count', () => binomial(free + p.k - 1, p.k - 1), (v) => `Stars and bars: C(${free} + ${p.k - 1}, ${p.k - 1}) = ${v}.`));
  },
});

export function discreteGraphIdentityFamilies(): RealisticFamily[] {
  return [handshake, completeGraphs, treeLeaves, eulerFormula, spanningTrees, binomialValue, rowSums, hockeyStick, vandermonde, starsAndBars];
}
