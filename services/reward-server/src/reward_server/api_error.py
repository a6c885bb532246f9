"""Errors that become HTTP answers in vLLM's error shape:
`{"error": {"message", "type", "param", "code"}}` (`param` names the offending field)."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        message: str,
        *,
        outcome: str,
        param: str | None = None,
        retry_after_s: int | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.outcome = outcome  # the `outcome` label of reward_server_requests_total
        self.param = param
        self.retry_after_s = retry_after_s

    @property
    def type(self) -> str:
        return _TYPES.get(self.status, "InternalServerError")

    def body(self) -> dict[str, Any]:
        return {"error": {"message": self.message, "type": self.type, "param": self.param, "code": self.status}}

    def headers(self) -> dict[str, str]:
        return {"retry-after": str(self.retry_after_s)} if self.retry_after_s is not None else {}


_TYPES = {
    400: "BadRequestError",
    404: "NotFoundError",
    405: "MethodNotAllowedError",
    413: "PayloadTooLargeError",
    503: "ServiceUnavailableError",
}


def bad_request(field: str, message: str, *, more: list[str] | None = None) -> ApiError:
    text = "; ".join([f"{field}: {message}", *(more or [])])
    return ApiError(400, text, outcome="bad_request", param=field)
