"""The security headers of CONTRACT §6 on every response."""

from quart import Response, request

from alloy_api.kit.pipeline import CallNext, RequestState

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "sync-xhr",
        "usb",
        "xr-spatial-tracking",
    )
)
JSON_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'"
DOCS_CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'"
)
"""The docs page loads only Alloy's own files; Swagger UI sets inline style attributes."""
DOCS_PATH = "/docs"
DOCS_ASSETS_PREFIX = f"{DOCS_PATH}/"

NO_SERVER_BANNER = ""
"""Sent so that the ASGI server does not add its own name as a banner."""

STATIC_SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Permitted-Cross-Domain-Policies": "none",
    "X-XSS-Protection": "0",
}


JSON_SECURITY_HEADERS = (
    *STATIC_SECURITY_HEADERS.items(),
    ("Content-Security-Policy", JSON_CONTENT_SECURITY_POLICY),
    ("Server", NO_SERVER_BANNER),
)
"""Appended, not set: no route sets any of them, and werkzeug's set compares every header."""
DOCS_SECURITY_HEADERS = (
    *STATIC_SECURITY_HEADERS.items(),
    ("Content-Security-Policy", DOCS_CONTENT_SECURITY_POLICY),
    ("Server", NO_SERVER_BANNER),
)


NO_STORE_PREFIXES = ("/v1/users/", "/v1/auth/", "/v1/admin/")
"""Accounts, tokens and administration: never kept by any cache, even with an ETag."""


def _cache_control(path: str, response: Response) -> str | None:
    if path.startswith(NO_STORE_PREFIXES):
        return "no-store"
    if "ETag" in response.headers:
        return "private, no-cache"
    return None if "Cache-Control" in response.headers else "no-store"


class SecurityHeadersStage:
    name = "security_headers"

    async def __call__(self, state: RequestState, call_next: CallNext) -> Response:
        response = await call_next()
        headers = response.headers
        path = request.path
        cache_control = _cache_control(path, response)
        if cache_control is not None:
            headers["Cache-Control"] = cache_control
        docs = path == DOCS_PATH or path.startswith(DOCS_ASSETS_PREFIX)
        headers.extend(DOCS_SECURITY_HEADERS if docs else JSON_SECURITY_HEADERS)
        return response
