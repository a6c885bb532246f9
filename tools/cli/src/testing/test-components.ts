import { join } from 'node:path';
import type { ComponentSpec } from '@magpie/launcher';

// Test-only: tiny `node -e` components that behave like platform services.

const SERVICE_SCRIPT = `
const http = require('node:http');
const fs = require('node:fs');
const { NAME, PORT, ORDER_FILE, READY_AFTER_MS, EXIT_AFTER_MS, EXIT_AFTER_READY_MS, EXIT_CODE } = process.env;
process.on('SIGTERM', () => {
  fs.appendFileSync(ORDER_FILE, NAME + '\\n');
  process.exit(0);
});
if (EXIT_AFTER_MS) setTimeout(() => process.exit(Number(EXIT_CODE)), Number(EXIT_AFTER_MS));
setTimeout(() => {
  let probed = false;
  http.createServer((req, res) => {
    // Counted from the first answered probe, so the parent has seen it ready whatever the load.
    if (req.url === '/healthz' && !probed && EXIT_AFTER_READY_MS) setTimeout(() => process.exit(Number(EXIT_CODE)), Number(EXIT_AFTER_READY_MS));
    if (req.url === '/healthz') probed = true;
    res.writeHead(req.url === '/healthz' ? 200 : 404).end();
  }).listen(Number(PORT), '127.0.0.1');
  console.log(NAME + ' listening on ' + PORT);
}, Number(READY_AFTER_MS || 0));
setInterval(() => {}, 1000);
`;

export interface TestComponentOptions {
  readonly name: string;
  readonly port: number;
  readonly dir: string;
  readonly readyAfterMs?: number;
  /** Exit on its own this long after starting, with `exitCode` (before it is ready, when readyAfterMs is longer). */
  readonly exitAfterMs?: number;
  /** Exit on its own this long after its first /healthz answer, with `exitCode`: a crash once it was seen ready. */
  readonly exitAfterReadyMs?: number;
  readonly exitCode?: number;
  /** SIGTERM → SIGKILL; 2 s by default. */
  readonly stopGraceMs?: number;
}

/** A component that serves /healthz on `port` and appends its name to `<dir>/stop-order` on SIGTERM. */
export function testComponent(options: TestComponentOptions): ComponentSpec {
  return {
    name: options.name,
    command: process.execPath,
    args: ['-e', SERVICE_SCRIPT],
    cwd: options.dir,
    logPath: join(options.dir, 'logs', `${options.name}.log`),
    env: {
      NAME: options.name,
      PORT: String(options.port),
      ORDER_FILE: join(options.dir, 'stop-order'),
      READY_AFTER_MS: String(options.readyAfterMs ?? 0),
      EXIT_AFTER_MS: options.exitAfterMs === undefined ? '' : String(options.exitAfterMs),
      EXIT_AFTER_READY_MS: options.exitAfterReadyMs === undefined ? '' : String(options.exitAfterReadyMs),
      EXIT_CODE: String(options.exitCode ?? 0),
    },
    readiness: { kind: 'http', url: `http://127.0.0.1:${options.port}/healthz` },
    ports: { health: options.port },
    stopGraceMs: options.stopGraceMs ?? 2_000,
  };
}
