/**
 * Judges near-twins among a run's accepted problems with what the simulator knows, not with the
 * generator's own code: the simulator's embeddings (`/v1/embeddings`, where a changed number or
 * name keeps a pair above 0.983 cosine and different problems average 0.28) and its truth
 * (`/sim/truth`: the family each problem was written from).
 */

const EMBEDDING_MODEL = 'sentence-transformers/all-mpnet-base-v2';
/** Magpie's gen_dis.py threshold. */
export const TWIN_COSINE = 0.975;

export interface TwinReport {
  readonly problems: number;
  /** Problems with an earlier accepted problem at cosine ≥ 0.975: near-twins that passed. */
  readonly embeddingTwins: number;
  /** Problems with an earlier problem of the same family whose text differs from it in exactly one number: the near-twins. */
  readonly oneNumberTwins: number;
  /** Problems with an earlier problem of the same family whose text, numbers masked, is the same (any numbers changed). */
  readonly maskedTwins: number;
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

async function embeddings(simUrl: string, texts: readonly string[]): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += 128) {
    const body = await post<{ data: { index: number; embedding: number[] }[] }>(`${simUrl}/v1/embeddings`, { model: EMBEDDING_MODEL, input: texts.slice(i, i + 128) });
    for (const item of body.data.sort((a, b) => a.index - b.index)) out.push(Float32Array.from(item.embedding));
  }
  return out;
}

export async function families(simUrl: string, texts: readonly string[]): Promise<(string | null)[]> {
  const out: (string | null)[] = [];
  for (let i = 0; i < texts.length; i += 200) {
    const body = await post<{ data: { family?: string | null }[] }>(`${simUrl}/sim/truth`, { problems: texts.slice(i, i + 200) });
    out.push(...body.data.map((d) => d.family ?? null));
  }
  return out;
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

const NUMBER = /\d+(?:[.,]\d+)*/g;
const masked = (text: string) => text.replace(NUMBER, '0');
const numbers = (text: string) => text.match(NUMBER) ?? [];

function differInOneNumber(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.filter((n, i) => n !== b[i]).length === 1;
}

/** Counts, in acceptance order, the problems that repeat an earlier one of the same run. */
export async function judgeTwins(simUrl: string, texts: readonly string[]): Promise<TwinReport> {
  const vectors = await embeddings(simUrl, texts);
  const family = await families(simUrl, texts);
  let embeddingTwins = 0;
  let oneNumberTwins = 0;
  let maskedTwins = 0;
  const seen = new Map<string, number[]>();
  texts.forEach((text, i) => {
    const v = vectors[i] as Float32Array;
    for (let j = 0; j < i; j++) {
      if (dot(v, vectors[j] as Float32Array) >= TWIN_COSINE) {
        embeddingTwins++;
        break;
      }
    }
    const key = `${family[i] ?? 'none'}|${masked(text)}`;
    const earlier = family[i] ? (seen.get(key) ?? []) : [];
    if (earlier.length > 0) maskedTwins++;
    if (earlier.some((j) => differInOneNumber(numbers(text), numbers(texts[j] as string)))) oneNumberTwins++;
    seen.set(key, [...earlier, i]);
  });
  return { problems: texts.length, embeddingTwins, oneNumberTwins, maskedTwins };
}

export async function difficulties(simUrl: string, texts: readonly string[]): Promise<(number | null)[]> {
  const out: (number | null)[] = [];
  for (let i = 0; i < texts.length; i += 200) {
    const body = await post<{ data: { difficulty?: number | null }[] }>(`${simUrl}/sim/truth`, { problems: texts.slice(i, i + 200) });
    out.push(...body.data.map((d) => d.difficulty ?? null));
  }
  return out;
}
