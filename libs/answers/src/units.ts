import { approx, div, exact, mul, pow, type NumberValue } from './number-value.js';
import { Rational } from './rational.js';

/**
 * A unit an answer was written in: its dimension (exponents of base quantities, as a key such as
 * `L2` for an area) and the factor to the base unit of that dimension (metre, kilogram, second,
 * radian, dollar …). Temperatures carry an offset too (°C → K).
 */
export interface Unit {
  readonly text: string;
  readonly dimension: string;
  readonly factor: NumberValue;
  readonly offset?: Rational;
}

type Dimension = Readonly<Record<string, number>>;
interface UnitDef {
  readonly dim: Dimension;
  readonly factor: NumberValue;
  readonly offset?: Rational;
}

const q = (num: bigint, den = 1n): NumberValue => exact(Rational.of(num, den));
const DEGREE = approx(Math.PI / 180) as NumberValue;

/** Unit names, case-sensitive where case matters (`m` metre, `M` is not a unit). Plurals are listed. */
const CATALOG: readonly (readonly [readonly string[], UnitDef])[] = [
  [['mm', 'millimeter', 'millimeters', 'millimetre', 'millimetres'], { dim: { L: 1 }, factor: q(1n, 1000n) }],
  [['cm', 'centimeter', 'centimeters', 'centimetre', 'centimetres'], { dim: { L: 1 }, factor: q(1n, 100n) }],
  [['m', 'meter', 'meters', 'metre', 'metres'], { dim: { L: 1 }, factor: q(1n) }],
  [['km', 'kilometer', 'kilometers', 'kilometre', 'kilometres'], { dim: { L: 1 }, factor: q(1000n) }],
  [['in', 'inch', 'inches'], { dim: { L: 1 }, factor: q(127n, 5000n) }],
  [['ft', 'foot', 'feet'], { dim: { L: 1 }, factor: q(381n, 1250n) }],
  [['yd', 'yard', 'yards'], { dim: { L: 1 }, factor: q(1143n, 1250n) }],
  [['mi', 'mile', 'miles'], { dim: { L: 1 }, factor: q(201168n, 125n) }],
  [['mg', 'milligram', 'milligrams'], { dim: { M: 1 }, factor: q(1n, 1_000_000n) }],
  [['g', 'gram', 'grams', 'gramme', 'grammes'], { dim: { M: 1 }, factor: q(1n, 1000n) }],
  [['kg', 'kilogram', 'kilograms'], { dim: { M: 1 }, factor: q(1n) }],
  [['lb', 'lbs', 'pound', 'pounds'], { dim: { M: 1 }, factor: q(45359237n, 100_000_000n) }],
  [['oz', 'ounce', 'ounces'], { dim: { M: 1 }, factor: q(45359237n, 1_600_000_000n) }],
  [['ms', 'millisecond', 'milliseconds'], { dim: { T: 1 }, factor: q(1n, 1000n) }],
  [['s', 'sec', 'secs', 'second', 'seconds'], { dim: { T: 1 }, factor: q(1n) }],
  [['min', 'mins', 'minute', 'minutes'], { dim: { T: 1 }, factor: q(60n) }],
  [['h', 'hr', 'hrs', 'hour', 'hours'], { dim: { T: 1 }, factor: q(3600n) }],
  [['day', 'days'], { dim: { T: 1 }, factor: q(86400n) }],
  [['week', 'weeks', 'wk', 'wks'], { dim: { T: 1 }, factor: q(604800n) }],
  [['month', 'months'], { dim: { Y: 1 }, factor: q(1n, 12n) }],
  [['year', 'years', 'yr', 'yrs'], { dim: { Y: 1 }, factor: q(1n) }],
  [['rad', 'rads', 'radian', 'radians'], { dim: { A: 1 }, factor: q(1n) }],
  [['deg', 'degree', 'degrees', '^\\circ'], { dim: { A: 1 }, factor: DEGREE }],
  [['L', 'l', 'liter', 'liters', 'litre', 'litres'], { dim: { L: 3 }, factor: q(1n, 1000n) }],
  [['mL', 'ml', 'milliliter', 'milliliters', 'millilitre', 'millilitres', 'cc'], { dim: { L: 3 }, factor: q(1n, 1_000_000n) }],
  [['gal', 'gallon', 'gallons'], { dim: { L: 3 }, factor: q(473176473n, 125_000_000_000n) }],
  [['acre', 'acres'], { dim: { L: 2 }, factor: q(40468564224n, 10_000_000n) }],
  [['ha', 'hectare', 'hectares'], { dim: { L: 2 }, factor: q(10000n) }],
  [['mph'], { dim: { L: 1, T: -1 }, factor: q(201168n, 450000n) }],
  [['kph'], { dim: { L: 1, T: -1 }, factor: q(5n, 18n) }],
  [['\\$', 'dollar', 'dollars', 'USD', 'usd'], { dim: { USD: 1 }, factor: q(1n) }],
  [['cent', 'cents', '¢'], { dim: { USD: 1 }, factor: q(1n, 100n) }],
  [['€', 'euro', 'euros', 'EUR'], { dim: { EUR: 1 }, factor: q(1n) }],
  [['K', 'kelvin', 'kelvins'], { dim: { K: 1 }, factor: q(1n), offset: Rational.ZERO }],
  [['^\\circ C', '^\\circ\\text{C}', '^\\circ{C}', 'celsius', 'degrees celsius', 'degree celsius'], { dim: { K: 1 }, factor: q(1n), offset: Rational.of(5463n, 20n) }],
  [['^\\circ F', '^\\circ\\text{F}', '^\\circ{F}', 'fahrenheit', 'degrees fahrenheit', 'degree fahrenheit'], { dim: { K: 1 }, factor: q(5n, 9n), offset: Rational.of(45967n, 180n) }],
];
/** Words that only say "in units" and change nothing: `12 square units`. */
const FILLERS = new Set(['unit', 'units', 'u', 'sq units', 'square units', 'cubic units', 'units^2', 'units^3', 'unit^2', 'unit^3', 'sq. units']);

const BY_NAME = new Map<string, UnitDef>();
for (const [names, def] of CATALOG) for (const name of names) BY_NAME.set(name, def);

/** How a unit reads: a known unit, a filler or count noun to ignore (`units`, `students`), or not a unit at all. */
export type UnitReading = { readonly kind: 'unit'; readonly unit: Unit } | { readonly kind: 'label' } | { readonly kind: 'none' };

const LABEL = /^[A-Za-z][A-Za-z'-]{2,}(?:\s+[A-Za-z][A-Za-z'-]{2,}){0,2}$/;
/** Not count nouns: function names and connectives that must never be taken for a unit. */
const NOT_LABELS = new Set(['sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'log', 'exp', 'and', 'or', 'the', 'for', 'all', 'sqrt', 'frac', 'pi']);

/**
 * Reads unit text such as `cm`, `cm^2`, `\text{m/s}`, `square feet`, `km/h`, `miles per hour`,
 * `^\circ`, `^\circ C`. A product or quotient of known units is a unit; `units` and other words
 * (`students`, `ways`) are labels, which comparison ignores; anything else is not a unit.
 */
export function readUnit(raw: string): UnitReading {
  const text = raw
    .replace(/\\(?:text|textrm|textnormal|mathrm|mbox|textit|operatorname)\s*\{([^{}]*)\}/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return { kind: 'none' };
  const lower = text.toLowerCase();
  if (FILLERS.has(lower)) return { kind: 'label' };
  const whole = BY_NAME.get(text) ?? BY_NAME.get(lower);
  if (whole) return { kind: 'unit', unit: { text, dimension: dimensionKey(whole.dim), factor: whole.factor, ...(whole.offset ? { offset: whole.offset } : {}) } };
  const compound = readCompound(text);
  if (compound) return { kind: 'unit', unit: compound };
  if (LABEL.test(text) && !NOT_LABELS.has(lower)) return { kind: 'label' };
  return { kind: 'none' };
}

/** `m/s^2`, `km per hour`, `square feet`, `cm^{3}`, `N \cdot m`: every factor must be a known unit without an offset. */
function readCompound(text: string): Unit | undefined {
  const [top = '', bottom, extra] = text.split(/\s*(?:\/|\bper\b)\s*/);
  if (extra !== undefined || top === '') return undefined;
  const num = readProduct(top);
  const den = bottom === undefined ? { dim: {}, factor: q(1n) } : readProduct(bottom);
  if (!num || !den) return undefined;
  const factor = div(num.factor, den.factor);
  if (!factor) return undefined;
  const dim: Record<string, number> = { ...num.dim };
  for (const [k, v] of Object.entries(den.dim)) dim[k] = (dim[k] ?? 0) - v;
  return { text, dimension: dimensionKey(dim), factor };
}

function readProduct(text: string): { dim: Dimension; factor: NumberValue } | undefined {
  const tokens = text.split(/\s*\\cdot\s*|\s*\*\s*|\s+/).filter((t) => t !== '');
  let power = 1;
  let factor: NumberValue = q(1n);
  const dim: Record<string, number> = {};
  for (const token of tokens) {
    const modifier = /^(square|sq\.?|cubic|cu\.?)$/i.exec(token);
    if (modifier) {
      power = /^s/i.test(token) ? 2 : 3;
      continue;
    }
    const m = /^(.+?)(?:\^\s*\{?\s*(-?\d)\s*\}?|(²)|(³))?$/.exec(token);
    const def = m?.[1] && (BY_NAME.get(m[1]) ?? BY_NAME.get(m[1].toLowerCase()));
    if (!m || !def || def.offset) return undefined;
    const exponent = power * (m[2] !== undefined ? Number(m[2]) : m[3] ? 2 : m[4] ? 3 : 1);
    power = 1;
    const scaled = pow(def.factor, exact(Rational.of(BigInt(exponent))));
    const next = scaled && mul(factor, scaled);
    if (!next) return undefined;
    factor = next;
    for (const [k, v] of Object.entries(def.dim)) dim[k] = (dim[k] ?? 0) + v * exponent;
  }
  return tokens.length > 0 && power === 1 ? { dim, factor } : undefined;
}

function dimensionKey(dim: Dimension): string {
  return Object.entries(dim)
    .filter(([, v]) => v !== 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}${v}`)
    .join(' ');
}
