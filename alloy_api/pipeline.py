"""The request pipeline of Alloy, declared once: the stages every request passes, in order.

On the way in a request meets the stages from the first to the last, then its route; the
response comes back through them in reverse. An error raised at any depth is rendered into its
envelope right there, so every stage outside it still sees a response.

1. `request_id`: echo a safe `X-Request-ID` or mint one; it is in every log line and envelope.
2. `observe`: one access line, one latency sample (and, with tracing, one server span) per
   request, whatever the answer.
3. `security_headers`: the OWASP headers and the cache policy on every response.
4. `cors`: a preflight from an origin of `ALLOY_CORS_ORIGINS` answered (before identity and
   limits: it carries no token); every response to such an origin readable by its page.
5. `compression`: gzip or Brotli on the way out, the last to touch the body (so what the
   idempotency stage keeps is uncompressed).
6. `body`: reads the body and refuses one that is not UTF-8 JSON (415, 400), is encoded
   (415), exceeds the limit (413), arrives too slowly (408) or nests too deeply (400).
7. `identity`: on a guarded route, the token verified and checked against its revocation state
   (401), and the role (403). Its user's auth state comes with the rate limiter's Redis round
   trip, which this stage therefore takes first.
8. `rate_limit`: 429 for a request over its class's budget (per user, else per address).
9. `idempotency`: a keyed POST of an authenticated user runs in one database transaction with
   its key, or replays the kept outcome.
→ the route (validation, service, envelope).

Below the pipeline, at the ASGI level, `kit.transport.TransportGuard` answers a request whose
body broke off in transit (docs/RELIABILITY.md, "Hostile input").

What each stage does when a dependency fails is in docs/OPERATIONS.md.
"""

from quart import Quart

from alloy_api.auth.identity import IdentityStage
from alloy_api.idempotency.stage import IdempotencyStage
from alloy_api.kit.body import BodyStage
from alloy_api.kit.compression import CompressionStage
from alloy_api.kit.cors import CorsStage
from alloy_api.kit.pipeline import Pipeline
from alloy_api.kit.ratelimit import RateLimiter, RateLimitStage
from alloy_api.kit.request_id import RequestIdStage
from alloy_api.kit.security_headers import SecurityHeadersStage
from alloy_api.observability.stage import ObserveStage
from alloy_api.observability.tracing import ServerSpans
from alloy_api.settings import Settings


def build_pipeline(
    app: Quart, settings: Settings, limiter: RateLimiter, spans: ServerSpans | None
) -> Pipeline:
    return Pipeline(
        app,
        [
            RequestIdStage(),
            ObserveStage(spans),
            SecurityHeadersStage(),
            CorsStage(settings.cors_origins),
            CompressionStage(settings.compression_min_bytes),
            BodyStage(settings.max_body_bytes),
            IdentityStage(settings, limiter),
            RateLimitStage(limiter),
            IdempotencyStage(settings),
        ],
    )
