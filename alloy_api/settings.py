"""Every setting Alloy reads, from `ALLOY_*` environment variables, with embedded defaults."""

import contextlib
import math
import os
import secrets
from collections import Counter
from datetime import UTC, datetime
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = Path.home() / ".local" / "share" / "alloy"
SECRET_FILE_NAME = "signing.secret"  # noqa: S105 - a file name, not a secret
RATE_PERIOD_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
RATE_FORMAT = "COUNT/PERIOD with PERIOD one of second, minute, hour, day (e.g. 10/minute)"
LogCompression = Literal["gz", "bz2", "xz", "none"]
MIN_SECRET_LENGTH = 32
MIN_SECRET_ENTROPY_BITS = 128
RANDOM_SECRET_COMMAND = "python3 -c 'import secrets; print(secrets.token_urlsafe(48))'"  # noqa: S105 - a command


class Environment(StrEnum):
    DEVELOPMENT = "development"
    PRODUCTION = "production"


class InsecureConfigurationError(RuntimeError):
    """The settings are not safe to run in production."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ALLOY_", extra="ignore", populate_by_name=True)

    environment: Environment = Environment.DEVELOPMENT
    data_dir: Path = DEFAULT_DATA_DIR
    database_url: str | None = Field(
        default=None, description="postgres://... in production; a SQLite file in data_dir if unset"
    )
    database_pool_min_size: int = Field(default=1, ge=0)
    database_pool_max_size: int = Field(default=10, ge=1)
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="comma-separated origins (scheme://host[:port]) whose pages may call the API",
    )
    database_replica_urls: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="comma-separated postgres://... URLs that serve reads"
    )
    database_replica_check_seconds: float = Field(
        default=5.0, ge=0, description="how often each replica is checked; 0: by readiness only"
    )
    redis_url: str | None = Field(default=None, description="redis://...; in-process if unset")
    redis_timeout_seconds: float = Field(default=1.0, gt=0)
    redis_breaker_probe_seconds: float = Field(
        default=0.5, gt=0, description="how often an open Redis breaker pings to close again"
    )
    cache_enabled: bool = Field(default=True, description="cache-aside reads of the library")
    cache_resource_ttl_seconds: int = Field(default=3600, ge=1)
    cache_list_ttl_seconds: int = Field(default=300, ge=1)
    cache_auth_ttl_seconds: int = Field(
        default=900, ge=1, description="how long a user's token version, role and 2FA are cached"
    )
    cache_near_ttl_seconds: float = Field(
        default=5.0, ge=0, description="in-process copies of library entries over Redis; 0: none"
    )
    secret_key: SecretStr | None = Field(
        default=None, description="signing secret; required in production"
    )
    cursor_ttl_seconds: int = Field(default=24 * 3600, ge=60)
    trusted_proxy_count: int = Field(
        default=0, ge=0, le=5, description="proxies in front whose X-Forwarded-For is trusted"
    )
    max_body_bytes: int = Field(default=1024 * 1024, ge=1024)
    body_timeout_seconds: float = Field(
        default=10.0, gt=0, le=600, description="a request body must arrive within this (408)"
    )
    log_level: str = "INFO"
    log_json: bool = True
    log_file: Path | None = Field(default=None, description="also write JSON lines to this file")
    log_file_rotation: str = Field(
        default="100 MB", description="loguru rotation: a size, an interval or a time of day"
    )
    log_file_retention: str = Field(
        default="14 days", description="rotated files kept: a count (10) or an age (14 days)"
    )
    log_file_compression: LogCompression = "gz"
    sentry_dsn: SecretStr | None = Field(
        default=None, description="report unhandled errors to Sentry; off if unset"
    )
    refresh_token_prune_grace_seconds: int = Field(
        default=7 * 24 * 3600, ge=0, description="how long expired refresh tokens are kept"
    )
    synthetic_email: str | None = Field(default=None, description="`alloy synthetic`'s account")
    synthetic_password: SecretStr | None = None
    migrations_dir: Path = PROJECT_ROOT / "migrations"
    access_token_ttl_seconds: int = Field(default=15 * 60, ge=60, le=24 * 3600)
    refresh_token_ttl_seconds: int = Field(default=30 * 24 * 3600, ge=300)
    refresh_family_max_age_seconds: int = Field(
        default=90 * 24 * 3600, ge=300, description="a login's refresh tokens stop working after"
    )
    jwt_issuer: str = "alloy"
    jwt_audience: str = "alloy-api"
    jwt_leeway_seconds: int = Field(default=30, ge=0, le=300)
    password_hash_time_cost: int = Field(default=2, ge=1, description="Argon2id iterations")
    password_hash_memory_kib: int = Field(default=19 * 1024, ge=8, description="Argon2id memory")
    password_hash_parallelism: int = Field(default=1, ge=1, description="Argon2id lanes")
    login_max_failures_per_account_address: int = Field(
        default=5, ge=1, description="failed checks of one account from one address, then 429"
    )
    login_max_failures_per_ip: int = Field(default=50, ge=1)
    login_max_consecutive_failures: int = Field(
        default=100,
        ge=1,
        description="per account, reset by a successful login; refuses failing addresses only",
    )
    login_failure_window_seconds: int = Field(default=15 * 60, ge=1)
    login_slowdown_seconds: float = Field(
        default=0.25, ge=0, description="delay per failure of the account after the first few"
    )
    admin_require_2fa: bool = True
    totp_issuer: str = "Alloy"
    legacy_admin_token: SecretStr | None = Field(
        default=None, description="the deprecated X-Admin-Token; the header is ignored if unset"
    )
    legacy_admin_token_deprecated_at: datetime = datetime(2026, 11, 26, tzinfo=UTC)
    legacy_admin_token_sunset_at: datetime = datetime(2027, 7, 1, tzinfo=UTC)
    legacy_admin_token_info_url: str = "/docs"  # noqa: S105 - a link
    rate_limit_enabled: bool = True
    rate_limit_auth: str = "20/minute"
    rate_limit_write: str = "60/minute"
    rate_limit_generate: str = "10/minute"
    rate_limit_read: str = "600/minute"
    idempotency_ttl_seconds: int = Field(default=24 * 3600, ge=60)
    idempotency_prune_interval_seconds: float = Field(
        default=3600.0, gt=0, description="how often a serving process prunes expired keys"
    )
    cache_outbox_drain_seconds: float = Field(
        default=1.0, gt=0, description="how often a process applies invalidations others missed"
    )
    compression_min_bytes: int = Field(default=1024, ge=0)
    metrics_token: SecretStr | None = Field(
        default=None, description="bearer token /metrics requires in production"
    )
    prometheus_multiproc_dir: Path | None = Field(
        default=None,
        validation_alias=AliasChoices("PROMETHEUS_MULTIPROC_DIR", "prometheus_multiproc_dir"),
        description="prometheus_client's shared directory for multi-process metrics",
    )
    otel_sdk_disabled: bool = Field(
        default=False, validation_alias=AliasChoices("OTEL_SDK_DISABLED", "otel_sdk_disabled")
    )
    otel_traces_exporter: str = Field(
        default="none",
        validation_alias=AliasChoices("OTEL_TRACES_EXPORTER", "otel_traces_exporter"),
    )
    otel_service_name: str = Field(
        default="alloy-api",
        validation_alias=AliasChoices("OTEL_SERVICE_NAME", "otel_service_name"),
    )
    otel_exporter_otlp_endpoint: str | None = Field(
        default=None,
        validation_alias=AliasChoices("OTEL_EXPORTER_OTLP_ENDPOINT", "otel_exporter_otlp_endpoint"),
    )
    otel_exporter_otlp_traces_endpoint: str | None = Field(
        default=None,
        validation_alias=AliasChoices(
            "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "otel_exporter_otlp_traces_endpoint"
        ),
    )

    @field_validator("database_replica_urls", "cors_origins", mode="before")
    @classmethod
    def _split_comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return [url.strip() for url in value.split(",") if url.strip()]
        return value

    @field_validator(
        "log_file", "sentry_dsn", "synthetic_email", "synthetic_password", mode="before"
    )
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator(
        "rate_limit_auth", "rate_limit_write", "rate_limit_generate", "rate_limit_read"
    )
    @classmethod
    def _check_rate(cls, value: str) -> str:
        parse_rate(value)
        return value

    @model_validator(mode="after")
    def _refuse_insecure_production(self) -> "Settings":
        if self.environment is Environment.PRODUCTION:
            secret = None if self.secret_key is None else self.secret_key.get_secret_value()
            problem = secret_problem(secret)
            if problem is not None:
                raise InsecureConfigurationError(f"ALLOY_SECRET_KEY {problem} in production")
            problem = production_database_problem(self.database_url)
            if problem is not None:
                raise InsecureConfigurationError(f"ALLOY_DATABASE_URL {problem} in production")
            legacy_token = self.legacy_admin_token
            if legacy_token is not None and len(legacy_token.get_secret_value()) < 32:
                raise InsecureConfigurationError(
                    "ALLOY_LEGACY_ADMIN_TOKEN must be at least 32 characters in production"
                )
        return self

    @property
    def is_production(self) -> bool:
        return self.environment is Environment.PRODUCTION

    @cached_property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite://{self.data_dir / 'alloy.sqlite3'}"

    @property
    def tracing_enabled(self) -> bool:
        return not self.otel_sdk_disabled and self.otel_traces_exporter.lower() not in {"", "none"}

    @property
    def otlp_traces_url(self) -> str | None:
        """Where spans go: the traces endpoint as given, or `/v1/traces` under the base endpoint."""
        if self.otel_exporter_otlp_traces_endpoint:
            return self.otel_exporter_otlp_traces_endpoint
        if self.otel_exporter_otlp_endpoint:
            return f"{self.otel_exporter_otlp_endpoint.rstrip('/')}/v1/traces"
        return None

    @property
    def uses_embedded_database(self) -> bool:
        return self.resolved_database_url.startswith("sqlite")

    @cached_property
    def signing_secret(self) -> bytes:
        """The configured secret, or in development one generated once and kept in data_dir."""
        if self.secret_key is not None:
            return self.secret_key.get_secret_value().encode()
        return _development_secret(self.data_dir).encode()


def estimated_entropy_bits(text: str) -> float:
    """Shannon entropy of the text's character frequencies times its length: an upper bound on
    what a random source gave it, low for repeats such as `"a" * 32` or `"abcd" * 8`."""
    counts = Counter(text)
    return -sum(count * math.log2(count / len(text)) for count in counts.values())


def secret_problem(secret: str | None) -> str | None:
    """Which rule a signing secret fails, or None."""
    if not secret:
        return "must be set"
    if len(secret) < MIN_SECRET_LENGTH:
        return f"must be at least {MIN_SECRET_LENGTH} characters"
    if estimated_entropy_bits(secret) < MIN_SECRET_ENTROPY_BITS:
        return (
            f"has too little entropy (under {MIN_SECRET_ENTROPY_BITS} bits); "
            f"use random bytes, e.g. the output of {RANDOM_SECRET_COMMAND}"
        )
    return None


def production_database_problem(database_url: str | None) -> str | None:
    if not database_url or not database_url.strip():
        return "must be set"
    if database_url.strip().lower().startswith("sqlite"):
        return "must be a PostgreSQL URL, not SQLite"
    return None


def parse_rate(rate: str) -> tuple[int, int]:
    """`10/minute` as (10, 60): a request count and its period in seconds."""
    count_text, _, period_name = rate.strip().partition("/")
    period_seconds = RATE_PERIOD_SECONDS.get(period_name.strip().lower())
    if not count_text.strip().isdigit() or int(count_text) < 1 or period_seconds is None:
        raise ValueError(f"invalid rate {rate!r}: expected {RATE_FORMAT}")
    return int(count_text), period_seconds


def _development_secret(data_dir: Path) -> str:
    secret_path = data_dir / SECRET_FILE_NAME
    if not secret_path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        draft_path = data_dir / f".{SECRET_FILE_NAME}.{os.getpid()}"
        draft_path.write_text(secrets.token_urlsafe(48), encoding="utf-8")
        draft_path.chmod(0o600)
        with contextlib.suppress(FileExistsError):  # another worker published first: use theirs
            os.link(draft_path, secret_path)
        draft_path.unlink()
    return secret_path.read_text(encoding="utf-8").strip()
