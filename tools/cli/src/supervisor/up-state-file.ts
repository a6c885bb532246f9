import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readiness } from '@magpie/launcher';

/** One component of a running `magpie up`, as up.json records it. */
export interface UpComponentState {
  readonly name: string;
  /** The current process; it changes on every restart. */
  readonly pid: number;
  readonly ports: Readonly<Record<string, number>>;
  readonly log: string;
  /** How `magpie status` checks it: the same probe `magpie up` waits on. */
  readonly health: Readiness;
  /** Restarts after unexpected exits so far. */
  readonly restarts: number;
  /** `restarting` while a crashed component waits out its backoff or becomes ready again. */
  readonly state: 'running' | 'restarting';
}

/** What `<state-dir>/up.json` records about a running `magpie up`; rewritten on every change. */
export interface UpState {
  /** The supervisor's pid. */
  readonly pid: number;
  readonly started_at: string;
  readonly gateway: string;
  readonly components: readonly UpComponentState[];
}

export function upStatePath(stateDir: string): string {
  return join(stateDir, 'up.json');
}

/** Replaces up.json atomically, so a reader never sees half a file. */
export function writeUpState(stateDir: string, state: UpState): void {
  const path = upStatePath(stateDir);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(state, null, 2)}\n`, 'utf8');
  renameSync(`${path}.tmp`, path);
}

/** Reads up.json; undefined when there is none (no `magpie up` has it open). */
export function readUpState(stateDir: string): UpState | undefined {
  let text: string;
  try {
    text = readFileSync(upStatePath(stateDir), 'utf8');
  } catch {
    return undefined;
  }
  return JSON.parse(text) as UpState;
}

/** Removes up.json; no error when it is already gone. */
export function removeUpState(stateDir: string): void {
  rmSync(upStatePath(stateDir), { force: true });
}
