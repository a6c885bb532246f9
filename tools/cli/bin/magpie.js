#!/usr/bin/env node
// The magpie command. Runs the compiled CLI of `npm run build` (dist/magpie.js) when that build is
// current, i.e. none of the files it was built from changed since (build-info.json records their
// modification times; checking them costs a few milliseconds): it starts several times faster than
// the TypeScript sources, which it runs through tsx otherwise.
import { readFileSync, statSync } from 'node:fs';
import module from 'node:module';

// Node ≥ 22.1 keeps the compiled code of the modules it loads (under the temp folder), so every
// start after the first skips most of the compiling; Node 20 has no such cache.
module.enableCompileCache?.();

const repoRoot = new URL('../../../', import.meta.url);
const dist = new URL('dist/', repoRoot);

function currentBuild() {
  let info;
  try {
    info = JSON.parse(readFileSync(new URL('build-info.json', dist), 'utf8'));
  } catch {
    return false;
  }
  for (const [file, mtimeMs] of Object.entries(info.sources ?? {})) {
    try {
      if (statSync(new URL(file, repoRoot)).mtimeMs !== mtimeMs) return false;
    } catch {
      return false;
    }
  }
  return Object.keys(info.sources ?? {}).length > 0;
}

if (currentBuild()) {
  await import(new URL('magpie.js', dist).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
