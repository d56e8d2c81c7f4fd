from enum import StrEnum

from pydantic import BaseModel


class CheckStatus(StrEnum):
    OK = "ok"
    DEGRADED = "degraded"
    """Overall only: every required check is ok, but a read replica is failing."""
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
