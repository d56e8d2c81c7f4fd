"""gzip or Brotli for bodies of `compression_min_bytes` or more, when the client accepts it."""

import gzip

import brotli
from quart import Response, request
from quart.wrappers.response import DataBody

from alloy_api.kit.pipeline import CallNext, RequestState

GZIP_LEVEL = 5
BROTLI_QUALITY = 4
UNCOMPRESSED_STATUSES = frozenset({204, 304})


def _compress(body: bytes, encoding: str) -> bytes:
    if encoding == "br":
        return brotli.compress(body, quality=BROTLI_QUALITY)
    return gzip.compress(body, compresslevel=GZIP_LEVEL)


def _chosen_encoding() -> str | None:
    """`br` or `gzip`, whichever the client prefers (`br` on a tie), or None."""
    accepted = request.accept_encodings
    qualities = {encoding: accepted.quality(encoding) for encoding in ("br", "gzip")}
    best = max(qualities, key=lambda encoding: qualities[encoding])
    return best if qualities[best] > 0 else None


def _add_vary(response: Response) -> None:
    varies = {value.strip().lower() for value in response.headers.get("Vary", "").split(",")}
    if "accept-encoding" not in varies:
        response.headers.add("Vary", "Accept-Encoding")


class CompressionStage:
    """The last to touch a response body on its way out: what idempotency keeps is uncompressed."""

    name = "compression"

    def __init__(self, min_bytes: int) -> None:
        self._min_bytes = min_bytes

    async def __call__(self, state: RequestState, call_next: CallNext) -> Response:
        response = await call_next()
        if (
            response.status_code in UNCOMPRESSED_STATUSES
            or "Content-Encoding" in response.headers
            or not isinstance(response.response, DataBody)
            or len(response.response.data) < self._min_bytes
        ):
            return response
        _add_vary(response)
        encoding = _chosen_encoding()
        if encoding is not None:
            response.set_data(_compress(response.response.data, encoding))
            response.headers["Content-Encoding"] = encoding
        return response
