"""`create_app(settings)`: the Quart application with the request pipeline and the domains."""

import asyncio
import contextlib

from quart import Quart
from quart_schema import Info, QuartSchema

from alloy_api import __version__
from alloy_api.audit.routes import blueprint as audit_blueprint
from alloy_api.auth.admin_routes import blueprint as admin_users_blueprint
from alloy_api.auth.routes import blueprint as auth_blueprint
from alloy_api.auth.routes import me_blueprint
from alloy_api.auth.throttle import build_attempt_store
from alloy_api.circuits.routes import blueprint as circuits_blueprint
from alloy_api.db.lifecycle import close_database, open_database, watch_replicas_forever
from alloy_api.db.outbox import attach_outbox, drain_forever, prune_followed_forever
from alloy_api.docs_page import blueprint as docs_blueprint
from alloy_api.health.routes import blueprint as health_blueprint
from alloy_api.idempotency.service import prune_forever
from alloy_api.kit.body import StrictJsonProvider
from alloy_api.kit.cache import build_cache
from alloy_api.kit.cache.near import listen_for_invalidations
from alloy_api.kit.error_handlers import install_error_handlers
from alloy_api.kit.ids import IdConverter
from alloy_api.kit.log_file import log_file_of
from alloy_api.kit.logging import configure_logging
from alloy_api.kit.pipeline import PipelineApp
from alloy_api.kit.ratelimit import RateLimiter
from alloy_api.kit.redis_link import RedisLink, build_client
from alloy_api.kit.transport import TransportGuard
from alloy_api.movements.routes import blueprint as movements_blueprint
from alloy_api.observability.error_reports import install_error_reports
from alloy_api.observability.metrics import install_metrics
from alloy_api.observability.tracing import build_server_spans
from alloy_api.openapi import AlloyOpenAPIProvider
from alloy_api.pipeline import build_pipeline
from alloy_api.programs.routes import blueprint as programs_blueprint
from alloy_api.programs.routes import workout_logs_blueprint
from alloy_api.scoring.routes import blueprint as scoring_blueprint
from alloy_api.settings import Settings
from alloy_api.state import AppState, attach_state

BLUEPRINTS = (
    health_blueprint,
    auth_blueprint,
    me_blueprint,
    admin_users_blueprint,
    audit_blueprint,
    movements_blueprint,
    circuits_blueprint,
    scoring_blueprint,
    programs_blueprint,
    workout_logs_blueprint,
    docs_blueprint,
)
BEARER_SECURITY_SCHEME = {"bearer": {"type": "http", "scheme": "bearer", "bearer_format": "JWT"}}


def _install_openapi(app: Quart) -> None:
    QuartSchema(
        app,
        info=Info(title="Alloy API", version=__version__),
        openapi_path="/openapi.json",
        swagger_ui_path=None,
        redoc_ui_path=None,
        scalar_ui_path=None,
        security_schemes=BEARER_SECURITY_SCHEME,
        openapi_provider_class=AlloyOpenAPIProvider,
    )


def build_state(settings: Settings) -> AppState:
    client = build_client(settings)
    link = RedisLink(client, settings) if client is not None else None
    cache = build_cache(settings, link)
    attach_outbox(cache, settings)
    return AppState(
        settings=settings,
        cache=cache,
        login_attempts=build_attempt_store(link),
        rate_limiter=RateLimiter(settings, link, on_epoch=cache.observe_epoch),
        redis=link,
    )


def _install_lifecycle(app: Quart, state: AppState) -> None:
    stop_listening = asyncio.Event()

    @app.before_serving
    async def connect() -> None:
        await open_database(state.settings)
        stop_listening.clear()
        for work in _background_work(state, stop_listening):
            state.background.append(asyncio.create_task(work))

    @app.after_serving
    async def disconnect() -> None:
        stop_listening.set()
        for task in state.background:
            task.cancel()
        for task in state.background:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        state.background.clear()
        await close_database()
        if state.redis is not None:
            await state.redis.close()


def _background_work(state: AppState, stop: asyncio.Event) -> list:
    settings, cache = state.settings, state.cache
    work = [prune_forever(settings)]
    replicas = watch_replicas_forever(settings)
    if replicas is not None:
        work.append(replicas)
    if cache.outbox is not None and cache.in_process:
        work.append(prune_followed_forever(cache.outbox))
    elif cache.outbox is not None:
        work.append(drain_forever(cache.outbox, cache, settings.cache_outbox_drain_seconds))
    if cache.near is not None and cache.link is not None:
        work.append(listen_for_invalidations(cache.link, cache.near, stop))
    return work


def create_app(settings: Settings | None = None) -> Quart:
    settings = settings or Settings()
    configure_logging(settings.log_level, settings.log_json, log_file_of(settings))
    app = PipelineApp("alloy_api")
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    app.config["BODY_TIMEOUT"] = settings.body_timeout_seconds
    app.config["PROVIDE_AUTOMATIC_OPTIONS"] = False
    app.url_map.converters["id"] = IdConverter
    app.url_map.merge_slashes = False
    state = build_state(settings)
    attach_state(app, state)
    install_error_handlers(app)
    install_metrics(app, settings)
    spans = build_server_spans(app, settings)
    _install_openapi(app)
    app.json = StrictJsonProvider(app)
    _install_lifecycle(app, state)
    install_error_reports(app, settings)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    app.pipeline = build_pipeline(app, settings, state.rate_limiter, spans)
    app.asgi_app = TransportGuard(app.asgi_app)  # type: ignore[method-assign]
    return app
