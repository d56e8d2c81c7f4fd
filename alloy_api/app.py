"""`create_app(settings)`: the Quart application with the contract kit wired in."""

from quart import Quart
from quart_schema import Info, QuartSchema

from alloy_api import __version__
from alloy_api.audit.routes import blueprint as audit_blueprint
from alloy_api.auth.admin_routes import blueprint as admin_users_blueprint
from alloy_api.auth.identity import install_request_identity
from alloy_api.auth.routes import blueprint as auth_blueprint
from alloy_api.auth.routes import me_blueprint
from alloy_api.auth.throttle import build_attempt_store
from alloy_api.circuits.routes import blueprint as circuits_blueprint
from alloy_api.db.lifecycle import (
    close_database,
    open_database,
    start_replica_watch,
    stop_replica_watch,
)
from alloy_api.health.routes import blueprint as health_blueprint
from alloy_api.kit.cache import build_cache, build_near_cache, close_cache, install_near_cache
from alloy_api.kit.compression import install_compression
from alloy_api.kit.error_handlers import install_error_handlers
from alloy_api.kit.idempotency import install_idempotency
from alloy_api.kit.log_file import log_file_of
from alloy_api.kit.logging import configure_logging, install_access_log
from alloy_api.kit.ratelimit import install_rate_limits
from alloy_api.kit.redis_client import build_redis, close_redis
from alloy_api.kit.request_id import install_request_id
from alloy_api.kit.security_headers import SWAGGER_UI_ORIGIN, install_security_headers
from alloy_api.movements.routes import blueprint as movements_blueprint
from alloy_api.observability.error_reports import install_error_reports
from alloy_api.observability.metrics import install_metrics
from alloy_api.observability.tracing import install_tracing
from alloy_api.programs.routes import blueprint as programs_blueprint
from alloy_api.programs.routes import workout_logs_blueprint
from alloy_api.scoring.routes import blueprint as scoring_blueprint
from alloy_api.settings import Settings
from alloy_api.state import AppState, app_state, attach_state

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
)
BEARER_SECURITY_SCHEME = {"bearer": {"type": "http", "scheme": "bearer", "bearer_format": "JWT"}}


def _install_openapi(app: Quart) -> None:
    app.config["QUART_SCHEMA_SWAGGER_JS_URL"] = (
        f"{SWAGGER_UI_ORIGIN}/ajax/libs/swagger-ui/5.4.2/swagger-ui-bundle.js"
    )
    app.config["QUART_SCHEMA_SWAGGER_CSS_URL"] = (
        f"{SWAGGER_UI_ORIGIN}/ajax/libs/swagger-ui/5.4.2/swagger-ui.min.css"
    )
    QuartSchema(
        app,
        info=Info(title="Alloy API", version=__version__),
        openapi_path="/openapi.json",
        swagger_ui_path="/docs",
        redoc_ui_path=None,
        scalar_ui_path=None,
        security_schemes=BEARER_SECURITY_SCHEME,
    )


def _install_lifecycle(app: Quart) -> None:
    @app.before_serving
    async def connect() -> None:
        await open_database(app_state().settings)
        app_state().replica_watch = start_replica_watch(app_state().settings)

    @app.after_serving
    async def disconnect() -> None:
        await stop_replica_watch(app_state().replica_watch)
        await close_database()
        await close_cache(app_state().cache)
        await close_redis(app_state().redis)


def _install_scale_kit(app: Quart, settings: Settings, state: AppState) -> None:
    """Before a request these hooks run in this order, after it in reverse order.

    So the rate limit answers before an idempotency key is claimed, the idempotency record keeps
    the uncompressed body, and compression is the last of them to touch the response.
    """
    install_compression(app, settings.compression_min_bytes)
    install_tracing(app, settings)
    install_metrics(app, settings)
    install_rate_limits(app, settings, state.redis)
    install_idempotency(app, settings, state.redis)


def create_app(settings: Settings | None = None) -> Quart:
    settings = settings or Settings()
    configure_logging(settings.log_level, settings.log_json, log_file_of(settings))
    app = Quart("alloy_api")
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    app.config["PROVIDE_AUTOMATIC_OPTIONS"] = False
    redis_client = build_redis(settings)
    state = AppState(
        settings=settings,
        cache=build_cache(settings),
        login_attempts=build_attempt_store(redis_client),
        redis=redis_client,
        near_cache=build_near_cache(settings),
    )
    attach_state(app, state)
    install_request_id(app)
    install_access_log(app)
    install_error_handlers(app)
    install_security_headers(app)
    install_request_identity(app)
    _install_scale_kit(app, settings, state)
    _install_openapi(app)
    install_near_cache(app, state)
    _install_lifecycle(app)
    install_error_reports(app, settings)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    return app
