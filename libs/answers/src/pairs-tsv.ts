/** One line of a pairs file: two answers and, optionally, whether they should be equivalent. */
export interface AnswerPair {
  /** 1-based line number in the file. */
  readonly line: number;
  readonly a: string;
  readonly b: string;
  /** The expected verdict, when the line has one. */
  readonly expected?: boolean;
  /** A fourth column, free text (the public table uses it for the category). */
  readonly label?: string;
}

/** A pairs file that cannot be read; `problems` names every bad line. */
export class PairsTsvError extends Error {
  constructor(readonly problems: readonly { readonly line: number; readonly message: string }[]) {
    super(problems.map((p) => `line ${p.line}: ${p.message}`).join('; '));
    this.name = 'PairsTsvError';
  }
}

const EXPECTED: Readonly<Record<string, boolean>> = {
  '1': true,
  '0': false,
  true: true,
  false: false,
  yes: true,
  no: false,
  y: true,
  n: false,
  equivalent: true,
  different: false,
};

/**
 * Parses a pairs file: one pair per line, `a<TAB>b`, optionally `<TAB>expected` (1/0, true/false,
 * yes/no, equivalent/different; empty for none) and `<TAB>label`. Blank lines and lines starting
 * with `#` are skipped; CRLF line ends are fine. Throws PairsTsvError naming every malformed line
 * (fewer than two columns, an expected value it does not know).
 */
export function parsePairsTsv(text: string): AnswerPair[] {
  const pairs: AnswerPair[] = [];
  const problems: { line: number; message: string }[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const content = raw.replace(/\r$/, '');
    if (content.trim() === '' || content.trimStart().startsWith('#')) return;
    const [a, b, expectedText, ...rest] = content.split('\t');
    if (a === undefined || b === undefined) {
      problems.push({ line, message: 'expected two answers separated by a tab' });
      return;
    }
    const key = (expectedText ?? '').trim().toLowerCase();
    const expected = key === '' ? undefined : EXPECTED[key];
    if (key !== '' && expected === undefined) {
      problems.push({ line, message: `the third column (expected) must be 1 or 0, true or false, yes or no, equivalent or different; got "${expectedText ?? ''}"` });
      return;
    }
    const label = rest.join('\t').trim();
    pairs.push({ line, a, b, ...(expected === undefined ? {} : { expected }), ...(label === '' ? {} : { label }) });
  });
  if (problems.length > 0) throw new PairsTsvError(problems);
  return pairs;
}
