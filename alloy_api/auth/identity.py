"""Who a request claims to be, known before the rate limiter and idempotency keys need it.

A bearer token with a valid signature names its user; that is enough to give each user their own
rate-limit budget and idempotency keys, and to fetch the user's auth state in the rate limiter's
Redis round trip. Whether the token is still current (its version, the account being active) is
checked by `current_user` and the role guards on the routes that need an account.
"""

from quart import Quart, g, request

from alloy_api.auth.auth_state import prefetch_auth_state
from alloy_api.auth.tokens import verify_access_token
from alloy_api.kit.errors import AuthenticationError
from alloy_api.state import app_state

BEARER_PREFIX = "bearer "


async def _identify_bearer() -> None:
    header = request.headers.get("Authorization", "")
    if header[: len(BEARER_PREFIX)].lower() != BEARER_PREFIX:
        return
    token = header[len(BEARER_PREFIX) :].strip()
    try:
        claims = verify_access_token(app_state().settings, token)
    except AuthenticationError:
        return
    g.user_id = claims.user_id
    prefetch_auth_state(claims.user_id)


def install_request_identity(app: Quart) -> None:
    app.before_request(_identify_bearer)
