"""Weak ETags of a resource's data, and `If-None-Match` answered with 304.

The tag covers `data` only, never `meta` (its timestamp and request id change on every response).
It is weak (`W/"..."`) because the bytes on the wire vary with compression while the resource does
not.
"""

import hashlib

from quart import Response, request

ETAG_DIGEST_BYTES = 16
CONDITIONAL_METHODS = frozenset({"GET", "HEAD"})


def etag_of(data_json: bytes) -> str:
    return f'W/"{hashlib.blake2b(data_json, digest_size=ETAG_DIGEST_BYTES).hexdigest()}"'


def _opaque(tag: str) -> str:
    tag = tag.strip()
    return tag[2:] if tag.startswith("W/") else tag


def client_has(etag: str) -> bool:
    """Whether this GET's `If-None-Match` names `etag` (weak comparison, `*` matches any)."""
    if request.method not in CONDITIONAL_METHODS:
        return False
    header = request.headers.get("If-None-Match")
    if not header:
        return False
    if header.strip() == "*":
        return True
    wanted = _opaque(etag)
    return any(_opaque(candidate) == wanted for candidate in header.split(","))


def not_modified(etag: str) -> Response:
    response = Response(b"", 304, {"ETag": etag})
    del response.headers["Content-Type"]
    return response
