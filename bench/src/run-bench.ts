import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '@magpie/testing';
import { cliEntry } from './cli-run.js';
import { renderMatrix, type ScenarioResult } from './matrix-table.js';
import { runOurs } from './our-run.js';
import { PEER_BEST, PEER_IDIOMATIC, preparePeers, runPeer, type PeerResult } from './peer-run.js';
import { buildScenarios, SCENARIO_IDS } from './scenarios.js';

// `npm run bench [-- --count 512 --time-scale 2 --scenarios a,b,c,d,e --peers]`: a benchmark, not
// a test. It asserts nothing: it runs the scenario matrix (bench/README.md) one system at a time,
// prints one table and writes every number to bench/results/matrix-<iso>.json.
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '512' },
    'time-scale': { type: 'string', default: '2' },
    scenarios: { type: 'string', default: SCENARIO_IDS.join(',') },
    domain: { type: 'string', default: 'algebra' },
    peers: { type: 'boolean', default: false },
    // distilabel's idiomatic MagpieGenerator layout too: slower, and only for counts it accepts.
    'peer-idiomatic': { type: 'boolean', default: false },
  },
});
const count = Number(values.count);
const timeScale = Number(values['time-scale']);
if (!Number.isInteger(count) || count < 1) throw new Error(`--count must be a positive integer, got ${values.count}`);
if (!Number.isFinite(timeScale) || timeScale < 0) throw new Error(`--time-scale must be ≥ 0, got ${values['time-scale']}`);
const wanted = values.scenarios.split(',').map((s) => s.trim());
const unknown = wanted.filter((id) => !(SCENARIO_IDS as readonly string[]).includes(id));
if (unknown.length > 0) throw new Error(`unknown scenario(s) ${unknown.join(', ')}; have ${SCENARIO_IDS.join(', ')}`);
const scenarios = buildScenarios({ count, timeScale }).filter((s) => wanted.includes(s.id));
if (values.peers) preparePeers();

console.error(`bench: ${count} ${values.domain} problems, scenarios ${scenarios.map((s) => s.id).join(',')}, CLI from ${cliEntry()}${values.peers ? ', with distilabel' : ''}`);
const results: ScenarioResult[] = [];
for (const s of scenarios) {
  const ours = await runOurs(s, count, values.domain);
  console.error(`bench (${s.id}): magpie ${ours.wallSeconds.toFixed(2)} s, efficiency ${ours.efficiency?.toFixed(3) ?? 'n/a'}`);
  const peers: PeerResult[] = [];
  if (values.peers && s.peers) {
    // The peer generates to the lengths our run resolved (the model's defaults or the scenario's).
    const tokens = { problem: ours.cli.maxTokens.generator ?? 1024, response: s.maxTokens ?? ours.cli.maxTokens.solver ?? 4096 };
    const configs = values['peer-idiomatic'] && (count <= PEER_IDIOMATIC.batchSize || count % PEER_IDIOMATIC.batchSize === 0) ? [PEER_BEST, PEER_IDIOMATIC] : [PEER_BEST];
    for (const config of configs) {
      const peer = await runPeer(s, { count, domain: values.domain, config, tokens });
      console.error(`bench (${s.id}): ${config.label} ${peer.wallSeconds.toFixed(2)} s, efficiency ${peer.efficiency?.toFixed(3) ?? 'n/a'}`);
      peers.push(peer);
    }
  }
  results.push({ scenario: s, ours, peers });
}

console.log(renderMatrix(results));
const at = new Date().toISOString();
const dir = join(REPO_ROOT, 'bench', 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `matrix-${at.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ at, settings: { count, timeScale, domain: values.domain, peers: values.peers, cliEntry: cliEntry() }, results }, null, 2));
console.log(`results: ${file}`);
process.exit(0);
