"""The deprecated `X-Admin-Token` header (plan 5.2): off unless ALLOY_LEGACY_ADMIN_TOKEN is set."""

import hmac
from email.utils import format_datetime

from alloy_api.audit.service import LEGACY_TOKEN_ACTOR, AuditAction, Outcome, record
from alloy_api.kit.envelope import add_warning
from alloy_api.kit.pipeline import current_state
from alloy_api.observability.metrics import record_legacy_token_use
from alloy_api.settings import Settings

LEGACY_ADMIN_TOKEN_HEADER = "X-Admin-Token"  # noqa: S105 - a header name
LEGACY_WARNING = (
    "X-Admin-Token is deprecated and stops working at {sunset}; "
    "sign in as an admin and send Authorization: Bearer <access token> instead"
)


def legacy_token_enabled(settings: Settings) -> bool:
    return settings.legacy_admin_token is not None


def matches_legacy_token(settings: Settings, presented: str) -> bool:
    configured = settings.legacy_admin_token
    if configured is None:
        return False
    return hmac.compare_digest(presented.encode(), configured.get_secret_value().encode())


def deprecation_headers(settings: Settings) -> dict[str, str]:
    deprecated_at = int(settings.legacy_admin_token_deprecated_at.timestamp())
    info_url = settings.legacy_admin_token_info_url
    return {
        "Deprecation": f"@{deprecated_at}",
        "Sunset": format_datetime(settings.legacy_admin_token_sunset_at, usegmt=True),
        "Link": f'<{info_url}>; rel="deprecation", <{info_url}>; rel="sunset"',
    }


def announce_deprecation(settings: Settings) -> None:
    """Deprecation headers and a `meta.warnings` entry on this request's response."""
    headers = deprecation_headers(settings)
    add_warning(LEGACY_WARNING.format(sunset=headers["Sunset"]))
    state = current_state()
    if state is not None:
        state.response_headers.update(headers)


async def record_legacy_use(accepted: bool) -> None:
    outcome = Outcome.SUCCESS if accepted else Outcome.FAILURE
    record_legacy_token_use(str(outcome))
    await record(AuditAction.LEGACY_ADMIN_TOKEN_USED, actor=LEGACY_TOKEN_ACTOR, outcome=outcome)
