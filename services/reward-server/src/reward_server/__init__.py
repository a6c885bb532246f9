"""Magpie's reward-model server: scores chat conversations with a Hugging Face sequence classifier."""
