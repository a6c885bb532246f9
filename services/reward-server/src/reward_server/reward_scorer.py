"""One forward pass over a batch of token sequences, and reading the score out of the head's output."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import torch


class UnsupportedModelError(Exception):
    """The model's output has neither an ArmoRM-style `.score` nor a one-label `logits`."""


@dataclass(frozen=True)
class Score:
    score: float
    # ArmoRM's per-objective rewards (`output.rewards`); None for a plain one-label head.
    rewards: list[float] | None


class RewardScorer:
    """Scores right-padded batches. Right padding keeps every real token at the position it has
    when scored alone (Llama position ids count from the left), and both last-token poolings in use
    (HF's "last non-pad token" and ArmoRM's "first pad - 1") find the same token, so a conversation
    scores the same batched as alone. A model without a pad token is scored one sequence at a time.
    """

    def __init__(self, model: Any, device: torch.device, pad_token_id: int | None) -> None:
        self._model = model
        self._device = device
        self._pad_token_id = pad_token_id

    @property
    def batches_sequences(self) -> bool:
        return self._pad_token_id is not None

    def score(self, sequences: list[list[int]]) -> list[Score]:
        if not sequences:
            return []
        if self._pad_token_id is None:
            return [self._forward([ids], pad_token_id=0)[0] for ids in sequences]
        return self._forward(sequences, pad_token_id=self._pad_token_id)

    def _forward(self, sequences: list[list[int]], pad_token_id: int) -> list[Score]:
        width = max(len(ids) for ids in sequences)
        input_ids = torch.full((len(sequences), width), pad_token_id, dtype=torch.long)
        attention_mask = torch.zeros((len(sequences), width), dtype=torch.long)
        for row, ids in enumerate(sequences):
            input_ids[row, : len(ids)] = torch.tensor(ids, dtype=torch.long)
            attention_mask[row, : len(ids)] = 1
        with torch.inference_mode():
            output = self._model(
                input_ids=input_ids.to(self._device),
                attention_mask=attention_mask.to(self._device),
                use_cache=False,  # scoring never decodes; a KV cache would only take memory
            )
        return read_scores(output, len(sequences))


def read_scores(output: Any, batch_size: int) -> list[Score]:
    """ArmoRM's custom head returns `.score` (the preference score Magpie stores) and `.rewards`;
    a plain sequence classifier returns `logits` of shape (batch, 1)."""
    score = getattr(output, "score", None)
    if score is not None:
        scores = score.reshape(batch_size, -1)
        if scores.shape[1] != 1:
            raise UnsupportedModelError(f"the model's .score has shape {tuple(score.shape)}; expected one score per sequence")
        rewards = getattr(output, "rewards", None)
        reward_rows = rewards.float().reshape(batch_size, -1).cpu().tolist() if rewards is not None else None
    else:
        logits = getattr(output, "logits", None)
        if logits is None:
            raise UnsupportedModelError("the model's output has neither .score nor .logits")
        if logits.shape[-1] != 1:
            raise UnsupportedModelError(
                f"the model's classifier head has {logits.shape[-1]} labels; a reward model has one (num_labels=1)"
            )
        scores = logits[:, :1]
        reward_rows = None
    values = scores[:, 0].float().cpu().tolist()
    return [Score(float(v), reward_rows[i] if reward_rows is not None else None) for i, v in enumerate(values)]
