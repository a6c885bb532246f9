import { Fraction } from '../problems/fraction.js';
import { isPerfectSquare } from '../problems/integer-math.js';
import { TRIPLES } from '../problems/pythagorean-triples.js';
import { answer } from './answer-latex.js';
import { defineFamily } from './define-family.js';
import type { RealisticFamily } from './family-types.js';
import { intChoice, nat, word } from './slot-kinds.js';

const DOMAIN = 'geometry';

/** Integer-sided triangles with integer area and sides up to 40, as [a, b, c, area] with a ≤ b ≤ c. */
let heronian: [number, number, number, number][] | undefined;
function heronianTriangles(): [number, number, number, number][] {
  if (heronian) return heronian;
  heronian = [];
  for (let a = 3; a <= 40; a++) {
    for (let b = a; b <= 40; b++) {
      for (let c = b; c < a + b && c <= 40; c++) {
        const p16 = (a + b + c) * (-a + b + c) * (a - b + c) * (a + b - c);
        const k4 = Math.round(Math.sqrt(p16));
        if (k4 * k4 === p16 && k4 % 4 === 0) heronian.push([a, b, c, k4 / 4]);
      }
    }
  }
  return heronian;
}

function isHeronian(a: number, b: number, c: number): boolean {
  return heronianTriangles().some(([x, y, z]) => x === a && y === b && z === c);
}

const thirdAngle = defineFamily<{ a: number; b: number }>({
  name: 'triangle-third-angle',
  domain: DOMAIN,
  subtopic: 'triangles',
  intent: 'find the third angle of a triangle',
  knowledge: 'the angles of a triangle add up to 180°',
  slots: { a: nat, b: nat },
  templates: ['Two angles of a triangle measure {a}° and {b}°. What is the measure of the third angle, in degrees?', 'In triangle ABC, angle A = {a}° and angle B = {b}°. Find angle C in degrees.', 'A triangle has interior angles of {a} degrees and {b} degrees. How many degrees is its remaining angle?'],
  levels: [1],
  sample(rng) {
    const a = rng.int(20, 110);
    return { a, b: rng.int(10, 170 - a - 5) };
  },
  difficulty: () => 1,
  valid: (p) => p.a + p.b < 180,
  derive(p, d) {
    const sum = d.int('the sum of the two angles', () => p.a + p.b, (v) => `The two given angles add up to ${v}°.`);
    return answer.int(d.int('the third angle', () => 180 - sum, (v) => `So the third angle is 180° - ${sum}° = ${v}°.`, { min: 1 }));
  },
});

const rightTriangle = defineFamily<{ a: number; b: number; ask: 'hypotenuse' | 'leg' }>({
  name: 'right-triangle-side',
  domain: DOMAIN,
  subtopic: 'triangles',
  intent: 'find a missing side of a right triangle',
  knowledge: 'the Pythagorean theorem',
  slots: { a: nat, b: nat, ask: word(['hypotenuse', 'leg']) },
  templates: [
    { text: 'A right triangle has legs of length {a} and {b}. How long is its hypotenuse?', when: { ask: 'hypotenuse' } },
    { text: 'The legs of a right triangle are {a} and {b}. Find the length of the hypotenuse.', when: { ask: 'hypotenuse' } },
    { text: 'A right triangle has hypotenuse {a} and one leg {b}. Find the other leg in simplest radical form.', when: { ask: 'leg' } },
  ],
  levels: [1, 2],
  sample(rng, level) {
    if (level === 1) {
      const [x, y] = rng.pick(TRIPLES);
      const k = rng.int(1, 4);
      return { a: x * k, b: y * k, ask: 'hypotenuse' };
    }
    const a = rng.int(5, 30);
    return { a, b: rng.int(2, a - 1), ask: 'leg' };
  },
  difficulty: (p) => (p.ask === 'hypotenuse' ? 1 : 2),
  valid: (p) => (p.ask === 'hypotenuse' ? isPerfectSquare(p.a * p.a + p.b * p.b) : p.a > p.b),
  derive(p, d) {
    if (p.ask === 'hypotenuse') {
      const sq = d.int('the sum of the squares of the legs', () => p.a * p.a + p.b * p.b, (v) => `c^2 = ${p.a}^2 + ${p.b}^2 = ${p.a * p.a} + ${p.b * p.b} = ${v}.`);
      const root = Math.round(Math.sqrt(sq));
      if (root * root !== sq) return answer.radical(1, sq);
      return answer.int(d.int('the hypotenuse', () => root, (v) => `So c = √${sq} = ${v}.`, { exact: true }));
    }
    const sq = d.int('the square of the other leg', () => p.a * p.a - p.b * p.b, (v) => `b^2 = ${p.a}^2 - ${p.b}^2 = ${v}.`, { min: 1 });
    return answer.radical(1, sq);
  },
});

const heronArea = defineFamily<{ a: number; b: number; c: number }>({
  name: 'heron-area',
  domain: DOMAIN,
  subtopic: 'triangles',
  intent: 'find the area of a triangle from its three sides',
  knowledge: "Heron's formula",
  slots: { a: nat, b: nat, c: nat },
  templates: ['A triangle has sides of length {a}, {b} and {c}. What is its area?', 'Find the area of the triangle whose side lengths are {a}, {b} and {c}.', 'What is the area of a triangle with side lengths {a}, {b}, and {c}?', 'A triangular plot of land has sides {a} m, {b} m and {c} m. Find its area in square metres.'],
  levels: [3],
  sample(rng) {
    const [a, b, c] = rng.pick(heronianTriangles());
    return { a, b, c };
  },
  difficulty: () => 3,
  valid: (p) => p.a <= p.b && p.b <= p.c && isHeronian(p.a, p.b, p.c),
  derive(p, d) {
    const s = d.num('the semiperimeter', () => Fraction.of(p.a + p.b + p.c, 2), (v) => `The semiperimeter is s = (${p.a} + ${p.b} + ${p.c})/2 = ${String(v)}.`);
    const product = d.num('the product under the root', () => s.mul(s.sub(p.a)).mul(s.sub(p.b)).mul(s.sub(p.c)), (v) => `s(s - a)(s - b)(s - c) = ${String(s)}·${String(s.sub(p.a))}·${String(s.sub(p.b))}·${String(s.sub(p.c))} = ${String(v)}.`, { min: 1 });
    if (!product.isInteger()) throw new RangeError('Heron product must be an integer here');
    return answer.radical(1, product.num);
  },
});

const angleBisector = defineFamily<{ a: number; b: number; c: number }>({
  name: 'angle-bisector-segment',
  domain: DOMAIN,
  subtopic: 'triangles',
  intent: 'find a segment cut off by an angle bisector',
  knowledge: 'the angle bisector theorem',
  slots: { a: nat, b: nat, c: nat },
  templates: ['In triangle ABC, AB = {c}, AC = {b} and BC = {a}. The bisector of angle A meets BC at D. Find BD.', 'Triangle ABC has AB = {c}, AC = {b}, BC = {a}. If AD bisects angle A with D on BC, how long is BD?', 'In triangle ABC with AB = {c}, AC = {b} and BC = {a}, the angle bisector from A cuts BC at D. What is the length BD?'],
  levels: [2],
  sample(rng) {
    for (;;) {
      const [b, c] = [rng.int(3, 20), rng.int(3, 20)];
      const a = rng.int(Math.abs(b - c) + 1, b + c - 1);
      if (a >= 2) return { a, b, c };
    }
  },
  difficulty: () => 2,
  valid: (p) => p.a < p.b + p.c && p.b < p.a + p.c && p.c < p.a + p.b,
  derive(p, d) {
    d.note(`By the angle bisector theorem, BD/DC = AB/AC = ${p.c}/${p.b}.`);
    const parts = d.int('the total number of parts', () => p.b + p.c, (v) => `So BC splits into ${v} equal parts.`);
    return answer.frac(d.num('BD', () => Fraction.of(p.a * p.c, parts), (v) => `BD = ${p.a}·${p.c}/${parts} = ${String(v)}.`));
  },
});

const circumradius = defineFamily<{ a: number; b: number; c: number }>({
  name: 'circumradius',
  domain: DOMAIN,
  subtopic: 'triangles',
  intent: 'find the circumradius of a triangle from its sides',
  knowledge: "R = abc/(4K) with the area K from Heron's formula",
  slots: { a: nat, b: nat, c: nat },
  templates: ['A triangle has side lengths {a}, {b} and {c}. Find the radius of its circumscribed circle.', 'What is the circumradius of the triangle with sides {a}, {b}, {c}?', 'A circle passes through the three vertices of a triangle with sides {a}, {b} and {c}. Find its radius.'],
  levels: [4],
  sample(rng) {
    const [a, b, c] = rng.pick(heronianTriangles());
    return { a, b, c };
  },
  difficulty: () => 4,
  valid: (p) => p.a <= p.b && p.b <= p.c && isHeronian(p.a, p.b, p.c),
  derive(p, d) {
    const s = d.num('the semiperimeter', () => Fraction.of(p.a + p.b + p.c, 2), (v) => `s = ${String(v)}.`);
    const k2 = d.num('the squared area', () => s.mul(s.sub(p.a)).mul(s.sub(p.b)).mul(s.sub(p.c)), (v) => `By Heron, K^2 = ${String(v)}.`, { min: 1 });
    const root = Math.round(Math.sqrt(k2.toNumber()));
    if (!k2.isInteger() || root * root !== k2.num) throw new RangeError('the area must be an integer here');
    const area = d.int('the area', () => root, (v) => `So K = ${v}.`, { exact: true });
    return answer.frac(d.num('the circumradius', () => Fraction.of(p.a * p.b * p.c, 4 * area), (v) => `R = abc/(4K) = ${p.a * p.b * p.c}/${4 * area} = ${String(v)}.`));
  },
});

const cosineLaw = defineFamily<{ a: number; b: number; angle: number; c: number; ask: 'side' | 'median' }>({
  name: 'law-of-cosines-and-medians',
  domain: DOMAIN,
  subtopic: 'triangles',
  intent: 'find a side or a median length of a triangle',
  knowledge: "the law of cosines and Apollonius's theorem",
  slots: { a: nat, b: nat, angle: intChoice([60, 120]), c: nat, ask: word(['side', 'median']) },
  defaults: { angle: 60, c: 0 },
  templates: [
    { text: 'Two sides of a triangle have lengths {a} and {b}, and the angle between them is {angle}°. Find the third side in simplest radical form.', when: { ask: 'side' } },
    { text: 'Triangle ABC has AB = {a}, AC = {b} and angle A = {angle}°. What is BC?', when: { ask: 'side' } },
    { text: 'Triangle ABC has AB = {a}, AC = {b} and BC = {c}. Find the length of the median from A to BC.', when: { ask: 'median' } },
  ],
  levels: [4, 5],
  sample(rng, level) {
    const [a, b] = [rng.int(2, 15), rng.int(2, 15)];
    if (level === 4) return { a, b, angle: rng.pick([60, 120]), c: 0, ask: 'side' };
    return { a, b, angle: 60, c: rng.int(Math.abs(a - b) + 1, a + b - 1), ask: 'median' };
  },
  difficulty: (p) => (p.ask === 'side' ? 4 : 5),
  valid: (p) => p.ask === 'side' || (p.c > Math.abs(p.a - p.b) && p.c < p.a + p.b),
  derive(p, d) {
    if (p.ask === 'side') {
      const cross = d.int('the cosine term', () => (p.angle === 60 ? -1 : 1) * p.a * p.b, (v) => `cos ${p.angle}° = ${p.angle === 60 ? '1/2' : '-1/2'}, so -2ab·cos C = ${v}.`);
      const sq = d.int('the square of the third side', () => p.a * p.a + p.b * p.b + cross, (v) => `c^2 = ${p.a * p.a} + ${p.b * p.b} + ${cross < 0 ? `(${cross})` : cross} = ${v}.`, { min: 1 });
      return answer.radical(1, sq);
    }
    const inside = d.int("Apollonius's expression", () => 2 * p.a * p.a + 2 * p.b * p.b - p.c * p.c, (v) => `By Apollonius, m^2 = (2·${p.a}^2 + 2·${p.b}^2 - ${p.c}^2)/4 = ${v}/4.`, { min: 1 });
    return answer.radical(Fraction.of(1, 2), inside);
  },
});

const circleMeasure = defineFamily<{ r: number; given: 'radius' | 'diameter'; ask: 'area' | 'circumference' }>({
  name: 'circle-area-circumference',
  domain: DOMAIN,
  subtopic: 'circles',
  intent: 'compute the area or circumference of a circle',
  knowledge: 'A = πr² and C = 2πr',
  slots: { r: nat, given: word(['radius', 'diameter']), ask: word(['area', 'circumference']) },
  templates: ['A circle has {given} {r}. What is its {ask}? Express your answer in terms of π.', 'Find the {ask} of a circle whose {given} is {r}, in terms of π.'],
  levels: [1],
  sample: (rng) => ({ r: rng.int(1, 30), given: rng.pick(['radius', 'diameter'] as const), ask: rng.pick(['area', 'circumference'] as const) }),
  difficulty: () => 1,
  derive(p, d) {
    const radius = p.given === 'radius' ? Fraction.of(p.r) : d.num('the radius', () => Fraction.of(p.r, 2), (v) => `The radius is half the diameter: ${String(v)}.`);
    if (p.ask === 'area') return answer.pi(d.num('the area over π', () => radius.mul(radius), (v) => `A = πr^2 = ${String(v)}π.`));
    return answer.pi(d.num('the circumference over π', () => radius.mul(2), (v) => `C = 2πr = ${String(v)}π.`));
  },
});

const sector = defineFamily<{ r: number; angle: number; ask: 'area' | 'arc' }>({
  name: 'sector-area-arc-length',
  domain: DOMAIN,
  subtopic: 'circles',
  intent: 'find the area of a sector or the length of an arc',
  knowledge: 'a sector is the fraction angle/360 of the circle',
  slots: { r: nat, angle: nat, ask: word(['area', 'arc']) },
  templates: [
    { text: 'A sector of a circle of radius {r} has central angle {angle}°. Find its area in terms of π.', when: { ask: 'area' } },
    { text: 'What is the length of an arc of a circle with radius {r} subtending a central angle of {angle}°? Answer in terms of π.', when: { ask: 'arc' } },
    { text: 'A pizza of radius {r} is cut into a slice with a {angle}° angle. What is the area of the slice?', when: { ask: 'area' } },
    { text: 'Find the arc length cut off by a central angle of {angle}° in a circle of radius {r}.', when: { ask: 'arc' } },
  ],
  levels: [2],
  sample: (rng) => ({ r: rng.int(2, 24), angle: rng.pick([20, 30, 40, 45, 60, 72, 80, 90, 120, 135, 150, 210, 240, 270, 300]), ask: rng.pick(['area', 'arc'] as const) }),
  difficulty: () => 2,
  valid: (p) => p.angle > 0 && p.angle < 360,
  derive(p, d) {
    const part = d.num('the fraction of the circle', () => Fraction.of(p.angle, 360), (v) => `The sector is ${p.angle}/360 = ${String(v)} of the circle.`);
    if (p.ask === 'area') return answer.pi(d.num('the sector area over π', () => part.mul(p.r * p.r), (v) => `Its area is ${String(part)}·${p.r * p.r}π = ${String(v)}π.`));
    return answer.pi(d.num('the arc length over π', () => part.mul(2 * p.r), (v) => `The arc is ${String(part)}·${2 * p.r}π = ${String(v)}π.`));
  },
});

const chord = defineFamily<{ r: number; dist: number }>({
  name: 'chord-length',
  domain: DOMAIN,
  subtopic: 'circles',
  intent: 'find the length of a chord from its distance to the centre',
  knowledge: 'the perpendicular from the centre bisects a chord',
  slots: { r: nat, dist: nat },
  templates: ['A chord of a circle of radius {r} is at distance {dist} from the centre. How long is the chord?', 'In a circle of radius {r}, a chord lies {dist} units from the centre. Find its length.', 'The perpendicular distance from the centre of a circle of radius {r} to a chord is {dist}. What is the length of the chord?'],
  levels: [3],
  sample(rng) {
    const r = rng.int(3, 25);
    return { r, dist: rng.int(1, r - 1) };
  },
  difficulty: () => 3,
  valid: (p) => p.dist < p.r,
  derive(p, d) {
    const half = d.int('the square of half the chord', () => p.r * p.r - p.dist * p.dist, (v) => `Half the chord satisfies h^2 = ${p.r}^2 - ${p.dist}^2 = ${v}.`, { min: 1 });
    return answer.radical(2, half);
  },
});

const powerOfPoint = defineFamily<{ ae: number; eb: number; ce: number; outside: number; shape: 'chords' | 'tangent' }>({
  name: 'power-of-a-point',
  domain: DOMAIN,
  subtopic: 'circles',
  intent: 'find a length with the power of a point',
  knowledge: 'intersecting chords and the tangent–secant theorem',
  slots: { ae: nat, eb: nat, ce: nat, outside: nat, shape: word(['chords', 'tangent']) },
  defaults: { outside: 0, ce: 0 },
  templates: [
    { text: 'Chords AB and CD of a circle meet at E, with AE = {ae}, EB = {eb} and CE = {ce}. Find ED.', when: { shape: 'chords' } },
    { text: 'Two chords AB and CD intersect at a point E inside a circle. If AE = {ae}, EB = {eb} and CE = {ce}, how long is ED?', when: { shape: 'chords' } },
    { text: 'From a point P outside a circle, a secant meets the circle at A and B with PA = {ae} and AB = {eb}. Find the length of a tangent from P to the circle.', when: { shape: 'tangent' } },
  ],
  levels: [3, 4],
  sample: (rng, level) => ({ ae: rng.int(2, 15), eb: rng.int(2, 15), ce: rng.int(2, 15), outside: 0, shape: level === 3 ? 'chords' : 'tangent' }),
  difficulty: (p) => (p.shape === 'chords' ? 3 : 4),
  valid: (p) => p.shape === 'tangent' || p.ce > 0,
  derive(p, d) {
    if (p.shape === 'chords') {
      const power = d.int('the product AE·EB', () => p.ae * p.eb, (v) => `By intersecting chords, AE·EB = CE·ED, and AE·EB = ${v}.`);
      return answer.frac(d.num('ED', () => Fraction.of(power, p.ce), (v) => `So ED = ${power}/${p.ce} = ${String(v)}.`));
    }
    const pb = d.int('PB', () => p.ae + p.eb, (v) => `PB = PA + AB = ${v}.`);
    const square = d.int('the square of the tangent', () => p.ae * pb, (v) => `By the tangent–secant theorem, PT^2 = PA·PB = ${p.ae}·${pb} = ${v}.`, { min: 1 });
    return answer.radical(1, square);
  },
});

const externalTangent = defineFamily<{ r1: number; r2: number; dist: number }>({
  name: 'common-external-tangent',
  domain: DOMAIN,
  subtopic: 'circles',
  intent: 'find the length of a common external tangent of two circles',
  knowledge: 'dropping a perpendicular to form a right triangle between the centres',
  slots: { r1: nat, r2: nat, dist: nat },
  templates: ['Two circles have radii {r1} and {r2}, and their centres are {dist} apart. Find the length of a common external tangent segment between the points of tangency.', 'Circles of radius {r1} and {r2} have centres at distance {dist}. How long is their common external tangent?', 'A belt runs straight between two pulleys of radii {r1} and {r2} whose centres are {dist} apart, touching each on the same side. How long is the straight part between the points of contact?'],
  levels: [5],
  sample(rng) {
    const [r1, r2] = [rng.int(2, 15), rng.int(1, 12)];
    return { r1, r2, dist: r1 + r2 + rng.int(1, 15) };
  },
  difficulty: () => 5,
  valid: (p) => p.dist > p.r1 + p.r2,
  derive(p, d) {
    const diff = d.int('the difference of the radii', () => Math.abs(p.r1 - p.r2), (v) => `Shift one radius: the right triangle has legs L (the tangent) and |r1 - r2| = ${v}, hypotenuse ${p.dist}.`, { min: 0 });
    const square = d.int('the square of the tangent length', () => p.dist * p.dist - diff * diff, (v) => `L^2 = ${p.dist}^2 - ${diff}^2 = ${v}.`, { min: 1 });
    return answer.radical(1, square);
  },
});

export function geometryTriangleCircleFamilies(): RealisticFamily[] {
  return [thirdAngle, rightTriangle, heronArea, angleBisector, circumradius, cosineLaw, circleMeasure, sector, chord, powerOfPoint, externalTangent];
}
