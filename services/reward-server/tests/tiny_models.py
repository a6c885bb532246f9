"""Tiny, randomly initialised reward models built offline for the tests: a byte-level BPE
tokenizer trained in-process with a Llama-3-style chat template, a one-label
LlamaForSequenceClassification, and an ArmoRM-shaped remote-code head. Nothing is downloaded.

    python tests/tiny_models.py OUT_DIR   # writes OUT_DIR/llama-classifier, OUT_DIR/gated-head, …
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import torch
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import LlamaConfig, LlamaForSequenceClassification, PreTrainedTokenizerFast
from transformers.utils import logging as transformers_logging

from reward_server.transformers_compat import restore_removed_names

BOS, HEADER_START, HEADER_END, EOT, PAD = "<|begin_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>", "<|pad|>"
CHAT_TEMPLATE = (
    "{{ bos_token }}{% for message in messages %}"
    "{% if message['role'] == 'system' and not loop.first %}"
    "{{ raise_exception('a system message must come first') }}{% endif %}"
    "{{ '<|start_header_id|>' + message['role'] + '<|end_header_id|>\n\n' + message['content'] | trim + '<|eot_id|>' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\n\n' }}{% endif %}"
)
CORPUS = [
    "What is the sum of the first ten positive integers? The answer is 55.",
    "Solve for x: 2x + 3 = 11. Subtract 3 and divide by 2, so x = 4.",
    "Find the derivative of x^3. It is 3x^2 by the power rule.",
    "A triangle has angles of 30 and 60 degrees; the third angle is 90 degrees.",
    "The probability of rolling a six with a fair die is one sixth.",
    "Every prime greater than two is odd, so the sum of two such primes is even.",
    "user assistant system \\boxed{42} therefore hence we get",
]
GATED_CODE = Path(__file__).parent / "fixtures" / "modeling_tiny_gated.py"


def build_tokenizer() -> PreTrainedTokenizerFast:
    core = Tokenizer(models.BPE())
    core.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    core.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=400,
        special_tokens=[BOS, HEADER_START, HEADER_END, EOT, PAD],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    core.train_from_iterator(CORPUS * 4, trainer=trainer)
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=core, bos_token=BOS, eos_token=EOT, pad_token=PAD)
    tokenizer.chat_template = CHAT_TEMPLATE
    return tokenizer


def _config(tokenizer: PreTrainedTokenizerFast, *, pad: bool, num_labels: int = 1) -> LlamaConfig:
    return LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=2048,
        initializer_range=0.2,  # wide enough that different conversations get clearly different scores
        num_labels=num_labels,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id if pad else None,
    )


def build_llama_classifier(out: Path, *, pad: bool = True, num_labels: int = 1) -> Path:
    tokenizer = build_tokenizer()
    torch.manual_seed(0)
    model = LlamaForSequenceClassification(_config(tokenizer, pad=pad, num_labels=num_labels))
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    return out


def build_gated_head(out: Path) -> Path:
    """Saved with its code and an auto_map, as ArmoRM is on the Hub."""
    tokenizer = build_tokenizer()
    config = _config(tokenizer, pad=True)
    config.num_objectives = 5
    config.header_token_id = tokenizer.convert_tokens_to_ids(HEADER_START)
    config.architectures = ["TinyGatedRewardModel"]
    config.auto_map = {"AutoModelForSequenceClassification": "modeling_tiny_gated.TinyGatedRewardModel"}
    out.mkdir(parents=True, exist_ok=True)
    shutil.copy(GATED_CODE, out / GATED_CODE.name)
    restore_removed_names()  # the head imports a name transformers removed, as ArmoRM's does
    sys.path.insert(0, str(out))
    try:
        from modeling_tiny_gated import TinyGatedRewardModel  # the copy next to the weights
    finally:
        sys.path.remove(str(out))
    torch.manual_seed(0)
    TinyGatedRewardModel(config).save_pretrained(out)
    config.save_pretrained(out)  # keeps auto_map, which save_pretrained of an unregistered class drops
    tokenizer.save_pretrained(out)
    return out


def build_all(root: Path) -> dict[str, Path]:
    transformers_logging.disable_progress_bar()
    return {
        "llama": build_llama_classifier(root / "llama-classifier"),
        "gated": build_gated_head(root / "gated-head"),
        "no_pad": build_llama_classifier(root / "llama-classifier-no-pad", pad=False),
        "three_labels": build_llama_classifier(root / "three-label-classifier", num_labels=3),
    }


if __name__ == "__main__":
    for name, path in build_all(Path(sys.argv[1])).items():
        print(f"{name}\t{path}")
