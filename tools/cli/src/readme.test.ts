import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCliProgram } from './cli-program.js';
import { loadCliConfig } from './config.js';
import { ExitCode } from './exit-codes.js';
import { fakeIo } from './testing/fake-io.js';

const README = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');

/** The rows of the first Markdown table after `heading`, as cells. */
function tableAfter(heading: string): string[][] {
  const start = README.indexOf(`\n${heading}\n`);
  expect(start, heading).toBeGreaterThan(-1);
  const lines = README.slice(start + heading.length + 2).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows = [];
  for (const line of lines.slice(first)) {
    if (!line.startsWith('|')) break;
    rows.push(line.split('|').slice(1, -1).map((c) => c.trim()));
  }
  return rows.slice(2);
}

describe('tools/cli/README.md', () => {
  it('has the exit-code table of the code', () => {
    const documented = tableAfter('## Exit codes').map(([code]) => Number(code));
    expect(documented).toEqual(Object.values(ExitCode).sort((a, b) => a - b));
  });

  it('documents every command and subcommand the CLI has', async () => {
    const program = await createCliProgram({ config: loadCliConfig({}), io: fakeIo(), version: '0.0.0', setExitCode: () => undefined });
    const commands = program.commands.map((c) => c.name());
    expect(commands.length).toBeGreaterThan(10);
    for (const name of commands) {
      expect(README, `a "## magpie ${name}" section`).toContain(`\n## magpie ${name}\n`);
      expect(README, `a row for magpie ${name} in the command table`).toContain(`[\`magpie ${name}\`](#magpie-${name})`);
      for (const sub of program.commands.find((c) => c.name() === name)?.commands ?? []) {
        expect(README, `magpie ${name} ${sub.name()}`).toContain(`magpie ${name} ${sub.name()}`);
      }
    }
  });
});
