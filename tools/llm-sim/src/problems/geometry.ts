import { Fraction } from './fraction.js';
import { exactSqrt } from './integer-math.js';
import { DIVISORS_OF_360, polygonName, polygonSides } from './polygon-names.js';
import { TRIPLES, triple } from './pythagorean-triples.js';
import { defineFamily, formatList, intAt, parseIntList, ProblemParseError, textAt, type ProblemFamily } from './problem-family.js';

const DOMAIN = 'geometry';
const UNITS = ['cm', 'm', 'inches', 'feet', 'units'] as const;
type TriangleKind = 'hyp' | 'leg' | 'area-hyp' | 'third-angle' | 'area-bh';
interface Triangle { kind: TriangleKind; x: number; y: number }

const triangles = defineFamily<Triangle>({
  name: 'triangle',
  domain: DOMAIN,
  subtopic: 'triangles',
  sample(rng) {
    const kind = rng.pick<TriangleKind>(['hyp', 'leg', 'area-hyp', 'third-angle', 'area-bh']);
    if (kind === 'third-angle') {
      const x = rng.int(10, 150);
      return { kind, x, y: rng.int(5, 175 - x) };
    }
    if (kind === 'area-bh') return { kind, x: rng.int(2, 80), y: rng.int(2, 80) };
    const [a, b, c] = triple(rng);
    return kind === 'hyp' ? { kind, x: a, y: b } : { kind, x: c, y: a };
  },
  render({ kind, x, y }, rng) {
    const unit = rng.pick(UNITS);
    switch (kind) {
      case 'hyp':
        return rng.pick([`A right triangle has legs of length ${x} and ${y} ${unit}. How long is its hypotenuse?`, `The legs of a right triangle measure ${x} ${unit} and ${y} ${unit}. Find the length of the hypotenuse.`]);
      case 'leg':
        return rng.pick([`A right triangle has a hypotenuse of ${x} ${unit} and one leg of ${y} ${unit}. What is the length of the other leg?`, `In a right triangle the hypotenuse is ${x} ${unit} and one leg is ${y} ${unit}. Find the other leg.`]);
      case 'area-hyp':
        return `The hypotenuse of a right triangle is ${x} ${unit} long and one of its legs is ${y} ${unit}. What is the area of the triangle?`;
      case 'third-angle':
        return rng.pick([`Two angles of a triangle measure ${x} degrees and ${y} degrees. What is the measure of the third angle, in degrees?`, `In triangle ABC, angle A is ${x} degrees and angle B is ${y} degrees. Find angle C in degrees.`]);
      case 'area-bh':
        return rng.pick([`A triangle has a base of ${x} ${unit} and a height of ${y} ${unit}. What is its area?`, `Find the area of a triangle whose base is ${x} ${unit} and whose height is ${y} ${unit}.`]);
    }
  },
  parse(text) {
    const nums = (re: RegExp): [number, number] | undefined => {
      const m = re.exec(text);
      return m ? [intAt(m, 1), intAt(m, 2)] : undefined;
    };
    const legs = nums(/legs (?:of length|of a right triangle measure) (\d+)(?: \w+)? and (\d+)/);
    if (legs && /hypotenuse/.test(text)) return { kind: 'hyp', x: legs[0], y: legs[1] };
    const hypLeg = nums(/hypotenuse (?:of a right triangle )?(?:of|is) (\d+) \w+(?: long)? and (?:one leg|one of its legs) (?:of|is) (\d+)/);
    if (hypLeg) return { kind: /area/.test(text) ? 'area-hyp' : 'leg', x: hypLeg[0], y: hypLeg[1] };
    const angles = nums(/(?:angles of a triangle measure|angle A is) (\d+) degrees and (?:angle B is )?(\d+) degrees/);
    if (angles) return { kind: 'third-angle', x: angles[0], y: angles[1] };
    const bh = nums(/base (?:of|is) (\d+) \w+ and (?:a|whose) height (?:of|is) (\d+)/);
    if (bh) return { kind: 'area-bh', x: bh[0], y: bh[1] };
    return undefined;
  },
  work({ kind, x, y }) {
    switch (kind) {
      case 'hyp': {
        const c = exactSqrt(x * x + y * y);
        return { answer: `${c}`, steps: [`By the Pythagorean theorem, c^2 = ${x}^2 + ${y}^2 = ${x * x + y * y}.`, `So the hypotenuse is c = ${c}.`] };
      }
      case 'leg':
      case 'area-hyp': {
        const b = exactSqrt(x * x - y * y);
        const steps = [`By the Pythagorean theorem, the other leg satisfies b^2 = ${x}^2 - ${y}^2 = ${x * x - y * y}, so b = ${b}.`];
        if (kind === 'leg') return { answer: `${b}`, steps: [...steps, `The other leg is ${b}.`] };
        const area = Fraction.of(b * y, 2);
        return { answer: area.toString(), steps: [...steps, `The legs are ${y} and ${b}, so the area is ${y} · ${b} / 2 = ${String(area)}.`] };
      }
      case 'third-angle': {
        const c = 180 - x - y;
        if (c <= 0) throw new ProblemParseError('no such triangle');
        return { answer: `${c}`, steps: [`The angles of a triangle add up to 180 degrees.`, `The third angle is 180 - ${x} - ${y} = ${c}.`] };
      }
      case 'area-bh': {
        const area = Fraction.of(x * y, 2);
        return { answer: area.toString(), steps: [`The area of a triangle is base × height / 2.`, `Area = ${x} × ${y} / 2 = ${String(area)}.`] };
      }
    }
  },
});

type CircleKind = 'radius-from-area' | 'diameter-from-circ' | 'circ-from-area' | 'sector' | 'arc' | 'equation';
interface Circle { kind: CircleKind; r: number; angle: number; h: number; k: number }

const PI = 'π';

function signed(value: number, suffix: string): string {
  return value < 0 ? ` - ${-value}${suffix}` : ` + ${value}${suffix}`;
}

const circles = defineFamily<Circle>({
  name: 'circle',
  domain: DOMAIN,
  subtopic: 'circles',
  sample(rng) {
    const kind = rng.pick<CircleKind>(['radius-from-area', 'diameter-from-circ', 'circ-from-area', 'sector', 'arc', 'equation', 'equation']);
    // Kinds whose answer depends on r alone get a wide range of r so that repeats stay rare.
    const r = kind === 'sector' || kind === 'arc' || kind === 'equation' ? rng.int(1, 60) : rng.int(1, 500);
    return { kind, r, angle: 5 * rng.int(1, 71), h: rng.nonZero(-12, 12), k: rng.nonZero(-12, 12) };
  },
  render({ kind, r, angle, h, k }, rng) {
    const unit = rng.pick(UNITS);
    switch (kind) {
      case 'radius-from-area':
        return rng.pick([`A circle has an area of ${r * r}${PI} square ${unit}. What is its radius?`, `The area of a circle is ${r * r}${PI}. Find the radius of the circle.`]);
      case 'diameter-from-circ':
        return rng.pick([`The circumference of a circle is ${2 * r}${PI} ${unit}. What is its diameter?`, `A circle has a circumference of ${2 * r}${PI}. Find its diameter.`]);
      case 'circ-from-area':
        return rng.pick([`A circle has an area of ${r * r}${PI}. Its circumference can be written as k${PI}. What is k?`, `The area of a circle is ${r * r}${PI} square ${unit}. If its circumference is k${PI} ${unit}, what is k?`]);
      case 'sector': return `A sector of a circle with radius ${r} has a central angle of ${angle} degrees. Its area is k${PI}. Find k.`;
      case 'arc':
        return `An arc of a circle with radius ${r} subtends a central angle of ${angle} degrees. Its length is k${PI}. Find k.`;
      case 'equation': {
        const f = h * h + k * k - r * r;
        const lhs = `x^2 + y^2${signed(-2 * h, 'x')}${signed(-2 * k, 'y')}${f === 0 ? '' : signed(f, '')}`;
        return rng.pick([`What is the radius of the circle with equation ${lhs} = 0?`, `Find the radius of the circle ${lhs} = 0.`]);
      }
    }
  },
  parse(text) {
    const base = { r: 0, angle: 0, h: 0, k: 0 };
    const area = /area of (?:a circle is )?(\d+)(?:π|\\pi)/.exec(text) ?? /area of a circle is (\d+)(?:π|\\pi)/.exec(text);
    if (area && /radius/.test(text)) return { ...base, kind: 'radius-from-area', r: exactSqrt(intAt(area, 1)) };
    if (area && /circumference/.test(text)) return { ...base, kind: 'circ-from-area', r: exactSqrt(intAt(area, 1)) };
    const circ = /circumference (?:of a circle is|of) (\d+)(?:π|\\pi)/.exec(text);
    if (circ && /diameter/.test(text)) return { ...base, kind: 'diameter-from-circ', r: intAt(circ, 1) / 2 };
    const sector = /(sector|arc) of a circle with radius (\d+) (?:has|subtends) a central angle of (\d+) degrees/.exec(text);
    if (sector) return { ...base, kind: textAt(sector, 1) === 'arc' ? 'arc' : 'sector', r: intAt(sector, 2), angle: intAt(sector, 3) };
    const eq = /x\^2 \+ y\^2 ([-+ \dxy]*?)\s*= 0/.exec(text);
    if (!eq || !/radius/.test(text)) return undefined;
    let d = 0;
    let e = 0;
    let f = 0;
    for (const m of textAt(eq, 1).replace(/\s+/g, '').matchAll(/([+-])(\d+)([xy]?)/g)) {
      const v = (m[1] === '-' ? -1 : 1) * Number(m[2]);
      if (m[3] === 'x') d += v;
      else if (m[3] === 'y') e += v;
      else f += v;
    }
    if (d % 2 !== 0 || e % 2 !== 0) throw new ProblemParseError('odd linear coefficient');
    const h = -d / 2;
    const k = -e / 2;
    return { ...base, kind: 'equation', r: exactSqrt(h * h + k * k - f), h, k };
  },
  work({ kind, r, angle, h, k }) {
    switch (kind) {
      case 'radius-from-area':
        return { answer: `${r}`, steps: [`The area is ${PI}r^2 = ${r * r}${PI}, so r^2 = ${r * r}.`, `Therefore r = ${r}.`] };
      case 'diameter-from-circ':
        return { answer: `${2 * r}`, steps: [`The circumference is ${PI}d, so ${PI}d = ${2 * r}${PI}.`, `Therefore d = ${2 * r}.`] };
      case 'circ-from-area':
        return { answer: `${2 * r}`, steps: [`From ${PI}r^2 = ${r * r}${PI} we get r = ${r}.`, `The circumference is 2${PI}r = ${2 * r}${PI}, so k = ${2 * r}.`] };
      case 'sector': {
        const value = Fraction.of(r * r * angle, 360);
        return { answer: value.toString(), steps: [`A sector's area is (θ/360)${PI}r^2.`, `(${angle}/360) · ${r * r}${PI} = ${String(value)}${PI}, so k = ${String(value)}.`] };
      }
      case 'arc': {
        const value = Fraction.of(2 * r * angle, 360);
        return { answer: value.toString(), steps: [`An arc's length is (θ/360) · 2${PI}r.`, `(${angle}/360) · ${2 * r}${PI} = ${String(value)}${PI}, so k = ${String(value)}.`] };
      }
      case 'equation':
        return {
          answer: `${r}`,
          steps: [`Complete the square: (x ${h < 0 ? '+' : '-'} ${Math.abs(h)})^2 + (y ${k < 0 ? '+' : '-'} ${Math.abs(k)})^2 = ${r * r}.`, `The radius is the square root of ${r * r}, which is ${r}.`],
        };
    }
  },
});

type PolygonKind = 'interior' | 'sum' | 'diagonals' | 'sides-from-interior' | 'sides-from-exterior' | 'missing';
interface Polygon { kind: PolygonKind; n: number; angles: number[] }

const polygons = defineFamily<Polygon>({
  name: 'polygon-angles',
  domain: DOMAIN,
  subtopic: 'polygons',
  sample(rng) {
    // The other kinds have only a few dozen distinct problems each, so they stay rare.
    const kind = rng.chance(0.95) ? 'missing' : rng.pick<PolygonKind>(['interior', 'sum', 'diagonals', 'sides-from-interior', 'sides-from-exterior']);
    if (kind === 'sides-from-interior' || kind === 'sides-from-exterior') return { kind, n: rng.pick(DIVISORS_OF_360), angles: [] };
    if (kind !== 'missing') return { kind, n: rng.int(3, 40), angles: [] };
    const n = rng.int(4, 10);
    for (;;) {
      const angles = Array.from({ length: n - 1 }, () => rng.int(60, 175));
      const rest = 180 * (n - 2) - angles.reduce((s, a) => s + a, 0);
      if (rest > 0 && rest < 180) return { kind, n, angles };
    }
  },
  render({ kind, n, angles }, rng) {
    const name = polygonName(n);
    switch (kind) {
      case 'interior':
        return rng.pick([`What is the measure, in degrees, of each interior angle of a regular ${name}?`, `Find the measure of one interior angle of a regular ${name}, in degrees.`]);
      case 'sum':
        return rng.pick([`What is the sum of the interior angles of a convex ${name}, in degrees?`, `Find the sum, in degrees, of the interior angles of a convex ${name}.`]);
      case 'diagonals':
        return rng.pick([`How many diagonals does a convex ${name} have?`, `Find the number of diagonals of a convex ${name}.`]);
      case 'sides-from-interior':
        return `Each interior angle of a regular polygon measures ${180 - 360 / n} degrees. How many sides does the polygon have?`;
      case 'sides-from-exterior':
        return `Each exterior angle of a regular polygon measures ${360 / n} degrees. How many sides does the polygon have?`;
      case 'missing':
        return `A convex ${name} has interior angles of ${formatList(angles)} degrees, and one more angle. What is the measure of its remaining interior angle, in degrees?`;
    }
  },
  parse(text) {
    const given = /Each (interior|exterior) angle of a regular polygon measures (\d+) degrees/.exec(text);
    if (given) {
      const angle = intAt(given, 2);
      const exterior = textAt(given, 1) === 'exterior' ? angle : 180 - angle;
      if (exterior <= 0 || 360 % exterior !== 0) throw new ProblemParseError('not a regular polygon angle');
      return { kind: textAt(given, 1) === 'exterior' ? 'sides-from-exterior' : 'sides-from-interior', n: 360 / exterior, angles: [] };
    }
    const n = polygonSides(text);
    if (n === undefined || n < 3) return undefined;
    const missing = /interior angles of ([\d, and]+) degrees/.exec(text);
    if (missing && /remaining/.test(text)) return { kind: 'missing', n, angles: parseIntList(textAt(missing, 1)) };
    if (/each interior angle|one interior angle/.test(text)) return { kind: 'interior', n, angles: [] };
    if (/sum of the interior angles|sum, in degrees, of the interior angles/.test(text)) return { kind: 'sum', n, angles: [] };
    if (/diagonals/.test(text)) return { kind: 'diagonals', n, angles: [] };
    return undefined;
  },
  work({ kind, n, angles }) {
    const total = 180 * (n - 2);
    const sumStep = `The interior angles of an n-gon add up to 180(n - 2) = 180 · ${n - 2} = ${total} degrees.`;
    switch (kind) {
      case 'interior': {
        const each = Fraction.of(total, n);
        return { answer: each.toString(), steps: [sumStep, `A regular polygon's angles are equal, so each is ${total}/${n} = ${String(each)}.`] };
      }
      case 'sum':
        return { answer: `${total}`, steps: [`The sum of interior angles is 180(n - 2) with n = ${n}.`, `180 · ${n - 2} = ${total}.`] };
      case 'diagonals': {
        const d = (n * (n - 3)) / 2;
        return { answer: `${d}`, steps: [`Each vertex connects to n - 3 others by a diagonal, and each diagonal is counted twice.`, `n(n - 3)/2 = ${n} · ${n - 3} / 2 = ${d}.`] };
      }
      case 'sides-from-interior':
      case 'sides-from-exterior':
        return { answer: `${n}`, steps: [`Each exterior angle is ${360 / n} degrees, and the exterior angles add up to 360 degrees.`, `So the number of sides is 360/${360 / n} = ${n}.`] };
      case 'missing': {
        if (angles.length !== n - 1) throw new ProblemParseError('wrong number of angles');
        const known = angles.reduce((s, a) => s + a, 0);
        const rest = total - known;
        return { answer: `${rest}`, steps: [sumStep, `The given angles add up to ${known}.`, `The remaining angle is ${total} - ${known} = ${rest}.`] };
      }
    }
  },
});

type CoordinateKind = 'distance' | 'distance-sq' | 'midpoint-sum' | 'slope' | 'y-intercept';
interface Coordinates { kind: CoordinateKind; x1: number; y1: number; x2: number; y2: number }

const coordinateGeometry = defineFamily<Coordinates>({
  name: 'coordinate-geometry',
  domain: DOMAIN,
  subtopic: 'coordinate_geometry',
  sample(rng) {
    const kind = rng.pick<CoordinateKind>(['distance', 'distance-sq', 'midpoint-sum', 'slope', 'y-intercept']);
    const x1 = rng.int(-15, 15);
    const y1 = rng.int(-15, 15);
    if (kind === 'distance') {
      const [a, b] = rng.pick(TRIPLES.slice(0, 6));
      const k = rng.int(1, 3);
      return { kind, x1, y1, x2: x1 + k * a * (rng.chance(0.5) ? 1 : -1), y2: y1 + k * b * (rng.chance(0.5) ? 1 : -1) };
    }
    return { kind, x1, y1, x2: x1 + rng.nonZero(-12, 12), y2: rng.int(-15, 15) };
  },
  render({ kind, x1, y1, x2, y2 }, rng) {
    const [p, q] = [`(${x1}, ${y1})`, `(${x2}, ${y2})`];
    switch (kind) {
      case 'distance':
        return rng.pick([`What is the distance between the points ${p} and ${q}?`, `Find the distance from A${p} to B${q}.`]);
      case 'distance-sq': return `What is the square of the distance between the points ${p} and ${q}?`;
      case 'midpoint-sum':
        return rng.pick([`What is the sum of the coordinates of the midpoint of the segment joining ${p} and ${q}?`, `The segment from P${p} to Q${q} has midpoint M. What is the sum of the coordinates of M?`]);
      case 'slope':
        return rng.pick([`What is the slope of the line through ${p} and ${q}?`, `Points P${p} and Q${q} lie in the coordinate plane. What is the slope of line PQ?`]);
      case 'y-intercept': return `Find the y-intercept of the line passing through ${p} and ${q}.`;
    }
  },
  parse(text) {
    const points = [...text.matchAll(/\((-?\d+),\s*(-?\d+)\)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    const [p, q] = points;
    if (!p || !q) return undefined;
    const kind: CoordinateKind | undefined = /square of the distance/.test(text) ? 'distance-sq' : /distance/.test(text) ? 'distance'
      : /midpoint/.test(text) ? 'midpoint-sum' : /y-intercept/.test(text) ? 'y-intercept' : /slope/.test(text) ? 'slope' : undefined;
    return kind && { kind, x1: p[0], y1: p[1], x2: q[0], y2: q[1] };
  },
  work({ kind, x1, y1, x2, y2 }) {
    const dx = x2 - x1;
    const dy = y2 - y1;
    const sq = dx * dx + dy * dy;
    const diffs = `The differences are Δx = ${dx} and Δy = ${dy}.`;
    switch (kind) {
      case 'distance': {
        const d = exactSqrt(sq);
        return { answer: `${d}`, steps: [diffs, `The distance is sqrt(${dx}^2 + ${dy}^2) = sqrt(${sq}) = ${d}.`] };
      }
      case 'distance-sq':
        return { answer: `${sq}`, steps: [diffs, `The squared distance is ${dx}^2 + ${dy}^2 = ${sq}.`] };
      case 'midpoint-sum': {
        const mx = Fraction.of(x1 + x2, 2);
        const my = Fraction.of(y1 + y2, 2);
        return { answer: mx.add(my).toString(), steps: [`The midpoint is ((${x1} + ${x2})/2, (${y1} + ${y2})/2) = (${String(mx)}, ${String(my)}).`, `The sum of its coordinates is ${String(mx.add(my))}.`] };
      }
      case 'slope':
      case 'y-intercept': {
        const m = Fraction.of(dy, dx);
        const steps = [diffs, `The slope is Δy/Δx = ${dy}/${dx} = ${String(m)}.`];
        if (kind === 'slope') return { answer: m.toString(), steps };
        const b = Fraction.of(y1).sub(m.mul(x1));
        return { answer: b.toString(), steps: [...steps, `The y-intercept is y1 - m·x1 = ${y1} - (${String(m)})(${x1}) = ${String(b)}.`] };
      }
    }
  },
});

type SolidKind = 'box-volume' | 'box-surface' | 'cube-surface' | 'cylinder-volume' | 'cone-volume' | 'sphere-volume' | 'cylinder-surface';
interface Solid { kind: SolidKind; a: number; b: number; c: number }

const solids = defineFamily<Solid>({
  name: 'solid-measures',
  domain: DOMAIN,
  subtopic: 'solids',
  sample(rng) {
    const kind = rng.pick<SolidKind>(['box-volume', 'box-surface', 'cube-surface', 'cylinder-volume', 'cone-volume', 'sphere-volume', 'cylinder-surface']);
    const a = kind === 'sphere-volume' ? rng.int(1, 200) : kind === 'cube-surface' ? rng.int(2, 100) : rng.int(2, 40);
    return { kind, a, b: rng.int(2, 60), c: kind === 'cube-surface' ? a ** 3 : rng.int(2, 30) };
  },
  render({ kind, a, b, c }, rng) {
    const unit = rng.pick(UNITS);
    const dims = `${a} by ${b} by ${c}`;
    switch (kind) {
      case 'box-volume':
        return rng.pick([`A rectangular box measures ${dims} ${unit}. What is its volume, in cubic ${unit}?`, `What is the volume of a rectangular prism with dimensions ${dims}?`]);
      case 'box-surface':
        return rng.pick([`What is the total surface area of a rectangular prism that measures ${dims} ${unit}?`, `A closed rectangular box measures ${dims}. Find its total surface area.`]);
      case 'cube-surface':
        return rng.pick([`A cube has a volume of ${a ** 3} cubic ${unit}. What is its total surface area, in square ${unit}?`, `The volume of a cube is ${a ** 3} cubic ${unit}. Find its total surface area.`]);
      case 'cylinder-volume':
        return rng.pick([`A cylinder has radius ${a} and height ${b}. Its volume is k${PI}. What is k?`, `The volume of a cylinder with radius ${a} ${unit} and height ${b} ${unit} is k${PI} cubic ${unit}. Find k.`]);
      case 'cone-volume':
        return rng.pick([`A cone has radius ${a} and height ${b}. Its volume can be written as k${PI}. Find k.`, `The volume of a cone with radius ${a} ${unit} and height ${b} ${unit} is k${PI} cubic ${unit}. What is k?`]);
      case 'sphere-volume':
        return rng.pick([`A sphere has radius ${a}. Its volume is k${PI}. Find k.`, `The volume of a sphere with radius ${a} ${unit} is k${PI} cubic ${unit}. What is k?`]);
      case 'cylinder-surface':
        return rng.pick([`A closed cylinder has radius ${a} and height ${b}. Its total surface area is k${PI}. What is k?`, `The total surface area of a closed cylinder with radius ${a} ${unit} and height ${b} ${unit} is k${PI} square ${unit}. Find k.`]);
    }
  },
  parse(text) {
    const box = /(\d+) by (\d+) by (\d+)/.exec(text);
    if (box) return { kind: /surface/.test(text) ? 'box-surface' : 'box-volume', a: intAt(box, 1), b: intAt(box, 2), c: intAt(box, 3) };
    const cube = /cube has a volume of (\d+)|volume of a cube is (\d+)/.exec(text);
    const volume = Number(cube?.[1] ?? cube?.[2]);
    if (cube) return { kind: 'cube-surface', a: Math.round(Math.cbrt(volume)), b: 0, c: volume };
    const round = /(cylinder|cone|sphere) (?:has|with) radius (\d+)(?: (?!and\b)[a-z]+)?(?: and height (\d+))?/.exec(text);
    if (!round) return undefined;
    const shape = textAt(round, 1);
    const kind: SolidKind = shape === 'sphere' ? 'sphere-volume' : shape === 'cone' ? 'cone-volume' : /surface/.test(text) ? 'cylinder-surface' : 'cylinder-volume';
    return { kind, a: intAt(round, 2), b: Number(round[3] ?? 0), c: 0 };
  },
  work({ kind, a, b, c }) {
    switch (kind) {
      case 'box-volume':
        return { answer: `${a * b * c}`, steps: [`The volume of a box is length × width × height.`, `${a} × ${b} × ${c} = ${a * b * c}.`] };
      case 'box-surface': {
        const s = 2 * (a * b + a * c + b * c);
        return { answer: `${s}`, steps: [`The surface area is 2(lw + lh + wh).`, `2(${a * b} + ${a * c} + ${b * c}) = ${s}.`] };
      }
      case 'cube-surface': {
        if (a ** 3 !== c) throw new ProblemParseError('not a perfect cube');
        return { answer: `${6 * a * a}`, steps: [`The side is the cube root of ${c}, which is ${a}.`, `The surface area is 6s^2 = 6 · ${a * a} = ${6 * a * a}.`] };
      }
      case 'cylinder-volume':
        return { answer: `${a * a * b}`, steps: [`V = ${PI}r^2h = ${PI} · ${a * a} · ${b}.`, `So V = ${a * a * b}${PI} and k = ${a * a * b}.`] };
      case 'cone-volume': {
        const k = Fraction.of(a * a * b, 3);
        return { answer: k.toString(), steps: [`V = (1/3)${PI}r^2h = (1/3)${PI} · ${a * a} · ${b}.`, `So k = ${a * a * b}/3 = ${String(k)}.`] };
      }
      case 'sphere-volume': {
        const k = Fraction.of(4 * a ** 3, 3);
        return { answer: k.toString(), steps: [`V = (4/3)${PI}r^3 = (4/3)${PI} · ${a ** 3}.`, `So k = ${4 * a ** 3}/3 = ${String(k)}.`] };
      }
      case 'cylinder-surface': {
        const k = 2 * a * a + 2 * a * b;
        return { answer: `${k}`, steps: [`The total surface area is 2${PI}r^2 + 2${PI}rh.`, `2 · ${a * a} + 2 · ${a} · ${b} = ${k}, so k = ${k}.`] };
      }
    }
  },
});

/** Every geometry family, one or more per subtopic of configs/domains.json. */
export function geometryFamilies(): ProblemFamily[] {
  return [triangles, circles, polygons, coordinateGeometry, solids];
}
