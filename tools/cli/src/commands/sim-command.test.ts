import { Command, CommanderError } from 'commander';
import { createTranslator } from '../i18n/translator.js';
import { describe, expect, it } from 'vitest';
import { loadCliConfig } from '../config.js';
import { findFreePortRun } from '@magpie/launcher';
import { waitFor } from '@magpie/testing';
import type { CommandIo } from './command-io.js';
import { SIM_FLAGS, SimConfigSchema } from '@magpie/llm-sim';
import { defineSimCommand, executeSimCommand, simConfigFor, type SimCommandOptions } from './sim-command.js';

async function parseSim(argv: string[]): Promise<SimCommandOptions> {
  let received: SimCommandOptions | undefined;
  const command = defineSimCommand((options) => {
    received = options;
    return Promise.resolve();
  });
  command.exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  await new Command('magpie').addCommand(command).parseAsync(['sim', ...argv], { from: 'user' });
  if (received === undefined) throw new Error('action not called');
  return received;
}

/** A CommandIo that records output and lets the test send the signal. */
function fakeIo(): CommandIo & { lines: string[]; errors: string[]; interrupt: () => void } {
  const handlers = new Set<() => void>();
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    lines,
    errors,
    out: (line) => lines.push(line),
    err: (line) => errors.push(line),
    errStream: process.stderr,
    errIsTty: false,
    onSignals: (_signals, handler) => handlers.add(handler),
    offSignals: (_signals, handler) => handlers.delete(handler),
    exit: (code) => {
      throw new Error(`exit ${code}`);
    },
    interrupt: () => [...handlers].forEach((h) => h()),
    t: createTranslator('en'),
  };
}

describe('magpie sim arguments', () => {
  it('leaves every flag unset by default, so the SIM_* environment applies', async () => {
    expect(await parseSim([])).toEqual({});
    const config = simConfigFor({}, loadCliConfig({}));
    expect(config).toMatchObject({ SIM_PORT: 8000, SIM_REPLICAS: 1, SIM_MAX_NUM_SEQS: 256, SIM_TIME_SCALE: 1, SIM_SEED: 1234, SIM_ACCURACY: 0.8, SIM_REASONING_PARSER: false });
    expect(simConfigFor({}, loadCliConfig({ SIM_TIME_SCALE: '0', SIM_REPLICAS: '3' }))).toMatchObject({ SIM_TIME_SCALE: 0, SIM_REPLICAS: 3 });
  });

  it('maps every flag onto the simulator configuration, over the environment', async () => {
    const options = await parseSim([
      '--port', '18200', '--host', '0.0.0.0', '--replicas', '4', '--max-num-seqs', '8', '--time-scale', '100', '--seed', '7', '--accuracy', '0.6',
      '--reasoning-parser', 'deepseek_r1', '--error-rate', '0.1', '--hang-rate', '0.05', '--slow-rate', '0.1', '--slow-factor', '3',
      '--malformed-rate', '0.05', '--reset-rate', '0.05', '--empty-rate', '0.2',
    ]);
    expect(simConfigFor(options, loadCliConfig({ SIM_PORT: '9000', SIM_TIME_SCALE: '5' }))).toMatchObject({
      SIM_PORT: 18200,
      SIM_HOST: '0.0.0.0',
      SIM_REPLICAS: 4,
      SIM_MAX_NUM_SEQS: 8,
      SIM_TIME_SCALE: 100,
      SIM_SEED: 7,
      SIM_ACCURACY: 0.6,
      SIM_REASONING_PARSER: true,
      SIM_ERROR_RATE: 0.1,
      SIM_HANG_RATE: 0.05,
      SIM_SLOW_RATE: 0.1,
      SIM_SLOW_FACTOR: 3,
      SIM_MALFORMED_RATE: 0.05,
      SIM_RESET_RATE: 0.05,
      SIM_EMPTY_RATE: 0.2,
    });
    expect(simConfigFor(await parseSim(['--reasoning-parser']), loadCliConfig({})).SIM_REASONING_PARSER).toBe(true);
  });

  it('has one flag for every SIM_* variable, and maps the realistic-profile flags', async () => {
    const variables = Object.keys(SimConfigSchema.shape).filter((k) => k.startsWith('SIM_'));
    expect(SIM_FLAGS.map((f) => f.env).sort()).toEqual(variables.sort());
    const options = await parseSim([
      '--profile', 'ideal', '--off-domain-rate', '0.2', '--non-math-rate', '0.1', '--difficulty-mix', '0,1,1,1,0', '--reward-auroc', '0.8',
      '--truncation-share', '0.1', '--skill-shift', '-0.5', '--prefix-cache', 'off', '--decode-base-ms', '30', '--delay-ms', '5',
    ]);
    expect(simConfigFor(options, loadCliConfig({}))).toMatchObject({
      SIM_PROFILE: 'ideal',
      SIM_OFF_DOMAIN_RATE: 0.2,
      SIM_NON_MATH_RATE: 0.1,
      SIM_DIFFICULTY_MIX: [0, 1, 1, 1, 0],
      SIM_REWARD_AUROC: 0.8,
      SIM_TRUNCATION_SHARE: 0.1,
      SIM_SKILL_SHIFT: -0.5,
      SIM_PREFIX_CACHE: false,
      SIM_DECODE_BASE_MS: 30,
      SIM_DELAY_MS: 5,
    });
    expect(simConfigFor({}, loadCliConfig({})).SIM_PROFILE).toBe('realistic');
    expect(simConfigFor(await parseSim(['--prefix-cache']), loadCliConfig({})).SIM_PREFIX_CACHE).toBe(true);
  });

  it('names the variable when a realistic setting is invalid', async () => {
    const io = fakeIo();
    expect(await executeSimCommand(await parseSim(['--difficulty-mix', '1,2']), loadCliConfig({}), io)).toBe(1);
    expect(io.errors.join('\n')).toMatch(/SIM_DIFFICULTY_MIX/);
  });

  it.each([['--profile', 'perfect'], ['--error-rate', '1.5'], ['--replicas', '0'], ['--time-scale', '-1'], ['--port', 'x'], ['--slow-factor', '0.5'], ['--bogus', '1']])('rejects %s %s', async (flag, value) => {
    const error: unknown = await parseSim([flag, value]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommanderError);
  });

  it('refuses fault rates that add up to more than 1', async () => {
    const io = fakeIo();
    expect(await executeSimCommand({ errorRate: 0.6, resetRate: 0.6 }, loadCliConfig({}), io)).toBe(1);
    expect(io.errors.join('\n')).toMatch(/at most 1/);
  });
});

describe('magpie sim', () => {
  it('serves replicas on consecutive ports, prints their URLs and stops them all on Ctrl-C', async () => {
    const io = fakeIo();
    const port = await findFreePortRun(2);
    const running = executeSimCommand({ port, replicas: 2, timeScale: 0 }, loadCliConfig({}), io);
    await waitFor('the replicas', () => io.lines.some((l) => l.includes('Ctrl-C')) || io.errors.length > 0, 20_000, 20);
    expect(io.errors).toEqual([]);
    expect(io.lines.filter((l) => l.startsWith('replica '))).toHaveLength(2);
    expect(io.lines[1]).toContain(`http://127.0.0.1:${port + 1}`);
    for (const p of [port, port + 1]) expect((await fetch(`http://127.0.0.1:${p}/health`)).status).toBe(200);
    io.interrupt();
    expect(await running).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  });
});
