"""Prometheus metrics of the reward server, on a registry of its own."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

OUTCOMES = ("ok", "bad_request", "unknown_model", "queue_full", "unavailable", "error")


class ServerMetrics:
    def __init__(self, registry: CollectorRegistry, max_batch_size: int) -> None:
        self.registry = registry
        self.requests = Counter("reward_server_requests_total", "Score requests by outcome.", ["outcome"], registry=registry)
        for outcome in OUTCOMES:
            self.requests.labels(outcome)  # every outcome is exported from the start, at 0
        self.request_seconds = Histogram(
            "reward_server_request_duration_seconds",
            "Time from receiving a score request to answering it.",
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
            registry=registry,
        )
        batch_buckets = sorted({1, 2, 4, 8, 16, 32, 64, 128, 256, max_batch_size})
        self.batch_size = Histogram(
            "reward_server_batch_size",
            "Conversations per forward pass.",
            buckets=[b for b in batch_buckets if b <= max_batch_size],
            registry=registry,
        )
        self.batch_seconds = Histogram(
            "reward_server_batch_duration_seconds",
            "Time of one forward pass.",
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
            registry=registry,
        )
        self.queue_depth = Gauge("reward_server_queue_depth", "Conversations waiting for a forward pass.", registry=registry)
        self.in_flight = Gauge("reward_server_requests_in_flight", "Score requests being handled.", registry=registry)
        self.conversations = Counter("reward_server_conversations_scored_total", "Conversations scored.", registry=registry)
        self.tokens = Counter("reward_server_tokens_scored_total", "Tokens fed to the model.", registry=registry)
        self.truncated = Counter(
            "reward_server_conversations_truncated_total",
            "Conversations longer than MAX_LENGTH tokens, cut to fit.",
            registry=registry,
        )
        self.ready = Gauge("reward_server_ready", "1 once the model is loaded and answering.", registry=registry)
        self.model_info = Gauge(
            "reward_server_model_info",
            "The served model, its device and dtype (value 1).",
            ["model", "served_model_name", "device", "dtype"],
            registry=registry,
        )
