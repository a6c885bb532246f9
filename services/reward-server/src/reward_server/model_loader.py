"""Loads the reward model and its tokenizer the way the model card does."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import torch
from huggingface_hub.utils import disable_progress_bars  # type: ignore[attr-defined]  # re-exported, untyped
from transformers import AutoModelForSequenceClassification, AutoTokenizer
from transformers.utils import logging as transformers_logging

from .settings import Settings
from .transformers_compat import restore_removed_names


class ModelLoadError(Exception):
    """The model could not be loaded; the message names the variable to fix."""


@dataclass(frozen=True)
class LoadedModel:
    model: Any
    tokenizer: Any
    device: torch.device
    dtype: torch.dtype
    pad_token_id: int | None


def choose_device(setting: str) -> torch.device:
    if setting == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if setting == "cuda" and not torch.cuda.is_available():
        raise ModelLoadError("DEVICE: cuda was asked for, but torch sees no CUDA device")
    return torch.device(setting)


def choose_dtype(setting: str, device: torch.device) -> torch.dtype:
    if setting == "auto":
        # bf16 on GPU as the model card loads it; CPUs compute bf16 slowly and less exactly.
        return torch.bfloat16 if device.type == "cuda" else torch.float32
    return {"bfloat16": torch.bfloat16, "float32": torch.float32}[setting]


def load_model(settings: Settings) -> LoadedModel:
    device = choose_device(settings.DEVICE)
    dtype = choose_dtype(settings.DTYPE, device)
    restore_removed_names()
    # Progress bars are for terminals; the platform reads JSON log lines.
    disable_progress_bars()
    transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    source = settings.REWARD_MODEL
    trust = settings.TRUST_REMOTE_CODE
    try:
        tokenizer = AutoTokenizer.from_pretrained(source, trust_remote_code=trust)
        model = AutoModelForSequenceClassification.from_pretrained(source, trust_remote_code=trust, dtype=dtype)
    except Exception as err:
        raise ModelLoadError(f"REWARD_MODEL: cannot load {source!r}: {type(err).__name__}: {err}") from err
    if not getattr(tokenizer, "chat_template", None):
        raise ModelLoadError(f"REWARD_MODEL: the tokenizer of {source!r} has no chat template")
    model.to(device)
    model.eval()
    pad_token_id = getattr(model.config, "pad_token_id", None)
    return LoadedModel(model, tokenizer, device, dtype, pad_token_id if isinstance(pad_token_id, int) else None)
