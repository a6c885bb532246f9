const SIMPLE_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const INTEGER = /^[+-]?\d+$/;
const FRACTION = /^([+-]?)\(?([+-]?(?:\d+(?:\.\d*)?|\.\d+))\)?\/\(?([+-]?(?:\d+(?:\.\d*)?|\.\d+))\)?$/;

/**
 * Puts an answer into a canonical text form so that equal answers written differently compare
 * equal as strings. Removes surrounding `$…$`, `\(…\)`, `\[…\]`, `\left`/`\right`, `\text{}`
 * wrappers, LaTeX spacing, degree signs, all whitespace, a trailing `.` and a leading `x =`;
 * turns `\frac`/`\dfrac`/`\tfrac` of plain numbers into `a/b`; writes integers without sign or
 * leading zeros, decimals without trailing zeros, integer fractions reduced (`6/8` → `3/4`,
 * `4/2` → `2`), and does the same to each element of a tuple such as `(1, 2)`. Anything it does not
 * understand is kept, minus the whitespace. Never throws.
 */
export function normalizeAnswer(s: string): string {
  let t = stripDelimiters(s.trim().replace(/\.+$/, '').trim()).trim();
  t = t.replace(/\\(?:text|mathrm|textbf|mathbf|textnormal)\s*\{([^{}]*)\}/g, '$1');
  t = t.replace(/\\[dt]frac(?![a-z])/g, '\\frac');
  t = t.replace(/\\(?:left|right)(?![a-zA-Z])/g, '');
  t = t.replace(/\\[,;:! ]|~/g, '');
  t = t.replace(/\^\s*\{?\s*\\circ\s*\}?|°/g, '');
  t = t.replace(/\s+/g, '');
  t = t.replace(/\.+$/, '');
  t = t.replace(/^[a-zA-Z]=(?!=)/, '');
  t = convertFractions(t);
  return canonicalTuple(t) ?? canonicalScalar(t);
}

/** `$…$`, `$$…$$`, `\(…\)` and `\[…\]` around the whole answer, repeatedly. */
function stripDelimiters(s: string): string {
  let t = s;
  for (;;) {
    const inner = /^\$\$([\s\S]*)\$\$$/.exec(t) ?? /^\$([\s\S]*)\$$/.exec(t) ?? /^\\[([]([\s\S]*)\\[)\]]$/.exec(t);
    if (!inner?.[1]) return t;
    t = inner[1].trim();
  }
}

/** `\frac{a}{b}` → `a/b` for plain numbers, `(a)/(b)` otherwise; arguments are converted first so nesting works. */
function convertFractions(s: string): string {
  const t = s.replace(/\\frac(\d)(\d)/g, '\\frac{$1}{$2}');
  let out = '';
  let i = 0;
  while (i < t.length) {
    const at = t.indexOf('\\frac{', i);
    if (at < 0) break;
    const numerator = readGroup(t, at + '\\frac'.length);
    const denominator = numerator && readGroup(t, numerator.end);
    if (!numerator || !denominator) break;
    const a = convertFractions(numerator.body);
    const b = convertFractions(denominator.body);
    // A digit right before `\frac` makes a mixed number (2\frac{1}{2}); `21/2` would be wrong.
    const mixed = /\d/.test(t[at - 1] ?? '');
    const simple = !mixed && SIMPLE_NUMBER.test(a) && SIMPLE_NUMBER.test(b);
    out += t.slice(i, at) + (simple ? `${a}/${b}` : `(${a})/(${b})`);
    i = denominator.end;
  }
  return out + t.slice(i);
}

/** The balanced `{…}` group starting at `open`, or undefined when there is none. */
function readGroup(s: string, open: number): { body: string; end: number } | undefined {
  if (s[open] !== '{') return undefined;
  let depth = 0;
  for (let j = open; j < s.length; j++) {
    if (s[j] === '{') depth++;
    else if (s[j] === '}' && --depth === 0) return { body: s.slice(open + 1, j), end: j + 1 };
  }
  return undefined;
}

function canonicalTuple(s: string): string | undefined {
  const open = s[0];
  const close = s.at(-1);
  if (!((open === '(' && close === ')') || (open === '[' && close === ']'))) return undefined;
  const parts = splitTopLevel(s.slice(1, -1));
  if (parts.length < 2) return undefined;
  return `${open}${parts.map(canonicalScalar).join(',')}${close}`;
}

/** Splits on commas that are not inside (), [] or {}. */
export function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

function canonicalScalar(s: string): string {
  const unwrapped = /^\(([^(),]*)\)$/.exec(s)?.[1] ?? s;
  if (INTEGER.test(unwrapped)) return BigInt(unwrapped).toString();
  if (SIMPLE_NUMBER.test(unwrapped)) return canonicalDecimal(unwrapped);
  const fraction = FRACTION.exec(unwrapped);
  if (fraction) return canonicalFraction(fraction[1] ?? '', fraction[2] ?? '', fraction[3] ?? '');
  return unwrapped;
}

function canonicalDecimal(s: string): string {
  const negative = s.startsWith('-');
  const [whole = '', frac = ''] = s.replace(/^[+-]/, '').split('.');
  const digits = frac.replace(/0+$/, '');
  const intPart = BigInt(whole === '' ? '0' : whole).toString();
  const body = digits === '' ? intPart : `${intPart}.${digits}`;
  return negative && body !== '0' ? `-${body}` : body;
}

function canonicalFraction(outerSign: string, a: string, b: string): string {
  if (!INTEGER.test(a) || !INTEGER.test(b)) {
    return `${outerSign === '-' ? '-' : ''}${canonicalScalar(a)}/${canonicalScalar(b)}`;
  }
  let num = BigInt(a);
  let den = BigInt(b);
  if (den === 0n) return `${outerSign === '-' ? '-' : ''}${num}/0`;
  if (outerSign === '-') num = -num;
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num < 0n ? -num : num, den);
  num /= g;
  den /= g;
  return den === 1n ? num.toString() : `${num}/${den}`;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}
