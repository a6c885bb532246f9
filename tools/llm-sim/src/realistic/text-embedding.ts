import { deriveSeed } from '@magpie/llm';
import { NAMES } from '../problems/problem-family.js';
import { Rng } from '../rng.js';

/** Words that carry little meaning; they weigh less than content words. */
const STOPWORDS = new Set(
  'a an and are as at be by for from has have how if in is it its let of on or so such that the their then there these this to was what when where which who with you your find compute determine'.split(' '),
);
const NAME_SET = new Set(NAMES.map((n) => n.toLowerCase()));
/**
 * The squared weight of each distinct number or name, relative to the squared norm of the words.
 * Changing one number then moves the cosine to about 1 - 0.015 = 0.985 (above Magpie's 0.975
 * duplicate threshold), while changing three of them moves it to about 0.957 (below it).
 */
const VALUE_SHARE = 0.015;
const STOPWORD_WEIGHT = 0.3;
const BIGRAM_WEIGHT = 0.7;

/** The embedding models the simulator serves, with their output sizes. */
export const EMBEDDING_MODELS: Readonly<Record<string, number>> = {
  'sentence-transformers/all-mpnet-base-v2': 768,
  'sentence-transformers/all-MiniLM-L6-v2': 384,
};
export const DEFAULT_EMBEDDING_MODEL = 'sentence-transformers/all-mpnet-base-v2';

function tokens(text: string): { words: string[]; values: Set<string> } {
  const words: string[] = [];
  const values = new Set<string>();
  for (const raw of text.toLowerCase().match(/[a-z]+|\d+(?:\.\d+)?/g) ?? []) {
    if (/^\d/.test(raw)) {
      words.push('<num>');
      values.add(`#${raw}`);
    } else if (NAME_SET.has(raw)) {
      words.push('<name>');
      values.add(`@${raw}`);
    } else words.push(raw);
  }
  return { words, values };
}

/** A fixed pseudo-random unit-variance direction for one feature. */
function direction(feature: string, dims: number, cache: Map<string, Float64Array>): Float64Array {
  const cached = cache.get(`${dims}:${feature}`);
  if (cached) return cached;
  const rng = new Rng(deriveSeed(0, 'embedding-feature', feature));
  const v = new Float64Array(dims);
  for (let i = 0; i < dims; i++) v[i] = rng.normal();
  if (cache.size >= 8192) cache.delete(cache.keys().next().value as string);
  cache.set(`${dims}:${feature}`, v);
  return v;
}

/**
 * Deterministic sentence embeddings with the geometry deduplication needs: a text is the weighted
 * sum of random directions for its words, word pairs, and (lightly) its distinct numbers and
 * names, normalised to length 1. Texts that differ in one number or one name stay above 0.975
 * cosine; rephrasings share most words and land in between; unrelated problems share few features
 * and land far below. The same text gives the same vector in every replica and run.
 */
export class TextEmbedder {
  readonly #cache = new Map<string, Float64Array>();

  embed(text: string, dims: number): number[] {
    const { words, values } = tokens(text);
    const weights = new Map<string, number>();
    const add = (feature: string, w: number): void => {
      weights.set(feature, (weights.get(feature) ?? 0) + w);
    };
    words.forEach((w, i) => {
      add(`w:${w}`, STOPWORDS.has(w) || w.startsWith('<') ? STOPWORD_WEIGHT : 1);
      if (i > 0) add(`b:${words[i - 1]} ${w}`, BIGRAM_WEIGHT);
    });
    const wordNorm2 = [...weights.values()].reduce((s, w) => s + w * w, 0) || 1;
    const valueWeight = Math.sqrt(VALUE_SHARE * wordNorm2);
    for (const v of values) add(`v:${v}`, valueWeight);
    const out = new Float64Array(dims);
    for (const [feature, w] of weights) {
      const dir = direction(feature, dims, this.#cache);
      for (let i = 0; i < dims; i++) out[i] = (out[i] ?? 0) + w * (dir[i] ?? 0);
    }
    const norm = Math.sqrt(out.reduce((s, x) => s + x * x, 0)) || 1;
    return Array.from(out, (x) => x / norm);
  }
}

/** The cosine of two vectors of equal length. */
export function cosine(a: readonly number[], b: readonly number[]): number {
  let [dot, na, nb] = [0, 0, 0];
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return dot / (Math.sqrt(na * nb) || 1);
}
