/** One answer of POST /sim/truth: what the simulator knows about a problem, and its verdict on the response sent with it. */
export interface TruthEntry {
  readonly index: number;
  readonly kind: 'math' | 'non_math' | 'incomplete' | 'unknown';
  readonly answer: string | null;
  readonly difficulty: number | null;
  readonly verdict?: { readonly answer: string | null; readonly correct: boolean | null };
}

/** The most problems one request may carry. */
const BATCH = 5_000;

/**
 * The simulator's verdict on each (problem, response) pair: true when the response's final answer
 * is the problem's true answer, false when it is not (or it has none), null when the simulator
 * does not know the problem's answer (not a math problem it wrote).
 */
export async function judgeResponses(simUrl: string, pairs: readonly { readonly problem: string; readonly response: string }[]): Promise<(boolean | null)[]> {
  const out: (boolean | null)[] = [];
  for (let start = 0; start < pairs.length; start += BATCH) {
    const batch = pairs.slice(start, start + BATCH);
    const res = await fetch(`${simUrl}/sim/truth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ problems: batch.map((p) => p.problem), responses: batch.map((p) => p.response) }),
    });
    if (!res.ok) throw new Error(`POST ${simUrl}/sim/truth answered ${res.status}: ${await res.text()}`);
    const { data } = (await res.json()) as { data: TruthEntry[] };
    for (const entry of data) out.push(entry.verdict?.correct ?? null);
  }
  return out;
}
