import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const COMMAND_IO = fileURLToPath(new URL('./command-io.ts', import.meta.url));

/** A child that writes 200 lines with `write` half a second after start, into a pipe whose reader has already gone. */
async function writeIntoClosedPipe(setup: string, write: string): Promise<{ status: string; stderr: string }> {
  const script = `${setup}; setTimeout(() => { for (let i = 0; i < 200; i++) ${write}; }, 500);`;
  const { stdout, stderr } = await exec('bash', ['-c', 'node --import tsx --input-type=module -e "$SCRIPT" | true; echo "status ${PIPESTATUS[0]}"'], {
    env: { ...process.env, SCRIPT: script },
  });
  return { status: stdout.trim(), stderr };
}

describe('processIo', () => {
  it('ends quietly with exit code 0 when the reader of stdout has gone (magpie models list | head)', async () => {
    const { status, stderr } = await writeIntoClosedPipe(`import { processIo } from ${JSON.stringify(COMMAND_IO)}; const io = processIo()`, "io.out('line ' + i)");
    expect(status).toBe('status 0');
    expect(stderr).not.toMatch(/EPIPE|Error/);
  });

  it('where a bare process.stdout.write dies with EPIPE', async () => {
    const { status, stderr } = await writeIntoClosedPipe('', "process.stdout.write('line ' + i + '\\n')");
    expect(status).toBe('status 1');
    expect(stderr).toContain('EPIPE');
  });
});
