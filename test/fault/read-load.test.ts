import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@magpie/testing';
import { startE2ePlatform, type E2ePlatform } from '../support/e2e-platform.js';
import { quantile, readLoad, seedRuns } from '../support/read-load.js';

// The gateway under read load (issue 13): 500 stored runs, then 400 ListRuns and 100 GetRun at
// once from one client. Reads come from the gateway's run index and counts cache, so nothing may
// time out inside the gateway: no INTERNAL, no UNAVAILABLE. Timings are reported, not asserted
// (bench/ measures them: `npm run bench:read-load`).
let platform: E2ePlatform;
let runIds: string[];

beforeAll(async () => {
  // The gateway alone: runs are stored documents, no stage works on them. A per-client limit
  // above the load, so every call is served (the limit itself is tested on its own below).
  platform = await startE2ePlatform({ services: ['gateway'], serviceEnv: { MAX_CALLS_PER_CLIENT: '600', CLIENT_RATE_PER_SECOND: '1000' } });
  runIds = await seedRuns(platform.platform.natsUrl, 500, platform.platform.natsCredentials('admin'));
}, 180_000);

afterAll(async () => {
  await platform?.stop();
});

describe('the gateway under read load', () => {
  it('answers 400 concurrent ListRuns and 100 concurrent GetRun over 500 runs without one INTERNAL', async () => {
    // The index is kept from the runs bucket's change feed: wait until it holds every run.
    await waitFor('the index to hold every run', async () => ((await platform.client.listRuns({ page_size: 1_000 })).runs.length >= 500 ? true : undefined), 60_000, 100);
    const rounds = [];
    for (let round = 0; round < 2; round++) rounds.push(await readLoad(platform.client, runIds, { listRuns: 400, getRuns: 100 }));
    for (const [i, r] of rounds.entries()) {
      console.log(
        `read load round ${i + 1}: ${JSON.stringify(r.byStatus)} in ${r.wallMs.toFixed(0)} ms; GetRun p50 ${quantile(r.getRunMs, 0.5).toFixed(1)} ms, p99 ${quantile(r.getRunMs, 0.99).toFixed(1)} ms; ListRuns p99 ${quantile(r.listRunsMs, 0.99).toFixed(1)} ms`,
      );
      expect(r.byStatus).toEqual({ OK: 500 });
    }
    // Paging and filters come from the index: every running run once, newest first, in pages.
    const seen: string[] = [];
    let token = '';
    do {
      const page = await platform.client.listRuns({ page_size: 40, page_token: token, status: 'RUN_STATUS_RUNNING' });
      seen.push(...page.runs.map((r) => r.run_id));
      token = page.next_page_token;
    } while (token);
    expect(seen).toEqual(runIds.filter((_, i) => (499 - i) % 4 === 0));
    const labelled = await platform.client.listRuns({ label: 'batch=tenth', domain: 'algebra', page_size: 1_000 });
    expect(labelled.runs.map((r) => r.run_id)).toEqual(runIds.filter((_, i) => (499 - i) % 10 === 0 && (499 - i) % 5 === 0));
  });

  it('keeps its metrics: calls by method and code, runs by status, the build version', async () => {
    const text = await (await fetch(`${platform.platform.healthUrl('gateway')}/metrics`)).text();
    expect(text).toMatch(/magpie_grpc_requests_total\{[^}]*method="ListRuns"[^}]*code="OK"[^}]*\} \d+/);
    expect(text).toMatch(/magpie_grpc_request_duration_seconds_bucket\{[^}]*method="GetRun"/);
    expect(text).toMatch(/magpie_runs\{[^}]*status="running"[^}]*\} 125/);
    expect(text).toMatch(/magpie_build_info\{[^}]*version="\d+\.\d+\.\d+[^"]*"[^}]*\} 1/);
    expect(text).toMatch(/magpie_grpc_active_streams/);
  });
});
