import { Fraction } from '../problems/fraction.js';
import { binomial, isPerfectSquare } from '../problems/integer-math.js';
import { TRIPLES } from '../problems/pythagorean-triples.js';
import { answer } from './answer-latex.js';
import { defineFamily } from './define-family.js';
import type { RealisticFamily } from './family-types.js';
import { int, nat, signed, word } from './slot-kinds.js';
import { par } from './step-format.js';

const DOMAIN = 'geometry';

const angleSum = defineFamily<{ n: number }>({
  name: 'polygon-angle-sum',
  domain: DOMAIN,
  subtopic: 'polygons',
  intent: 'find the sum of the interior angles of a polygon',
  knowledge: 'the interior angles of an n-gon add up to (n - 2)·180°',
  slots: { n: nat },
  templates: ['What is the sum of the interior angles of a convex polygon with {n} sides, in degrees?', 'Find the total of the interior angles of a {n}-sided polygon.', 'The interior angles of a convex {n}-gon add up to how many degrees?'],
  levels: [1],
  sample: (rng) => ({ n: rng.int(5, 30) }),
  difficulty: () => 1,
  valid: (p) => p.n >= 3,
  derive(p, d) {
    const triangles = d.int('the number of triangles', () => p.n - 2, (v) => `Diagonals from one vertex cut it into ${v} triangles.`, { min: 1 });
    return answer.int(d.int('the angle sum', () => triangles * 180, (v) => `So the angles add up to ${triangles}·180° = ${v}°.`));
  },
});

const sidesFromAngle = defineFamily<{ angle: number; kind: 'interior' | 'exterior' }>({
  name: 'regular-polygon-sides',
  domain: DOMAIN,
  subtopic: 'polygons',
  intent: 'find the number of sides of a regular polygon from one angle',
  knowledge: 'the exterior angles of a polygon add up to 360°',
  slots: { angle: nat, kind: word(['interior', 'exterior']) },
  templates: ['Each {kind} angle of a regular polygon measures {angle}°. How many sides does it have?', 'A regular polygon has {kind} angles of {angle}° each. Find the number of its sides.', 'How many sides does a regular polygon have if each of its {kind} angles is {angle} degrees?'],
  levels: [2],
  sample(rng) {
    const n = rng.pick([5, 6, 8, 9, 10, 12, 15, 18, 20, 24, 30, 36, 40, 45, 60]);
    return rng.chance(0.5) ? { angle: 360 / n, kind: 'exterior' } : { angle: 180 - 360 / n, kind: 'interior' };
  },
  difficulty: () => 2,
  valid: (p) => (p.kind === 'exterior' ? p.angle > 0 && 360 % p.angle === 0 : p.angle < 180 && 360 % (180 - p.angle) === 0),
  derive(p, d) {
    const exterior = p.kind === 'exterior' ? p.angle : d.int('the exterior angle', () => 180 - p.angle, (v) => `Each exterior angle is 180° - ${p.angle}° = ${v}°.`, { min: 1 });
    return answer.frac(d.num('the number of sides', () => Fraction.of(360, exterior), (v) => `The exterior angles add to 360°, so n = 360/${exterior} = ${String(v)}.`));
  },
});

const diagonals = defineFamily<{ n: number; ask: 'count' | 'sides' }>({
  name: 'polygon-diagonals',
  domain: DOMAIN,
  subtopic: 'polygons',
  intent: 'count the diagonals of a polygon, or find the polygon from that count',
  knowledge: 'an n-gon has n(n - 3)/2 diagonals',
  slots: { n: nat, ask: word(['count', 'sides']) },
  templates: [
    { text: 'How many diagonals does a convex polygon with {n} sides have?', when: { ask: 'count' } },
    { text: 'Find the number of diagonals of a convex {n}-gon.', when: { ask: 'count' } },
    { text: 'A convex polygon has exactly {n} diagonals. How many sides does it have?', when: { ask: 'sides' } },
  ],
  levels: [2, 3],
  sample(rng, level) {
    const n = rng.int(5, 40);
    return level === 2 ? { n, ask: 'count' } : { n: (n * (n - 3)) / 2, ask: 'sides' };
  },
  difficulty: (p) => (p.ask === 'count' ? 2 : 3),
  valid: (p) => (p.ask === 'count' ? p.n >= 3 : Number.isInteger((3 + Math.sqrt(9 + 8 * p.n)) / 2)),
  derive(p, d) {
    if (p.ask === 'count') {
      const pairs = d.trap({
        label: 'the number of segments joining two vertices that are not sides',
        right: () => (p.n * (p.n - 3)) / 2,
        wrong: () => (p.n * (p.n - 1)) / 2,
        say: (v) => `Each vertex joins to ${p.n - 3} non-adjacent vertices, and each diagonal is counted twice: ${p.n}·${p.n - 3}/2 = ${v}.`,
        sayWrong: (v) => `Each pair of vertices gives a diagonal: ${p.n}·${p.n - 1}/2 = ${v}.`,
      });
      return answer.int(pairs);
    }
    d.note(`Solve n(n - 3)/2 = ${p.n}, that is n^2 - 3n - ${2 * p.n} = 0.`);
    const disc = d.int('the discriminant', () => 9 + 8 * p.n, (v) => `The discriminant is 9 + 8·${p.n} = ${v}.`);
    const root = Math.round(Math.sqrt(disc));
    if (root * root !== disc) throw new RangeError('not a perfect square');
    return answer.frac(d.num('n', () => Fraction.of(3 + root, 2), (v) => `So n = (3 + ${root})/2 = ${String(v)}.`, { min: 3 }));
  },
});

const hexagonArea = defineFamily<{ s: number }>({
  name: 'regular-hexagon-area',
  domain: DOMAIN,
  subtopic: 'polygons',
  intent: 'find the area of a regular hexagon',
  knowledge: 'a regular hexagon is six equilateral triangles',
  slots: { s: nat },
  templates: ['What is the area of a regular hexagon with side length {s}? Give it in simplest radical form.', 'Find the exact area of a regular hexagon whose sides are {s} long.', 'A regular hexagonal tile has sides of length {s}. What is its area?'],
  levels: [3],
  sample: (rng) => ({ s: rng.int(1, 20) }),
  difficulty: () => 3,
  derive(p, d) {
    const square = d.int('the square of the side', () => p.s * p.s, (v) => `Each of the six equilateral triangles has area (√3/4)·${v}.`);
    return answer.radical(d.num('the coefficient of √3', () => Fraction.of(6 * square, 4), (v) => `Six of them give (${String(v)})√3.`), 3);
  },
});

const vertexCounting = defineFamily<{ n: number; ask: 'crossings' | 'triangles' }>({
  name: 'polygon-vertex-counting',
  domain: DOMAIN,
  subtopic: 'polygons',
  intent: 'count configurations formed by the vertices and diagonals of a convex polygon',
  knowledge: 'choosing vertices with binomial coefficients and subtracting unwanted cases',
  slots: { n: nat, ask: word(['crossings', 'triangles']) },
  templates: [
    { text: 'In a convex {n}-gon no three diagonals meet at one interior point. How many points of intersection do the diagonals have inside the polygon?', when: { ask: 'crossings' } },
    { text: 'How many triangles have all three vertices among the vertices of a convex {n}-gon and share no side with it?', when: { ask: 'triangles' } },
  ],
  levels: [4, 5],
  sample: (rng, level) => ({ n: rng.int(7, 20), ask: level === 4 ? 'crossings' : 'triangles' }),
  difficulty: (p) => (p.ask === 'crossings' ? 4 : 5),
  valid: (p) => p.n >= 6 && p.n <= 40,
  derive(p, d) {
    if (p.ask === 'crossings') {
      d.note('Every 4 vertices determine exactly one crossing of the two diagonals of their quadrilateral.');
      return answer.int(d.int(`C(${p.n}, 4)`, () => binomial(p.n, 4), (v) => `So there are C(${p.n}, 4) = ${v} crossings.`));
    }
    const all = d.int('the number of triangles', () => binomial(p.n, 3), (v) => `All triangles: C(${p.n}, 3) = ${v}.`);
    const oneSide = d.int('the triangles with exactly one side of the polygon', () => p.n * (p.n - 4), (v) => `With exactly one polygon side: ${p.n}·(${p.n} - 4) = ${v}.`);
    const twoSides = d.int('the triangles with two sides of the polygon', () => p.n, (v) => `With two polygon sides: ${v}.`);
    return answer.int(d.int('the count', () => all - oneSide - twoSides, (v) => `So ${all} - ${oneSide} - ${twoSides} = ${v}.`, { min: 0 }));
  },
});

const distance = defineFamily<{ x1: number; y1: number; x2: number; y2: number }>({
  name: 'distance-between-points',
  domain: DOMAIN,
  subtopic: 'coordinate_geometry',
  intent: 'find the distance between two points',
  knowledge: 'the distance formula',
  slots: { x1: int, y1: int, x2: int, y2: int },
  templates: ['What is the distance between the points ({x1}, {y1}) and ({x2}, {y2})?', 'Find the length of the segment from ({x1}, {y1}) to ({x2}, {y2}).', 'How far apart are the points ({x1}, {y1}) and ({x2}, {y2}) in the coordinate plane?'],
  levels: [1, 2],
  sample(rng, level) {
    const [x1, y1] = [rng.int(-10, 10), rng.int(-10, 10)];
    if (level === 1) {
      const [a, b] = rng.pick(TRIPLES.slice(0, 6));
      return { x1, y1, x2: x1 + a * (rng.chance(0.5) ? 1 : -1), y2: y1 + b * (rng.chance(0.5) ? 1 : -1) };
    }
    for (;;) {
      const [x2, y2] = [rng.int(-10, 10), rng.int(-10, 10)];
      if (!isPerfectSquare((x2 - x1) ** 2 + (y2 - y1) ** 2)) return { x1, y1, x2, y2 };
    }
  },
  difficulty: (p) => (isPerfectSquare((p.x2 - p.x1) ** 2 + (p.y2 - p.y1) ** 2) ? 1 : 2),
  derive(p, d) {
    const dx = d.int('the horizontal change', () => p.x2 - p.x1, (v) => `Δx = ${p.x2} - ${par(p.x1)} = ${v}.`);
    const dy = d.int('the vertical change', () => p.y2 - p.y1, (v) => `Δy = ${p.y2} - ${par(p.y1)} = ${v}.`);
    const sq = d.int('the squared distance', () => dx * dx + dy * dy, (v) => `d^2 = ${dx * dx} + ${dy * dy} = ${v}.`, { min: 1 });
    return answer.radical(1, sq);
  },
});

const lineThrough = defineFamily<{ x1: number; y1: number; x2: number; y2: number; ask: 'midpoint' | 'line' }>({
  name: 'midpoint-and-line',
  domain: DOMAIN,
  subtopic: 'coordinate_geometry',
  intent: 'find the midpoint of a segment or the line through two points',
  knowledge: 'the midpoint formula and slope-intercept form',
  slots: { x1: int, y1: int, x2: int, y2: int, ask: word(['midpoint', 'line']) },
  templates: [
    { text: 'Find the midpoint of the segment joining ({x1}, {y1}) and ({x2}, {y2}).', when: { ask: 'midpoint' } },
    { text: 'The line through ({x1}, {y1}) and ({x2}, {y2}) is y = mx + b. Find mx + b.', when: { ask: 'line' } },
    { text: 'Write the equation y = mx + b of the line passing through ({x1}, {y1}) and ({x2}, {y2}); give mx + b.', when: { ask: 'line' } },
  ],
  levels: [1, 2],
  sample(rng, level) {
    const [x1, y1] = [rng.int(-10, 10), rng.int(-10, 10)];
    if (level === 1) return { x1, y1, x2: rng.int(-10, 10), y2: rng.int(-10, 10), ask: 'midpoint' };
    const run = rng.nonZero(-4, 4);
    const m = rng.nonZero(-4, 4);
    return { x1, y1, x2: x1 + run, y2: y1 + m * run, ask: 'line' };
  },
  difficulty: (p) => (p.ask === 'midpoint' ? 1 : 2),
  valid: (p) => p.ask === 'midpoint' || (p.x1 !== p.x2 && (p.y2 - p.y1) % (p.x2 - p.x1) === 0),
  derive(p, d) {
    if (p.ask === 'midpoint') {
      const mx = d.num('the x-coordinate of the midpoint', () => Fraction.of(p.x1 + p.x2, 2), (v) => `x = (${p.x1} + ${par(p.x2)})/2 = ${String(v)}.`);
      const my = d.num('the y-coordinate of the midpoint', () => Fraction.of(p.y1 + p.y2, 2), (v) => `y = (${p.y1} + ${par(p.y2)})/2 = ${String(v)}.`);
      return answer.tuple([mx, my]);
    }
    const m = d.int('the slope', () => (p.y2 - p.y1) / (p.x2 - p.x1), (v) => `The slope is (${p.y2} - ${par(p.y1)})/(${p.x2} - ${par(p.x1)}) = ${v}.`);
    const b = d.int('the intercept', () => p.y1 - m * p.x1, (v) => `Then b = ${p.y1} - ${par(m)}·${par(p.x1)} = ${v}.`);
    return answer.poly([b, m]);
  },
});

const pointLine = defineFamily<{ a: number; b: number; c: number; x0: number; y0: number }>({
  name: 'point-to-line-distance',
  domain: DOMAIN,
  subtopic: 'coordinate_geometry',
  intent: 'find the distance from a point to a line',
  knowledge: 'the point-to-line distance formula',
  slots: { a: nat, b: nat, c: signed, x0: int, y0: int },
  templates: ['Find the distance from the point ({x0}, {y0}) to the line {a}x + {b}y {c} = 0.', 'How far is the point ({x0}, {y0}) from the line {a}x + {b}y {c} = 0?', 'What is the shortest distance between ({x0}, {y0}) and the line {a}x + {b}y {c} = 0?'],
  levels: [3],
  sample: (rng) => ({ a: rng.int(1, 8), b: rng.int(1, 8), c: rng.int(-20, 20), x0: rng.int(-8, 8), y0: rng.int(-8, 8) }),
  difficulty: () => 3,
  valid: (p) => p.a > 0 && p.b > 0,
  derive(p, d) {
    const top = d.int('the absolute value in the numerator', () => Math.abs(p.a * p.x0 + p.b * p.y0 + p.c), (v) => `|${p.a}·${par(p.x0)} + ${p.b}·${par(p.y0)} + ${par(p.c)}| = ${v}.`, { min: 0 });
    const norm = d.int('the squared norm', () => p.a * p.a + p.b * p.b, (v) => `a^2 + b^2 = ${v}.`, { min: 1 });
    d.note(`The distance is ${top}/√${norm}.`);
    return answer.radical(Fraction.of(top, norm), norm);
  },
});

const shoelace = defineFamily<{ x1: number; y1: number; x2: number; y2: number; x3: number; y3: number }>({
  name: 'shoelace-triangle-area',
  domain: DOMAIN,
  subtopic: 'coordinate_geometry',
  intent: 'find the area of a triangle from its vertices',
  knowledge: 'the shoelace formula',
  slots: { x1: int, y1: int, x2: int, y2: int, x3: int, y3: int },
  templates: ['Find the area of the triangle with vertices ({x1}, {y1}), ({x2}, {y2}) and ({x3}, {y3}).', 'A triangle has vertices at ({x1}, {y1}), ({x2}, {y2}) and ({x3}, {y3}). What is its area?', 'Points A({x1}, {y1}), B({x2}, {y2}) and C({x3}, {y3}) form a triangle. Compute its area.'],
  levels: [3],
  sample(rng) {
    for (;;) {
      const v = Array.from({ length: 6 }, () => rng.int(-9, 9));
      const [x1 = 0, y1 = 0, x2 = 0, y2 = 0, x3 = 0, y3 = 0] = v;
      if ((x2 - x1) * (y3 - y1) - (x3 - x1) * (y2 - y1) !== 0) return { x1, y1, x2, y2, x3, y3 };
    }
  },
  difficulty: () => 3,
  valid: (p) => (p.x2 - p.x1) * (p.y3 - p.y1) - (p.x3 - p.x1) * (p.y2 - p.y1) !== 0,
  derive(p, d) {
    if (d.path(2) === 1) {
      const sum = d.int('the shoelace sum', () => p.x1 * (p.y2 - p.y3) + p.x2 * (p.y3 - p.y1) + p.x3 * (p.y1 - p.y2), (v) => `Shoelace: x1(y2 - y3) + x2(y3 - y1) + x3(y1 - y2) = ${par(p.x1)}·${par(p.y2 - p.y3)} + ${par(p.x2)}·${par(p.y3 - p.y1)} + ${par(p.x3)}·${par(p.y1 - p.y2)} = ${v}.`, { nonZero: true });
      return answer.frac(d.num('the area', () => Fraction.of(Math.abs(sum), 2), (v) => `The area is |${sum}|/2 = ${String(v)}.`));
    }
    const cross = d.int('the cross product', () => (p.x2 - p.x1) * (p.y3 - p.y1) - (p.x3 - p.x1) * (p.y2 - p.y1), (v) => `(x2 - x1)(y3 - y1) - (x3 - x1)(y2 - y1) = ${p.x2 - p.x1}·${par(p.y3 - p.y1)} - ${par(p.x3 - p.x1)}·${par(p.y2 - p.y1)} = ${v}.`, { nonZero: true });
    return answer.frac(d.num('the area', () => Fraction.of(Math.abs(cross), 2), (v) => `The area is |${cross}|/2 = ${String(v)}.`));
  },
});

const circleEquation = defineFamily<{ h: number; k: number; f: number; ask: 'radius' | 'chord' }>({
  name: 'circle-general-equation',
  domain: DOMAIN,
  subtopic: 'coordinate_geometry',
  intent: 'read the radius of a circle from its general equation, or a chord it cuts on the x-axis',
  knowledge: 'completing the square',
  slots: { h: signed, k: signed, f: signed, ask: word(['radius', 'chord']) },
  templates: [
    { text: 'Find the radius of the circle x^2 + y^2 {h}x {k}y {f} = 0.', when: { ask: 'radius' } },
    { text: 'What is the radius of the circle with equation x^2 + y^2 {h}x {k}y {f} = 0?', when: { ask: 'radius' } },
    { text: 'The circle x^2 + y^2 {h}x {k}y {f} = 0 crosses the x-axis at two points. How far apart are they?', when: { ask: 'chord' } },
  ],
  levels: [4, 5],
  sample(rng, level) {
    for (;;) {
      const [h, k] = [2 * rng.nonZero(-6, 6), 2 * rng.nonZero(-6, 6)];
      const f = rng.int(-40, 40);
      const r2 = (h * h + k * k) / 4 - f;
      if (level === 4 && r2 > 0) return { h, k, f, ask: 'radius' };
      if (level === 5 && h * h / 4 - f > 0) return { h, k, f, ask: 'chord' };
    }
  },
  difficulty: (p) => (p.ask === 'radius' ? 4 : 5),
  valid: (p) => p.h % 2 === 0 && p.k % 2 === 0 && (p.ask === 'radius' ? (p.h * p.h + p.k * p.k) / 4 - p.f > 0 : (p.h * p.h) / 4 - p.f > 0),
  derive(p, d) {
    const cx = d.int('the x-coordinate of the centre', () => -p.h / 2, (v) => `Completing the square, the centre has x = ${v}`);
    if (p.ask === 'radius') {
      const cy = d.int('the y-coordinate of the centre', () => -p.k / 2, (v) => `and y = ${v}.`);
      const r2 = d.int('the squared radius', () => cx * cx + cy * cy - p.f, (v) => `r^2 = ${cx * cx} + ${cy * cy} - ${par(p.f)} = ${v}.`, { min: 1 });
      return answer.radical(1, r2);
    }
    const halfSquare = d.int('the square of half the chord', () => cx * cx - p.f, (v) => `On y = 0: x^2 ${signed.format(p.h)}x ${signed.format(p.f)} = 0, whose roots are ${cx} ± √${v}.`, { min: 1 });
    return answer.radical(2, halfSquare);
  },
});

const boxMeasure = defineFamily<{ l: number; w: number; h: number; ask: 'volume' | 'surface area' | 'space diagonal' }>({
  name: 'rectangular-box',
  domain: DOMAIN,
  subtopic: 'solids',
  intent: 'compute the volume, surface area or space diagonal of a box',
  knowledge: 'formulas for rectangular boxes',
  slots: { l: nat, w: nat, h: nat, ask: word(['volume', 'surface area', 'space diagonal']) },
  templates: ['A rectangular box measures {l} by {w} by {h}. What is its {ask}?', 'Find the {ask} of a rectangular prism with dimensions {l}, {w} and {h}.', 'A shipping crate is {l} by {w} by {h}. What is its {ask}?'],
  levels: [1, 2, 3],
  sample: (rng, level) => ({ l: rng.int(1, 20), w: rng.int(1, 20), h: rng.int(1, 20), ask: level === 1 ? 'volume' : level === 2 ? 'surface area' : 'space diagonal' }),
  difficulty: (p) => (p.ask === 'volume' ? 1 : p.ask === 'surface area' ? 2 : 3),
  derive(p, d) {
    if (p.ask === 'volume') return answer.int(d.int('the volume', () => p.l * p.w * p.h, (v) => `V = ${p.l}·${p.w}·${p.h} = ${v}.`));
    if (p.ask === 'surface area') {
      const faces = d.int('the sum of the three face areas', () => p.l * p.w + p.w * p.h + p.l * p.h, (v) => `The three different faces have areas ${p.l * p.w}, ${p.w * p.h} and ${p.l * p.h}, adding to ${v}.`);
      return answer.int(d.int('the surface area', () => 2 * faces, (v) => `Each face appears twice: 2·${faces} = ${v}.`));
    }
    const sq = d.int('the squared diagonal', () => p.l * p.l + p.w * p.w + p.h * p.h, (v) => `d^2 = ${p.l}^2 + ${p.w}^2 + ${p.h}^2 = ${v}.`, { min: 1 });
    return answer.radical(1, sq);
  },
});

const roundSolid = defineFamily<{ r: number; h: number; solid: 'cylinder' | 'cone' | 'sphere' }>({
  name: 'round-solid-volume',
  domain: DOMAIN,
  subtopic: 'solids',
  intent: 'find the volume of a cylinder, cone or sphere',
  knowledge: 'the volume formulas of round solids',
  slots: { r: nat, h: nat, solid: word(['cylinder', 'cone', 'sphere']) },
  defaults: { h: 0 },
  templates: [
    { text: 'What is the volume of a cylinder with radius {r} and height {h}? Answer in terms of π.', when: { solid: 'cylinder' } },
    { text: 'Find the volume of a cone of radius {r} and height {h}, in terms of π.', when: { solid: 'cone' } },
    { text: 'Find the volume of a sphere of radius {r}, in terms of π.', when: { solid: 'sphere' } },
  ],
  levels: [2],
  sample(rng) {
    const solid = rng.pick(['cylinder', 'cone', 'sphere'] as const);
    return { r: rng.int(1, 15), h: solid === 'sphere' ? 0 : rng.int(1, 20), solid };
  },
  difficulty: () => 2,
  derive(p, d) {
    const square = d.int('the squared radius', () => p.r * p.r, (v) => `r^2 = ${v}.`, { exact: true });
    if (p.solid === 'cylinder') return answer.pi(d.num('the volume over π', () => Fraction.of(square * p.h), (v) => `V = πr^2h = ${String(v)}π.`));
    if (p.solid === 'cone') return answer.pi(d.num('the volume over π', () => Fraction.of(square * p.h, 3), (v) => `V = πr^2h/3 = ${String(v)}π.`));
    return answer.pi(d.num('the volume over π', () => Fraction.of(4 * square * p.r, 3), (v) => `V = 4πr^3/3 = ${String(v)}π.`));
  },
});

const slantCone = defineFamily<{ r: number; l: number }>({
  name: 'cone-from-slant-height',
  domain: DOMAIN,
  subtopic: 'solids',
  intent: 'find the volume of a cone given its slant height',
  knowledge: 'the Pythagorean theorem in the cross-section of a cone',
  slots: { r: nat, l: nat },
  templates: ['A right circular cone has base radius {r} and slant height {l}. Find its volume in terms of π.', 'The slant height of a cone is {l} and its radius is {r}. What is its volume?', 'A paper cone has slant height {l} and base radius {r}. How much does it hold?'],
  levels: [4],
  sample(rng) {
    const [a, , c] = rng.pick(TRIPLES.slice(0, 8));
    const k = rng.int(1, 3);
    return { r: a * k, l: c * k };
  },
  difficulty: () => 4,
  valid: (p) => p.l > p.r && isPerfectSquare(p.l * p.l - p.r * p.r),
  derive(p, d) {
    const h2 = d.int('the squared height', () => p.l * p.l - p.r * p.r, (v) => `h^2 = ${p.l}^2 - ${p.r}^2 = ${v}.`, { min: 1 });
    const h = Math.round(Math.sqrt(h2));
    if (h * h !== h2) throw new RangeError('the height must be whole here');
    d.note(`So h = ${h}.`);
    return answer.pi(d.num('the volume over π', () => Fraction.of(p.r * p.r * h, 3), (v) => `V = π·${p.r}^2·${h}/3 = ${String(v)}π.`));
  },
});

const frustum = defineFamily<{ big: number; small: number; h: number }>({
  name: 'frustum-volume',
  domain: DOMAIN,
  subtopic: 'solids',
  intent: 'find the volume of a frustum of a cone',
  knowledge: 'subtracting similar cones, or the frustum formula',
  slots: { big: nat, small: nat, h: nat },
  templates: ['A frustum of a right circular cone has base radii {big} and {small} and height {h}. Find its volume in terms of π.', 'A cone is cut parallel to its base, leaving a frustum with radii {big} and {small} and height {h}. What is the volume of the frustum?', 'A bucket shaped like a frustum has radii {big} and {small} and depth {h}. What is its volume?'],
  levels: [5],
  sample(rng) {
    const big = rng.int(3, 15);
    return { big, small: rng.int(1, big - 1), h: rng.int(2, 18) };
  },
  difficulty: () => 5,
  valid: (p) => p.big > p.small,
  derive(p, d) {
    const sum = d.int('R^2 + Rr + r^2', () => p.big * p.big + p.big * p.small + p.small * p.small, (v) => [`R^2 + Rr + r^2 = ${p.big * p.big} + ${p.big * p.small} + ${p.small * p.small} = ${v}.`, `The frustum formula needs R^2 + Rr + r^2 = ${v}.`]);
    return answer.pi(d.num('the volume over π', () => Fraction.of(sum * p.h, 3), (v) => `V = πh(R^2 + Rr + r^2)/3 = ${String(v)}π.`));
  },
});

export function geometryPolygonSolidFamilies(): RealisticFamily[] {
  return [angleSum, sidesFromAngle, diagonals, hexagonArea, vertexCounting, distance, lineThrough, pointLine, shoelace, circleEquation, boxMeasure, roundSolid, slantCone, frustum];
}
