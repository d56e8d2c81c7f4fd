"""Who is asking: the client's address, behind the configured number of trusted proxies."""

from quart import request

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
