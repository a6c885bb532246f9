import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import dockerignore from '@balena/dockerignore';
import { buildPlatform, type BuildResult } from './build-platform.js';
import { DockerfileError, execForm, parseDockerfile, parseEnv, type DockerStage } from './dockerfile.js';

/** The platform image's Dockerfile, relative to the repository root (the build context). */
export const PLATFORM_DOCKERFILE = 'deploy/Dockerfile';

/** The files of a build context: the repository's (tracked and untracked, not git-ignored) that `.dockerignore` lets through. */
export function dockerContextFiles(repoRoot: string): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  // A CommonJS module whose typings declare an ES default export: the factory is also its `default`.
  const rules = dockerignore.default().add(readFileSync(join(repoRoot, '.dockerignore'), 'utf8'));
  return [...new Set(listed.split('\0'))].filter((file) => file !== '' && existsSync(join(repoRoot, file)) && !rules.ignores(file)).sort();
}

/**
 * Fills `context/node_modules` as the build stage's `npm ci` would, from the repository's installed
 * packages (CI has no network to install them again): each third-party package is a link to the
 * repository's copy, each workspace package a link to the context's own folder of it.
 */
function linkInstalledPackages(repoRoot: string, context: string): void {
  const lock = JSON.parse(readFileSync(join(context, 'package-lock.json'), 'utf8')) as { packages: Record<string, { link?: boolean; resolved?: string }> };
  const modules = join(context, 'node_modules');
  for (const entry of readdirSync(join(repoRoot, 'node_modules'), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const names = entry.name.startsWith('@') ? readdirSync(join(repoRoot, 'node_modules', entry.name)).map((n) => `${entry.name}/${n}`) : [entry.name];
    for (const name of names) {
      const locked = lock.packages[`node_modules/${name}`];
      const target = locked?.link === true && locked.resolved !== undefined ? join(context, locked.resolved) : join(repoRoot, 'node_modules', name);
      mkdirSync(dirname(join(modules, name)), { recursive: true });
      symlinkSync(target, join(modules, name), 'dir');
    }
  }
}

/** The platform image as it would be built, without a container runtime. */
export interface EmulatedImage {
  /** The final stage's base image, e.g. `node:22.22.2-bookworm-slim`. */
  readonly baseImage: string;
  /** The files of the build context (relative to the repository root). */
  readonly contextFiles: readonly string[];
  /** The build stage's `npm run build`, run on the context. */
  readonly build: BuildResult;
  /** A folder holding exactly what the final stage puts in its WORKDIR. */
  readonly root: string;
  /** The final stage's WORKDIR (the image's `/app`). */
  readonly workdir: string;
  /** The final stage's ENV. */
  readonly env: Readonly<Record<string, string>>;
  readonly uid: number;
  readonly gid: number;
  /** The ENTRYPOINT, exec form, run in `workdir`. */
  readonly entrypoint: readonly string[];
}

function workdirOf(stage: DockerStage): string {
  const workdir = stage.instructions.filter((i) => i.keyword === 'WORKDIR').at(-1)?.args;
  if (workdir === undefined) throw new DockerfileError(`stage ${stage.name ?? stage.image} has no WORKDIR`);
  return workdir;
}

/**
 * The platform image of `deploy/Dockerfile`, emulated in `workDir`: the build context (.dockerignore
 * applied), the build stage's install (linked from the repository) and `npm run build`, then the
 * final stage's contents (its one `COPY --from=<build stage>` of the build output into WORKDIR),
 * environment, user and entrypoint. Throws DockerfileError when the Dockerfile does not have that
 * shape, and what buildPlatform throws.
 */
export async function emulatePlatformImage(repoRoot: string, workDir: string): Promise<EmulatedImage> {
  const stages = parseDockerfile(join(repoRoot, PLATFORM_DOCKERFILE));
  const final = stages.at(-1) as DockerStage;
  const copies = final.instructions.filter((i) => i.keyword === 'COPY');
  const fromBuild = copies.length === 1 ? /^--from=(\S+)\s+(\S+)\s+(\S+)$/.exec(copies[0]?.args ?? '') : null;
  if (!fromBuild) throw new DockerfileError('the final stage must hold one COPY --from=<build stage> <build output> <WORKDIR>, and nothing else');
  const [, stageName, source = '', target] = fromBuild;
  const buildStage = stages.find((s) => s.name === stageName);
  if (!buildStage) throw new DockerfileError(`COPY --from=${stageName ?? ''}: no stage of that name`);
  const workdir = workdirOf(final);
  if (target !== workdir) throw new DockerfileError(`the build output is copied to ${target ?? ''}, not to the WORKDIR ${workdir}`);
  if (!buildStage.instructions.some((i) => i.keyword === 'RUN' && i.args.includes('npm ci') && i.args.includes('npm run build'))) {
    throw new DockerfileError(`stage ${stageName ?? ''} must RUN npm ci and npm run build`);
  }
  const outputFolder = posix.relative(workdirOf(buildStage), source);

  const contextFiles = dockerContextFiles(repoRoot);
  const context = join(workDir, 'context');
  for (const file of contextFiles) {
    mkdirSync(dirname(join(context, file)), { recursive: true });
    copyFileSync(join(repoRoot, file), join(context, file));
  }
  linkInstalledPackages(repoRoot, context);
  const build = await buildPlatform({ repoRoot: context, outDir: join(context, outputFolder) });

  const user = final.instructions.filter((i) => i.keyword === 'USER').at(-1)?.args ?? '';
  const [uid = Number.NaN, gid = uid] = user.split(':').map(Number);
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new DockerfileError(`USER must be numeric (uid[:gid]), got "${user}"`);
  const entrypoint = final.instructions.filter((i) => i.keyword === 'ENTRYPOINT').at(-1);
  if (!entrypoint) throw new DockerfileError('the final stage has no ENTRYPOINT');
  return {
    baseImage: final.image,
    contextFiles,
    build,
    root: build.outDir,
    workdir,
    env: Object.assign({}, ...final.instructions.filter((i) => i.keyword === 'ENV').map((i) => parseEnv(i.args))) as Record<string, string>,
    uid,
    gid,
    entrypoint: execForm(entrypoint),
  };
}
