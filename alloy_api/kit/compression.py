"""gzip or Brotli for bodies of `compression_min_bytes` or more, when the client accepts it."""

import gzip

import brotli
from quart import Quart, Response, request
from quart.wrappers.response import DataBody

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


def install_compression(app: Quart, min_bytes: int) -> None:
    async def compress(response: Response) -> Response:
        if (
            response.status_code in UNCOMPRESSED_STATUSES
            or "Content-Encoding" in response.headers
            or not isinstance(response.response, DataBody)
            or len(response.response.data) < min_bytes
        ):
            return response
        _add_vary(response)
        encoding = _chosen_encoding()
        if encoding is not None:
            response.set_data(_compress(response.response.data, encoding))
            response.headers["Content-Encoding"] = encoding
        return response

    app.after_request(compress)
