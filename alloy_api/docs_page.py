"""`/docs`: Swagger UI served by Alloy itself from the `swagger-ui-bundle` package, so the page
works without a network and its Content-Security-Policy names only Alloy's own origin (no inline
script: the page's set-up is `/docs/assets/alloy-docs.js`)."""

from functools import cache
from pathlib import Path

from quart import Blueprint, Response
from quart_schema import hide
from swagger_ui_bundle import swagger_ui_path

from alloy_api.kit.errors import NotFoundError
from alloy_api.kit.rate_classes import rate_exempt
from alloy_api.kit.security_headers import DOCS_PATH

ASSETS = {
    "swagger-ui.css": "text/css; charset=utf-8",
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
    "swagger-ui-standalone-preset.js": "text/javascript; charset=utf-8",
    "favicon-32x32.png": "image/png",
}
ASSET_CACHE_CONTROL = "public, max-age=86400"
SET_UP_SCRIPT = """window.addEventListener("load", () => {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: "StandaloneLayout",
  });
});
"""
PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Alloy API</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
  <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
  <script src="/docs/assets/alloy-docs.js"></script>
</body>
</html>
"""

blueprint = Blueprint("docs", __name__, url_prefix=DOCS_PATH)


@blueprint.get("")
@hide
@rate_exempt
async def page() -> Response:
    return Response(PAGE, content_type="text/html; charset=utf-8")


@blueprint.get("/assets/<name>")
@hide
@rate_exempt
async def asset(name: str) -> Response:
    if name == "alloy-docs.js":
        return _cached(Response(SET_UP_SCRIPT, content_type=ASSETS["swagger-ui-bundle.js"]))
    content_type = ASSETS.get(name)
    if content_type is None:
        raise NotFoundError(f"No docs asset {name!r}")
    return _cached(Response(_asset_bytes(name), content_type=content_type))


@cache
def _asset_bytes(name: str) -> bytes:
    """Read once per process: the files are part of the installed package."""
    return (Path(str(swagger_ui_path)) / name).read_bytes()


def _cached(response: Response) -> Response:
    response.headers["Cache-Control"] = ASSET_CACHE_CONTROL
    return response
