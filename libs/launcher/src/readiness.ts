import { request } from 'node:http';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createMagpieClient } from '@magpie/api';
import { ComponentNotReadyError } from './errors.js';

/** How to tell that a component is ready. */
export type Readiness =
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }
  | { readonly kind: 'http'; readonly url: string }
  | { readonly kind: 'grpc'; readonly address: string; readonly healthUrl: string };

/** True when something accepts a TCP connection on host:port within `timeoutMs`. */
export function probeTcp(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** True when GET `url` answers 200 within `timeoutMs`. */
export function probeHttpOk(url: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(false));
    req.end();
  });
}

/** True when a gRPC channel to `address` connects within `timeoutMs`. */
export async function probeGrpc(address: string, timeoutMs: number): Promise<boolean> {
  const client = createMagpieClient(address);
  try {
    await client.waitForReady(timeoutMs);
    return true;
  } catch {
    return false;
  } finally {
    client.close();
  }
}

/** One probe attempt for a readiness check. */
export async function probeOnce(readiness: Readiness, timeoutMs: number): Promise<boolean> {
  switch (readiness.kind) {
    case 'tcp':
      return probeTcp(readiness.host, readiness.port, timeoutMs);
    case 'http':
      return probeHttpOk(readiness.url, timeoutMs);
    case 'grpc':
      return (await probeHttpOk(readiness.healthUrl, timeoutMs)) && probeGrpc(readiness.address, timeoutMs);
  }
}

/** Where a readiness check looks, for messages. */
export function describeReadiness(readiness: Readiness): string {
  switch (readiness.kind) {
    case 'tcp':
      return `${readiness.host}:${readiness.port}`;
    case 'http':
      return readiness.url;
    case 'grpc':
      return `${readiness.address} (health ${readiness.healthUrl})`;
  }
}

export interface WaitUntilReadyOptions {
  readonly timeoutMs: number;
  /** Pause between attempts; default 200 ms. */
  readonly intervalMs?: number;
  /** Aborting stops waiting; the function then throws the abort reason. */
  readonly signal?: AbortSignal;
}

/**
 * Probes until the component is ready. Throws ComponentNotReadyError after `timeoutMs`, or the
 * signal's reason when it aborts.
 */
export async function waitUntilReady(readiness: Readiness, options: WaitUntilReadyOptions): Promise<void> {
  const giveUpAt = Date.now() + options.timeoutMs;
  const intervalMs = options.intervalMs ?? 200;
  for (;;) {
    options.signal?.throwIfAborted();
    const leftMs = giveUpAt - Date.now();
    if (leftMs <= 0) throw new ComponentNotReadyError(`${describeReadiness(readiness)} not ready after ${options.timeoutMs} ms`);
    if (await probeOnce(readiness, Math.min(leftMs, 2_000))) return;
    try {
      await sleep(Math.min(intervalMs, Math.max(giveUpAt - Date.now(), 0)), undefined, options.signal ? { signal: options.signal } : {});
    } catch (error) {
      // timers/promises rejects with a generic AbortError; callers expect the signal's own reason.
      options.signal?.throwIfAborted();
      throw error;
    }
  }
}
