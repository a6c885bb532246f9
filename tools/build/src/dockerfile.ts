import { readFileSync } from 'node:fs';

/** Thrown when a Dockerfile cannot be read as the image emulation needs it. */
export class DockerfileError extends Error {
  override readonly name = 'DockerfileError';
}

/** One instruction: its keyword (upper case) and the rest of its (joined) lines. */
export interface DockerInstruction {
  readonly keyword: string;
  readonly args: string;
}

/** One stage: `FROM <image> [AS <name>]` and its instructions. */
export interface DockerStage {
  readonly image: string;
  readonly name: string | undefined;
  readonly instructions: readonly DockerInstruction[];
}

/** Instructions in order, comments and parser directives dropped, `\` continuations joined. */
export function parseInstructions(text: string): DockerInstruction[] {
  const instructions: DockerInstruction[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) continue;
    if (pending !== '' && line.startsWith('#')) continue;
    const continued = line.endsWith('\\');
    pending += `${continued ? line.slice(0, -1) : line} `;
    if (continued) continue;
    const [keyword = '', ...rest] = pending.trim().split(/\s+/);
    instructions.push({ keyword: keyword.toUpperCase(), args: rest.join(' ') });
    pending = '';
  }
  return instructions;
}

/** The stages of a Dockerfile, in order. Throws DockerfileError when it has none. */
export function parseDockerfile(path: string): DockerStage[] {
  const stages: { image: string; name: string | undefined; instructions: DockerInstruction[] }[] = [];
  for (const instruction of parseInstructions(readFileSync(path, 'utf8'))) {
    if (instruction.keyword === 'FROM') {
      const [image = '', as, name] = instruction.args.split(' ');
      stages.push({ image, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else {
      const stage = stages.at(-1);
      if (!stage) throw new DockerfileError(`${path}: ${instruction.keyword} before any FROM`);
      stage.instructions.push(instruction);
    }
  }
  if (stages.length === 0) throw new DockerfileError(`${path}: no FROM`);
  return stages;
}

/** `ENV A=1 B="x y"` → { A: '1', B: 'x y' }; the legacy `ENV A 1` form too. */
export function parseEnv(args: string): Record<string, string> {
  if (!args.includes('=')) {
    const [name = '', ...value] = args.split(' ');
    return { [name]: value.join(' ') };
  }
  const env: Record<string, string> = {};
  for (const match of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|\S*)/g)) {
    const [, name = '', value = ''] = match;
    env[name] = value.startsWith('"') ? (JSON.parse(value) as string) : value;
  }
  return env;
}

/** A JSON-form (exec form) instruction's argv; throws DockerfileError for the shell form. */
export function execForm(instruction: DockerInstruction): string[] {
  try {
    const argv: unknown = JSON.parse(instruction.args);
    if (Array.isArray(argv) && argv.every((a) => typeof a === 'string')) return argv;
  } catch {
    // reported below
  }
  throw new DockerfileError(`${instruction.keyword} must use the exec (JSON array) form, got: ${instruction.args}`);
}
