import { rmSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

/** What `<state-dir>/up.json` records about a running `magpie up`. */
export interface UpState {
  /** The supervisor's pid. */
  readonly pid: number;
  readonly started_at: string;
  readonly gateway: string;
  readonly components: readonly {
    readonly name: string;
    readonly pid: number;
    readonly ports: Readonly<Record<string, number>>;
    readonly log: string;
  }[];
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

/** Removes up.json; no error when it is already gone. */
export function removeUpState(stateDir: string): void {
  rmSync(upStatePath(stateDir), { force: true });
}
