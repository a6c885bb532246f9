/**
 * Masks the values of a word problem — numbers and person names — so that problems differing only
 * in them ("Alice has 3 apples…" / "Maya has 4 apples…") hash alike. The placeholders are words
 * that survive normalizeForDedup.
 */

const NUMBER = /\d+(?:[.,]\d+)*/g;
const NUMBER_MASK = '0';
const NAME_MASK = 'someone';
/** A Title-case word (not an acronym, not a single letter). */
const TITLE_WORD = /^\p{Lu}\p{Ll}+$/u;
/**
 * What precedes a word that starts a sentence, a line, a list item or a quotation: a capital
 * there says nothing about names. Tested on the few characters before the word.
 */
const SENTENCE_START = /(?:[.!?:;\n]["')\]]*\s*|["'([]\s*|^\s*)$/;
const LOOK_BEHIND_CHARS = 8;
/** Verbs a person's name starts a sentence with in word problems ("Maya buys…", "Ben has…"). */
const PERSON_VERBS = new Set(
  'is was has had buys bought wants needs owns owned sells sold spends spent earns earned saves saved pays paid gets got gives gave takes took makes made reads writes wrote runs ran walks walked drives drove rides rode travels traveled travelled bakes baked plants planted picks picked chooses chose draws drew rolls rolled flips flipped collects collected invests invested borrows borrowed scores scored solves solved starts started plans planned decides decided wins won receives received works worked will can shares shared divides divided cuts cut fills filled mixes mixed'.split(' '),
);
/** Sentence starters that are never names, whatever follows them. */
const NOT_NAMES = new Set('It He She They We You One Each Every This That These Those There Here Someone Everyone Nobody Nothing Everything Something What Which Who'.split(' '));

/**
 * Person names, by the words that show them: a Title-case word inside a sentence (after another
 * word) is a proper noun, and so is one that starts a sentence followed by "'s" or by a verb people
 * do in word problems ("Maya buys"); every occurrence of such a word is masked. Mathematicians'
 * names ("Euler's method") are masked too, which only ever makes two problems that differ in them
 * look alike.
 */
function namesOf(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/[\p{L}]+/gu)) {
    const word = match[0];
    // A LaTeX command (\Delta) is not a word of the text.
    if (!TITLE_WORD.test(word) || text[match.index - 1] === '\\') continue;
    const from = Math.max(0, match.index - LOOK_BEHIND_CHARS);
    const before = text.slice(from, match.index);
    // `^` in SENTENCE_START may only mean the start of the text.
    const startsSentence = from === 0 ? SENTENCE_START.test(before) : SENTENCE_START.test(before) && !/^\s*$/.test(before);
    const after = /^(?:'s\b|\s+(\p{Ll}+))/u.exec(text.slice(match.index + word.length, match.index + word.length + 24));
    const personAtStart = !NOT_NAMES.has(word) && after !== null && (after[1] === undefined || PERSON_VERBS.has(after[1]));
    if (!startsSentence || personAtStart) names.add(word);
  }
  return names;
}

/** The text with every number replaced by "0" and every person name by "someone". */
export function maskValues(text: string): string {
  const names = namesOf(text);
  const masked = text.replace(NUMBER, NUMBER_MASK);
  if (names.size === 0) return masked;
  return masked.replace(/[\p{L}]+/gu, (word) => (names.has(word) ? NAME_MASK : word));
}
