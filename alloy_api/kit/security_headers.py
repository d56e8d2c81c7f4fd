"""The security headers of CONTRACT §6 on every response."""

from quart import Quart, Response, request

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
SWAGGER_UI_ORIGIN = "https://cdnjs.cloudflare.com"
DOCS_CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; script-src 'unsafe-inline' {SWAGGER_UI_ORIGIN}; "
    f"style-src 'unsafe-inline' {SWAGGER_UI_ORIGIN}; img-src data: {SWAGGER_UI_ORIGIN}; "
    "connect-src 'self'; frame-ancestors 'none'"
)
DOCS_PATH = "/docs"

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


async def _add_security_headers(response: Response) -> Response:
    headers = response.headers
    headers.extend(STATIC_SECURITY_HEADERS)
    is_docs_page = request.path == DOCS_PATH
    headers["Content-Security-Policy"] = (
        DOCS_CONTENT_SECURITY_POLICY if is_docs_page else JSON_CONTENT_SECURITY_POLICY
    )
    if "ETag" in headers:
        headers["Cache-Control"] = "private, no-cache"
    else:
        headers.setdefault("Cache-Control", "no-store")
    headers["Server"] = NO_SERVER_BANNER
    return response


def install_security_headers(app: Quart) -> None:
    app.after_request(_add_security_headers)
