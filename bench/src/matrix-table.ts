import type { OurResult } from './our-run.js';
import type { PeerResult } from './peer-run.js';
import type { Scenario } from './scenarios.js';

/** One scenario's measurements: ours, and the peer's where `--peers` ran it. */
export interface ScenarioResult {
  readonly scenario: Scenario;
  readonly ours: OurResult;
  readonly peers: readonly PeerResult[];
}

type Cells = Map<string, string>;

const fmt = (n: number | undefined, digits = 2): string => (n === undefined || !Number.isFinite(n) ? 'n/a' : n.toFixed(digits));
const pct = (n: number): string => `${(n * 100).toFixed(1)} %`;

function ourCells(r: OurResult): Cells {
  const c: Cells = new Map();
  c.set('wall time, spawn → exit (s)', fmt(r.wallSeconds));
  c.set('run / pipeline time (s)', fmt(r.cli.platformSeconds));
  c.set('capacity bound (s)', fmt(r.boundSeconds));
  c.set('efficiency = bound / wall', fmt(r.efficiency, 3));
  for (const p of r.pools) c.set(`utilisation ${p.name}`, pct(p.utilisation));
  c.set('time to first pair (s)', fmt(r.cli.firstPairSeconds));
  c.set('one call latency (s)', fmt(r.oneCallSeconds));
  c.set('first pair / one call', fmt(r.cli.firstPairSeconds !== undefined && r.oneCallSeconds ? r.cli.firstPairSeconds / r.oneCallSeconds : undefined));
  c.set('CLI start overhead (s)', fmt(r.cli.cliStartSeconds));
  c.set('file-writing tail (s)', fmt(r.cli.fileTailSeconds));
  c.set('CPU per problem (ms)', fmt(r.cpuSecondsPerProblem * 1000, 1));
  c.set('  of which the CLI (ms)', fmt(r.cpuMsPerProblemByProcess.cli, 1));
  c.set('problems/s', fmt(r.problemsPerSecond, 1));
  // Without the CLI's fixed start and file tail: scenario (e)'s orchestration limit.
  c.set('problems/s, run / pipeline only', fmt(r.cli.platformSeconds ? r.cli.counts.problems / r.cli.platformSeconds : undefined, 1));
  c.set('problems / pairs scored', `${r.cli.counts.problems} / ${r.cli.counts.rewards}`);
  return c;
}

function peerCells(r: PeerResult, ours: OurResult): Cells {
  const c: Cells = new Map();
  c.set('wall time, spawn → exit (s)', fmt(r.wallSeconds));
  c.set('run / pipeline time (s)', fmt(r.pipelineSeconds));
  c.set('capacity bound (s)', fmt(r.boundSeconds));
  c.set('efficiency = bound / wall', fmt(r.efficiency, 3));
  for (const p of r.pools) c.set(`utilisation ${p.name}`, pct(p.utilisation));
  c.set('CPU per problem (ms)', fmt(r.cpuSecondsPerProblem === undefined ? undefined : r.cpuSecondsPerProblem * 1000, 1));
  c.set('problems/s', fmt(r.problemsPerSecond, 1));
  c.set('problems/s, run / pipeline only', fmt(r.pipelineSeconds > 0 ? r.records / r.pipelineSeconds : undefined, 1));
  c.set('problems / pairs scored', `${r.records} / ${r.records - r.failed}`);
  c.set('wall ratio, this / magpie', `${fmt(r.wallSeconds / ours.wallSeconds)} ×`);
  // Fair also where the peer's work differs from ours (scenario c: its harness needs a Qwen2.5 model).
  c.set('efficiency ratio, magpie / this', ours.efficiency !== undefined && r.efficiency ? `${fmt(ours.efficiency / r.efficiency)} ×` : 'n/a');
  return c;
}

/** The matrix as text: a row per metric, a column per scenario and system; blank where it does not apply. */
export function renderMatrix(results: readonly ScenarioResult[]): string {
  const columns: { header: string; cells: Cells }[] = [];
  for (const r of results) {
    columns.push({ header: `(${r.scenario.id}) magpie`, cells: ourCells(r.ours) });
    for (const p of r.peers) columns.push({ header: `(${r.scenario.id}) ${p.config.label}`, cells: peerCells(p, r.ours) });
  }
  // Every column's metrics in their first column's order, with all the backends' utilisation
  // rows together after the efficiency (shared and per-stage scenarios name different backends).
  const rows: string[] = [];
  for (const col of columns) for (const name of col.cells.keys()) if (!rows.includes(name)) rows.push(name);
  const utilisation = rows.filter((r) => r.startsWith('utilisation '));
  const others = rows.filter((r) => !r.startsWith('utilisation '));
  const at = others.indexOf('efficiency = bound / wall') + 1;
  rows.splice(0, rows.length, ...others.slice(0, at), ...utilisation, ...others.slice(at));
  const width = Math.max('metric'.length, ...rows.map((r) => r.length));
  const colWidth = (i: number): number => Math.max(columns[i]?.header.length ?? 0, ...[...(columns[i]?.cells.values() ?? [])].map((v) => v.length));
  const line = (name: string, values: readonly string[]): string => [name.padEnd(width), ...values.map((v, i) => v.padStart(colWidth(i)))].join('  ');
  const legend = results.map((r) => {
    const peerModels = [...new Set(r.peers.map((p) => p.model))].filter((m) => m !== r.scenario.model);
    const peerNote = peerModels.length > 0 ? ` (distilabel: ${peerModels.join(', ')}, its harness renders ChatML only)` : '';
    return `(${r.scenario.id}) ${r.scenario.title}: ${r.scenario.model}${peerNote}, time scale ${r.scenario.timeScale}`;
  });
  return [
    ...legend,
    '',
    line('metric', columns.map((c) => c.header)),
    ...rows.map((name) => line(name, columns.map((c) => c.cells.get(name) ?? ''))),
  ].join('\n');
}
