"""Names that remote-code reward models import from transformers but newer releases removed."""

from __future__ import annotations


def restore_removed_names() -> None:
    """ArmoRM's modeling_custom.py does `from transformers.models.llama.modeling_llama import
    LLAMA_INPUTS_DOCSTRING` to decorate its forward() with a docstring; transformers 4.52 removed
    that constant. It is documentation only, so an empty string is a faithful stand-in and lets
    the model card's `trust_remote_code` load work on current transformers."""
    from transformers.models.llama import modeling_llama

    if not hasattr(modeling_llama, "LLAMA_INPUTS_DOCSTRING"):
        modeling_llama.LLAMA_INPUTS_DOCSTRING = ""  # type: ignore[attr-defined]
