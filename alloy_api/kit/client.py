"""Who is asking: the key that rate limits and idempotency keys are scoped by."""

from quart import g, request


def client_identity() -> str:
    """The authenticated user (`g.user_id`) when there is one, else the client address."""
    user_id = g.get("user_id")
    if user_id is not None:
        return f"user:{user_id}"
    return f"ip:{request.remote_addr or 'unknown'}"
