import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { platformRoot } from '@magpie/config';
import { NODE_COMPONENTS, buildEntryFile } from '@magpie/launcher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv, parseInstructions } from './dockerfile.js';
import { emulatePlatformImage, type EmulatedImage } from './image-emulation.js';

const REPO_ROOT = platformRoot(import.meta.url);

function filesUnder(dir: string, base = ''): string[] {
  return readdirSync(join(dir, base), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(dir, join(base, e.name)) : [join(base, e.name)]));
}

// No container runtime here: deploy/Dockerfile's stages are read and carried out on the files
// themselves (the context as .dockerignore leaves it, npm run build on it, the final COPY).
describe('the platform image (deploy/Dockerfile, emulated without Docker)', () => {
  const work = mkdtempSync(join(tmpdir(), 'magpie-image-'));
  let image: EmulatedImage;

  beforeAll(async () => {
    image = await emulatePlatformImage(REPO_ROOT, work);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('builds from a context without tests, the Python reward server or local state', () => {
    const offending = image.contextFiles.filter(
      (f) => f.endsWith('.test.ts') || f.startsWith('test/e2e/') || f.startsWith('services/reward-server/src/') || /^(node_modules|dist|\.magpie|\.git)\//.test(f),
    );
    expect(offending).toEqual([]);
    expect(image.contextFiles).toEqual(expect.arrayContaining(['package-lock.json', 'services/reward-server/package.json', 'proto/magpie/v1/magpie.proto']));
  });

  it('holds only the build output: bundles, proto, configs and vendored protos, no node_modules, no TypeScript', () => {
    const files = filesUnder(image.root);
    for (const component of NODE_COMPONENTS) expect(files).toContain(buildEntryFile(component));
    expect(files.filter((f) => f.includes('node_modules') || f.endsWith('.ts') || f.includes('.test.'))).toEqual([]);
    const bytes = image.build.totalBytes;
    console.log(`image contents on ${image.baseImage}: ${files.length} files, ${(bytes / 1024 / 1024).toFixed(2)} MiB in ${image.workdir}`);
    expect(bytes).toBeLessThan(20 * 1024 * 1024);
  });

  it('runs Node 22 LTS as a numeric non-root user in production mode, writing only to /tmp', () => {
    expect(image.baseImage).toMatch(/^node:22\.\d+\.\d+-/);
    expect([image.uid, image.gid]).toEqual([10001, 10001]);
    expect(image.env).toMatchObject({ NODE_ENV: 'production', HOME: '/tmp', TMPDIR: '/tmp' });
    expect(image.entrypoint.slice(0, 2)).toEqual(['sh', '-c']);
    for (const service of ['gateway', 'generator', 'solver', 'sampler', 'reward', 'llm-sim']) expect(image.entrypoint[2]).toContain(service);
  });
});

describe('Dockerfile reading', () => {
  it('joins continued lines and drops comments', () => {
    expect(parseInstructions('# c\nFROM a AS b\nRUN x \\\n  # inside\n && y\nENV A=1 \\\n    B="two words"\n')).toEqual([
      { keyword: 'FROM', args: 'a AS b' },
      { keyword: 'RUN', args: 'x && y' },
      { keyword: 'ENV', args: 'A=1 B="two words"' },
    ]);
    expect(parseEnv('A=1 B="two words" C=')).toEqual({ A: '1', B: 'two words', C: '' });
    expect(parseEnv('LEGACY some value')).toEqual({ LEGACY: 'some value' });
  });
});
