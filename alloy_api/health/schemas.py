from enum import StrEnum

from pydantic import BaseModel


class CheckStatus(StrEnum):
    OK = "ok"
    FAILING = "failing"


class LivenessResponse(BaseModel):
    status: CheckStatus


class CheckResult(BaseModel):
    status: CheckStatus
    latency_ms: float
    detail: str | None = None


class ReadinessResponse(BaseModel):
    status: CheckStatus
    checks: dict[str, CheckResult]
