"""Who is asking: the client's address and the key rate limits and idempotency keys use."""

from quart import g, request

from alloy_api.state import app_state

FORWARDED_FOR_HEADER = "X-Forwarded-For"
UNKNOWN_CLIENT_IP = "unknown"


def client_ip() -> str:
    """The client's address: behind N trusted proxies, the Nth entry from the right of
    `X-Forwarded-For` (each proxy appends the address it was reached from), else the peer."""
    trusted_proxies = app_state().settings.trusted_proxy_count
    if trusted_proxies:
        forwarded = [
            hop.strip() for hop in request.headers.get(FORWARDED_FOR_HEADER, "").split(",")
        ]
        forwarded = [hop for hop in forwarded if hop]
        if len(forwarded) >= trusted_proxies:
            return forwarded[-trusted_proxies]
    return request.remote_addr or UNKNOWN_CLIENT_IP


def client_identity() -> str:
    """The authenticated user (`g.user_id`) when there is one, else the client address."""
    user_id = g.get("user_id")
    if user_id is not None:
        return f"user:{user_id}"
    return f"ip:{client_ip()}"
