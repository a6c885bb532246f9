import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_DIR, loadCatalog } from './load-catalog.js';
import { matchRewardConversation, renderRewardConversation } from './render-reward-conversation.js';
import type { RewardConversation } from './reward-conversation.js';

const SKYWORK = 'Skywork/Skywork-Reward-Llama-3.1-8B-v0.2';

function skyworkConversation(): RewardConversation {
  const entry = loadCatalog(DEFAULT_CONFIG_DIR).models.getReward(SKYWORK);
  if (entry.api !== 'classify') throw new Error(`${SKYWORK} is not a /classify model`);
  return entry.conversation;
}

/** A config dir with the shipped files and the Skywork entry's conversation replaced. */
function withConversation(conversation: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-rm-'));
  for (const file of ['domains.json', 'presets.json']) copyFileSync(join(DEFAULT_CONFIG_DIR, file), join(dir, file));
  const models = JSON.parse(readFileSync(join(DEFAULT_CONFIG_DIR, 'models.json'), 'utf8')) as { rewardModels: Record<string, unknown>[] };
  const entry = models.rewardModels.find((r) => r.id === SKYWORK);
  if (!entry) throw new Error(`${SKYWORK} is not in the shipped models.json`);
  entry.conversation = conversation;
  writeFileSync(join(dir, 'models.json'), JSON.stringify(models));
  return dir;
}

describe('renderRewardConversation', () => {
  // Written by hand from the Llama-3 turn format (Skywork's notes in configs/models.json), not from the config.
  it("renders Skywork's Llama-3 turns with one BOS, trimmed content, and tells vLLM to add none", () => {
    const rendered = renderRewardConversation(skyworkConversation(), '  What is 2+2?\n', '\nIt is $\\boxed{4}$.  ');
    expect(rendered).toEqual({
      text: '<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nWhat is 2+2?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nIt is $\\boxed{4}$.<|eot_id|>',
      addSpecialTokens: false,
    });
  });

  it("keeps `$&` and `$'` in the text as written (no replacement patterns)", () => {
    const c: RewardConversation = { template: '<U>{instruction}<A>{response}<E>', bosToken: null, trimContent: false };
    expect(renderRewardConversation(c, "cost $& and $'", ' $1 ')).toEqual({ text: "<U>cost $& and $'<A> $1 <E>", addSpecialTokens: true });
  });

  it('round-trips through matchRewardConversation and refuses other text', () => {
    const c = skyworkConversation();
    const pair = { instruction: 'Solve x + 1 = 3.', response: 'So x = 2, i.e. $\\boxed{2}$.' };
    expect(matchRewardConversation(c, renderRewardConversation(c, pair.instruction, pair.response).text)).toEqual(pair);
    expect(matchRewardConversation(c, renderRewardConversation(c, 'Q', '').text)).toEqual({ instruction: 'Q', response: '' });
    expect(matchRewardConversation(c, 'Solve x + 1 = 3.')).toBeUndefined();
    expect(matchRewardConversation(c, '<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nQ<|eot_id|>')).toBeUndefined();
  });
});

describe('the catalog validates a conversation template at load', () => {
  const base = { bosToken: null, trimContent: true };

  it('accepts the shipped one', () => {
    expect(skyworkConversation().bosToken).toBe('<|begin_of_text|>');
  });

  it.each([
    ['no {response}', { ...base, template: 'U {instruction} A' }, /conversation\.template: must contain \{response\} exactly once/],
    ['{instruction} twice', { ...base, template: '{instruction} {instruction} {response}' }, /conversation\.template: must contain \{instruction\} exactly once/],
    ['the response first', { ...base, template: '{response} {instruction}' }, /conversation\.template: \{instruction\} must come first/],
    ['nothing between the two', { ...base, template: 'U {instruction}{response}' }, /conversation\.template: \{instruction\} must come first, with text between/],
    ['a BOS the template lacks', { ...base, template: 'U {instruction} A {response}', bosToken: '<s>' }, /conversation\.bosToken: the template must begin with bosToken/],
    ['an unknown field', { ...base, template: 'U {instruction} A {response}', addBos: true }, /conversation/],
  ])('refuses %s', (_name, conversation, message) => {
    expect(() => loadCatalog(withConversation(conversation))).toThrow(message);
  });

  it('requires one on a /classify reward model', () => {
    expect(() => loadCatalog(withConversation(undefined))).toThrow(/rewardModels\.1\.conversation/);
  });
});
