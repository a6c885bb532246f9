import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import * as grpc from '@grpc/grpc-js';
import { loadMagpieProto, type MagpieServiceHandlers } from '@magpie/api';
import { REPO_ROOT } from '@magpie/testing';

// `npm run bench:cli-start [-- --runs 10]`: how long `magpie run …` takes from the moment its
// process is launched until its StartRun reaches a gateway. The gateway is a gRPC stand-in with
// the real proto that notes the arrival time and refuses the run, so the CLI exits at once and
// each launch measures only the CLI's start. A benchmark, not a test: it asserts nothing. Run
// `npm run build` first, or the first two lines measure the sources too.
const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' } } });
const runs = Number(values.runs);

interface Arrival {
  resolve: (atMs: number) => void;
}
let waiting: Arrival | undefined;

const { service } = loadMagpieProto();
const refuse = (_call: unknown, callback: grpc.sendUnaryData<never>): void =>
  callback({ code: grpc.status.FAILED_PRECONDITION, details: 'start-time stand-in' }, null);
const handlers: Partial<MagpieServiceHandlers> = {
  StartRun: (_call, callback) => {
    waiting?.resolve(performance.now());
    refuse(_call, callback);
  },
};
const server = new grpc.Server();
server.addService(service, handlers as grpc.UntypedServiceImplementation);
const port = await new Promise<number>((resolve, reject) =>
  server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, bound) => (err ? reject(err) : resolve(bound))),
);

const out = mkdtempSync(join(tmpdir(), 'magpie-cli-start-'));
const runArgs = ['run', '--domain', 'algebra', '--count', '1', '--gateway', `127.0.0.1:${port}`, '--out', out];
// The bin runs dist/magpie.js while `npm run build` is current; the sources line is what it ran
// before there was a build (and runs again whenever the build is stale), measured under the same load.
const variants: { name: string; command: string; args: string[] }[] = [
  { name: 'node tools/cli/bin/magpie.js run …', command: process.execPath, args: [join(REPO_ROOT, 'tools/cli/bin/magpie.js'), ...runArgs] },
  { name: 'npx magpie run …', command: 'npx', args: ['magpie', ...runArgs] },
  { name: 'sources: node --import tsx …/main.ts', command: process.execPath, args: ['--import', 'tsx', join(REPO_ROOT, 'tools/cli/src/main.ts'), ...runArgs] },
];

/** Milliseconds from spawn until StartRun arrives; the child is then left to exit on its own. */
async function once(command: string, args: string[]): Promise<number> {
  const arrived = new Promise<number>((resolve) => {
    waiting = { resolve };
  });
  const startedAt = performance.now();
  const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const result = await Promise.race([arrived, exited.then((code) => Promise.reject(new Error(`exited ${code} before StartRun: ${stderr}`)))]);
  await exited;
  return result - startedAt;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

console.log(`${'command'.padEnd(38)}  ${'median ms'.padStart(9)}  ${'min'.padStart(6)}  ${'max'.padStart(6)}  (${runs} launches each, first launch discarded)`);
for (const variant of variants) {
  await once(variant.command, variant.args); // warms the file cache
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await once(variant.command, variant.args));
  const fmt = (n: number): string => n.toFixed(0).padStart(6);
  console.log(`${variant.name.padEnd(38)}  ${median(times).toFixed(0).padStart(9)}  ${fmt(Math.min(...times))}  ${fmt(Math.max(...times))}`);
}
server.forceShutdown();
rmSync(out, { recursive: true, force: true });
