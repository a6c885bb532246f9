import { readUnit, type Unit } from './units.js';

/** What a scalar answer carries besides its value. */
export type Annotation = { readonly kind: 'percent' } | { readonly kind: 'unit'; readonly unit: Unit };

/** A scalar answer split into its value and annotation (`5\text{ cm}` → `5` and centimetres). */
export interface Quantity {
  readonly body: string;
  readonly annotation?: Annotation;
}

const TEXT_GROUP = String.raw`\\(?:text|textrm|textnormal|mathrm|mbox)\s*\{[^{}]*\}`;
const POWER = String.raw`(?:\s*\^\s*\{?\s*-?\d\s*\}?|[²³])?`;
/** One or more `\text{…}` groups at the end, with powers and `/` between them: `\text{ cm}^2`, `\text{m}/\text{s}`. */
const TEXT_TAIL = new RegExp(String.raw`^([\s\S]*?\S)\s*((?:${TEXT_GROUP}${POWER}\s*(?:/|\\cdot)?\s*)+)$`);
/** Plain words after a number or a closing bracket and a space: `5 cm`, `12 students`, `3 m/s`, `4 square feet`. */
const PLAIN_TAIL = /^([\s\S]*?[\d}).])\s+([A-Za-z][A-Za-z\s./^{}\d²³-]*)$/;
/** A degree sign, possibly of a temperature: `90^\circ`, `100^\circ C`, `100^\circ\text{F}`. */
const DEGREE_TAIL = /^([\s\S]*?\S)\s*(\^\\circ\s*(?:\\text\s*\{\s*[CF]\s*\}|\{[CF]\}|[CF](?![A-Za-z]))?)$/;
const PERCENT_TAIL = /^([\s\S]*?\S)\s*(?:\\%|\\text\s*\{\s*percent\s*\}|\s+percent)$/;
const MONEY_HEAD = /^([+-]?)\s*\\\$\s*([\s\S]+)$/;

/**
 * Splits a unit, percent sign, degree sign or currency sign off a scalar answer. A tail that reads
 * as a known unit becomes the annotation; a count noun (`12 students`) or filler (`square units`)
 * is dropped; anything else stays part of the value (`2 x` is not two of a unit `x`). Never throws.
 */
export function splitQuantity(answer: string): Quantity {
  const s = answer.trim();
  const money = MONEY_HEAD.exec(s);
  if (money) {
    const rest = splitQuantity(`${money[1] ?? ''}${money[2] ?? ''}`);
    const dollar = readUnit('\\$');
    if (rest.annotation || dollar.kind !== 'unit') return rest;
    return { body: rest.body, annotation: { kind: 'unit', unit: dollar.unit } };
  }
  const percent = PERCENT_TAIL.exec(s);
  if (percent?.[1]) return { body: percent[1].trim(), annotation: { kind: 'percent' } };
  const degree = DEGREE_TAIL.exec(s);
  if (degree?.[1] && degree[2]) {
    const unit = readUnit(normaliseDegree(degree[2]));
    if (unit.kind === 'unit') return { body: degree[1].trim(), annotation: { kind: 'unit', unit: unit.unit } };
  }
  for (const tail of [TEXT_TAIL, PLAIN_TAIL]) {
    const m = tail.exec(s);
    if (!m?.[1] || !m[2]) continue;
    const unit = readUnit(m[2]);
    if (unit.kind === 'unit') return { body: m[1].trim(), annotation: { kind: 'unit', unit: unit.unit } };
    if (unit.kind === 'label') return { body: m[1].trim() };
  }
  return { body: s };
}

/** `^\circ \text{C}` and `^\circ{C}` → `^\circ C`, the catalog's spelling. */
function normaliseDegree(tail: string): string {
  const scale = /([CF])\s*\}?\s*$/.exec(tail)?.[1];
  return scale ? `^\\circ ${scale}` : '^\\circ';
}
