"""Configuration from the environment, validated once at start."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationError, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class ConfigError(Exception):
    """The environment does not describe a valid configuration; the message names the variable."""


class Settings(BaseSettings):
    """Every variable the server reads. HF_HOME, HF_TOKEN and HF_HUB_OFFLINE are read by
    huggingface_hub itself and are documented beside these."""

    model_config = SettingsConfigDict(case_sensitive=True, extra="ignore", frozen=True)

    REWARD_MODEL: str = Field(min_length=1, description="Hugging Face model id or local directory")
    SERVED_MODEL_NAME: str = Field(default="", description="the `model` requests must name; default REWARD_MODEL")
    HOST: str = "0.0.0.0"
    PORT: int = Field(default=8000, ge=0, le=65535)
    MAX_BATCH_SIZE: int = Field(default=16, ge=1, le=1024)
    MAX_BATCH_WAIT_MS: float = Field(default=5, ge=0, le=10_000)
    MAX_QUEUE: int = Field(default=1024, ge=1)
    MAX_LENGTH: int = Field(default=4096, ge=16)
    DEVICE: Literal["auto", "cpu", "cuda"] = "auto"
    DTYPE: Literal["auto", "bfloat16", "float32"] = "auto"
    TRUST_REMOTE_CODE: bool = True
    SHUTDOWN_GRACE_MS: int = Field(default=20_000, ge=0)
    LOG_LEVEL: Literal["debug", "info", "warning", "error"] = "info"

    @model_validator(mode="after")
    def _served_name_defaults_to_model(self) -> Settings:
        if not self.SERVED_MODEL_NAME:
            object.__setattr__(self, "SERVED_MODEL_NAME", self.REWARD_MODEL)
        return self


def load_settings() -> Settings:
    """Reads the environment. Raises ConfigError naming every bad variable."""
    try:
        return Settings()  # type: ignore[call-arg]  # pydantic-settings fills the fields from the environment
    except ValidationError as err:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'environment'}: {'is required' if e['type'] == 'missing' else e['msg']}"
            for e in err.errors()
        )
        raise ConfigError(f"invalid configuration: {problems}") from err
