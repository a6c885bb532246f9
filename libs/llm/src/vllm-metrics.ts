/**
 * The vLLM metrics the platform reads from a replica's /metrics, by their vLLM names: the one place
 * that knows them (the simulator serves the same names).
 */
export const VLLM_METRICS = {
  /** Requests queued because the running batch is full: the replica is saturated when > 0. */
  requestsWaiting: 'vllm:num_requests_waiting',
  /** Requests in the running batch. */
  requestsRunning: 'vllm:num_requests_running',
} as const;

/** A replica's load as its /metrics reports it; a gauge it does not export is undefined. */
export interface VllmLoad {
  readonly waiting: number | undefined;
  readonly running: number | undefined;
}

interface Sample {
  readonly name: string;
  readonly value: number;
}

/** Index just past the label set that opens at `open` (`{`), honouring quoted values and escapes. */
function endOfLabels(line: string, open: number): number {
  let quoted = false;
  for (let i = open + 1; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === '}') return i + 1;
  }
  return -1;
}

/** One sample line of the text exposition format (`name{labels} value [timestamp]`), or undefined. */
function parseSample(line: string): Sample | undefined {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return undefined;
  const brace = trimmed.indexOf('{');
  const space = trimmed.search(/\s/);
  const nameEnd = brace >= 0 && (space < 0 || brace < space) ? brace : space;
  if (nameEnd <= 0) return undefined;
  const valueStart = brace === nameEnd ? endOfLabels(trimmed, brace) : nameEnd;
  if (valueStart < 0) return undefined;
  const [valueText] = trimmed.slice(valueStart).trim().split(/\s+/);
  const value = Number(valueText);
  return Number.isFinite(value) ? { name: trimmed.slice(0, nameEnd), value } : undefined;
}

/** vLLM's waiting and running request gauges from a /metrics body, each summed over its series (one per model). */
export function readVllmLoad(text: string): VllmLoad {
  const totals = new Map<string, number>();
  for (const line of text.split('\n')) {
    const sample = parseSample(line);
    if (sample) totals.set(sample.name, (totals.get(sample.name) ?? 0) + sample.value);
  }
  return { waiting: totals.get(VLLM_METRICS.requestsWaiting), running: totals.get(VLLM_METRICS.requestsRunning) };
}
