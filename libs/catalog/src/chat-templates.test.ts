import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_DIR, loadCatalog } from './load-catalog.js';
import { matchPreQuery, renderPreQuery } from './render-pre-query.js';

/**
 * What each model's real chat format gives for a conversation that is about to start a user turn:
 * `bare` without a system message, `sys` with the system message "SYS". Written by hand from the
 * models' Jinja chat templates (tokenizer_config.json), not from configs/, so a wrong config
 * template fails here. Where upstream Magpie deliberately deviates from the Jinja output, the
 * expectation is upstream's string and the comment says how the Jinja output differs.
 */
interface Expected {
  readonly bare: string;
  readonly sys: string;
  /** False when the prompt already holds the BOS text, so vLLM must not add a second one. */
  readonly addSpecialTokens: boolean;
}

// R1 / R1-Distill / R1-0528: {{bos_token}}{{system}} then '<｜User｜>' + content.
const R1: Expected = {
  bare: '<｜begin▁of▁sentence｜><｜User｜>',
  sys: '<｜begin▁of▁sentence｜>SYS<｜User｜>',
  addSpecialTokens: false,
};
// Llama-3/3.1/3.3 headers. (3.1/3.3 Jinja also writes a "Cutting Knowledge Date" system block; Magpie does not.)
const LLAMA3: Expected = {
  bare: '<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\n',
  sys: '<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nSYS<|eot_id|><|start_header_id|>user<|end_header_id|>\n\n',
  addSpecialTokens: false,
};
// ChatML without BOS. (Qwen2's Jinja adds a default "You are a helpful assistant." system turn; upstream Magpie omits it.)
const QWEN2: Expected = {
  bare: '<|im_start|>user\n',
  sys: '<|im_start|>system\nSYS<|im_end|>\n<|im_start|>user\n',
  addSpecialTokens: true,
};
// ChatML with Qwen2.5's default system turn (Magpie issue #28).
const QWEN25: Expected = {
  bare: '<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\n<|im_start|>user\n',
  sys: '<|im_start|>system\nSYS<|im_end|>\n<|im_start|>user\n',
  addSpecialTokens: true,
};
// Gemma-2: no system role. (Upstream Magpie's bare template has "\n\n" where the Jinja writes one "\n".)
const GEMMA2: Expected = {
  bare: '<bos><start_of_turn>user\n\n',
  sys: '<bos><start_of_turn>user\nSYS\n\n',
  addSpecialTokens: false,
};
// Gemma-3: no system role; the Jinja prepends system + "\n\n" to the first user turn.
const GEMMA3: Expected = {
  bare: '<bos><start_of_turn>user\n',
  sys: '<bos><start_of_turn>user\nSYS\n\n',
  addSpecialTokens: false,
};
// Phi-3-mini/medium: no system role in their template. (Upstream Magpie writes "<s> " with a space.)
const PHI3: Expected = {
  bare: '<s> <|user|>\n',
  sys: '<s> <|user|>\nSYS\n\n',
  addSpecialTokens: false,
};
// Phi-3.5-mini: '<|system|>\n' + content + '<|end|>\n'.
const PHI35: Expected = {
  bare: '<s> <|user|>\n',
  sys: '<s> <|system|>\nSYS<|end|>\n<|user|>\n',
  addSpecialTokens: false,
};
// Phi-3-small: BOS is <|endoftext|>, then '<|' + role + '|>\n' + content + '<|end|>\n'.
const PHI3_SMALL: Expected = {
  bare: '<|endoftext|><|user|>\n',
  sys: '<|endoftext|><|system|>\nSYS<|end|>\n<|user|>\n',
  addSpecialTokens: false,
};
// Mistral v0.3: '[INST] ' + system + '\n\n' + content. (Upstream Magpie writes "<s> " with a space.)
const MISTRAL: Expected = {
  bare: '<s> [INST] ',
  sys: '<s> [INST] SYS\n\n',
  addSpecialTokens: false,
};

const EXPECTED: Readonly<Record<string, Expected>> = {
  'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B': R1,
  'deepseek-ai/DeepSeek-R1': R1,
  'deepseek-ai/DeepSeek-R1-Distill-Llama-70B': R1,
  'nvidia/DeepSeek-R1-0528-FP4': R1,
  'google/gemma-3-27b-it': GEMMA3,
  'Qwen/Qwen2.5-Math-72B-Instruct': QWEN25,
  'Qwen/Qwen2.5-Coder-32B-Instruct': QWEN25,
  'meta-llama/Meta-Llama-3-8B-Instruct': LLAMA3,
  'meta-llama/Meta-Llama-3-70B-Instruct': LLAMA3,
  'meta-llama/Meta-Llama-3.1-8B-Instruct': LLAMA3,
  'meta-llama/Meta-Llama-3.1-70B-Instruct': LLAMA3,
  'meta-llama/Meta-Llama-3.1-405B-Instruct': LLAMA3,
  'meta-llama/Llama-3.3-70B-Instruct': LLAMA3,
  'Qwen/Qwen2-7B-Instruct': QWEN2,
  'Qwen/Qwen2-72B-Instruct': QWEN2,
  'Qwen/Qwen2-1.5B-Instruct': QWEN2,
  'Qwen/Qwen2-Math-7B-Instruct': QWEN2,
  'Qwen/Qwen1.5-7B-Chat': QWEN2,
  'Qwen/Qwen2.5-1.5B-Instruct': QWEN25,
  'Qwen/Qwen2.5-3B-Instruct': QWEN25,
  'Qwen/Qwen2.5-7B-Instruct': QWEN25,
  'Qwen/Qwen2.5-14B-Instruct': QWEN25,
  'Qwen/Qwen2.5-32B-Instruct': QWEN25,
  'Qwen/Qwen2.5-72B-Instruct': QWEN25,
  'Qwen/Qwen2.5-Coder-7B-Instruct': QWEN25,
  'google/gemma-2-27b-it': GEMMA2,
  'google/gemma-2-9b-it': GEMMA2,
  'google/gemma-2-2b-it': GEMMA2,
  'microsoft/Phi-3-mini-128k-instruct': PHI3,
  'microsoft/Phi-3-medium-128k-instruct': PHI3,
  'microsoft/Phi-3.5-mini-instruct': PHI35,
  'microsoft/Phi-3-small-128k-instruct': PHI3_SMALL,
  'mistralai/Mistral-7B-Instruct-v0.3': MISTRAL,
};

/** Stop token ids from each tokenizer (see configs/README.md for where each comes from). */
const R1_QWEN_IDS = { '<｜end▁of▁sentence｜>': 151643, '<｜User｜>': 151644, '<｜Assistant｜>': 151645 };
const R1_V3_IDS = { '<｜end▁of▁sentence｜>': 1, '<｜User｜>': 128803, '<｜Assistant｜>': 128804 };
const QWEN_IDS = { '<|endoftext|>': 151643, '<|im_start|>': 151644, '<|im_end|>': 151645 };
const EXPECTED_IDS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B': R1_QWEN_IDS,
  'deepseek-ai/DeepSeek-R1': R1_V3_IDS,
  'nvidia/DeepSeek-R1-0528-FP4': R1_V3_IDS,
  'deepseek-ai/DeepSeek-R1-Distill-Llama-70B': { '<｜end▁of▁sentence｜>': 128001, '<｜User｜>': 128011, '<｜Assistant｜>': 128012 },
  'google/gemma-3-27b-it': { '<eos>': 1, '<end_of_turn>': 106 },
  'google/gemma-2-27b-it': { '<eos>': 1, '<bos>': 2, '<end_of_turn>': 107 },
  'Qwen/Qwen2.5-Math-72B-Instruct': QWEN_IDS,
  'Qwen/Qwen2-7B-Instruct': QWEN_IDS,
  'meta-llama/Meta-Llama-3.1-8B-Instruct': { '<|eot_id|>': 128009, '<|end_of_text|>': 128001, '<|start_header_id|>': 128006, '<|end_header_id|>': 128007 },
  'microsoft/Phi-3-mini-128k-instruct': { '<unk>': 0, '<s>': 1, '</s>': 2, '<|endoftext|>': 32000, '<|assistant|>': 32001, '<|system|>': 32006, '<|end|>': 32007, '<|user|>': 32010 },
  'mistralai/Mistral-7B-Instruct-v0.3': { '<s>': 1, '</s>': 2, '[INST]': 3, '[/INST]': 4 },
};

const catalog = loadCatalog(DEFAULT_CONFIG_DIR);

describe('every model template against its real chat format', () => {
  it('has an expectation for exactly the models in configs/models.json', () => {
    expect([...catalog.models.ids].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('keeps DeepSeek-R1-Distill-Qwen-32B first (the default model) and Qwen2.5-Math-72B present', () => {
    expect(catalog.models.ids[0]).toBe('deepseek-ai/DeepSeek-R1-Distill-Qwen-32B');
    expect(catalog.models.has('Qwen/Qwen2.5-Math-72B-Instruct')).toBe(true);
  });

  describe.each(Object.entries(EXPECTED))('%s', (id, expected) => {
    const model = catalog.models.get(id);

    it('renders the bare pre-query', () => {
      const p = renderPreQuery(model, undefined);
      expect(p.prompt).toBe(expected.bare);
      expect(p.addSpecialTokens).toBe(expected.addSpecialTokens);
    });

    it('renders the system variant', () => {
      const p = renderPreQuery(model, 'SYS');
      expect(p.prompt).toBe(expected.sys);
      expect(p.addSpecialTokens).toBe(expected.addSpecialTokens);
    });

    it('sends add_special_tokens=false exactly when the prompt starts with its BOS', () => {
      for (const system of [undefined, 'SYS']) {
        const p = renderPreQuery(model, system);
        const startsWithBos = model.bosToken !== null && p.prompt.startsWith(model.bosToken);
        expect(p.addSpecialTokens).toBe(!startsWithBos);
      }
    });

    it('round-trips through matchPreQuery', () => {
      const systems = [undefined, 'SYS', 'Two\n\nlines', ...catalog.domains.all().flatMap((d) => [d.systemPrompt, ...d.subtopics.map((s) => s.systemPrompt)])];
      for (const system of systems) {
        expect(matchPreQuery(model, renderPreQuery(model, system).prompt)).toEqual({ system });
      }
    });

    it('stops instruction generation at the stop strings plus the assistant stops', () => {
      const p = renderPreQuery(model, undefined);
      expect(p.stop).toEqual([...model.stopTokens, ...model.assistantStopTokens]);
      expect(p.stopTokenIds).toEqual(model.stopTokenIds);
      expect(model.stopTokenIds.length === 0 || model.stopTokenIds.length === model.stopTokens.length).toBe(true);
    });
  });

  it.each(Object.entries(EXPECTED_IDS))("%s: stop ids are the tokenizer's ids of the stop strings", (id, ids) => {
    const model = catalog.models.get(id);
    const byText = Object.fromEntries(model.stopTokens.map((text, i) => [text, model.stopTokenIds[i]]));
    expect(byText).toEqual(ids);
  });

  it('reasoning models are exactly the R1 family and get at least 16384 response tokens', () => {
    const reasoning = catalog.models.all().filter((m) => m.reasoning);
    expect(reasoning.map((m) => m.id).sort()).toEqual(
      ['deepseek-ai/DeepSeek-R1', 'deepseek-ai/DeepSeek-R1-Distill-Llama-70B', 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', 'nvidia/DeepSeek-R1-0528-FP4'].sort(),
    );
    for (const m of reasoning) {
      expect(m.defaults.response.maxTokens).toBeGreaterThanOrEqual(16384);
      expect(m.defaults.samples.maxTokens).toBeGreaterThanOrEqual(16384);
    }
  });

  it('models without a system role put the steering text at the start of the user turn', () => {
    for (const m of catalog.models.all().filter((x) => !x.systemRole)) {
      const [head] = m.systemTemplate.split('{system}');
      expect(m.preQueryTemplate.startsWith(head ?? '')).toBe(true);
    }
  });
});
