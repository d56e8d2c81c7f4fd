"""Liveness and readiness, including each dependency being down."""

from alloy_api.app import create_app
from alloy_api.db import migrations


async def test_live_answers_ok(client) -> None:
    response = await client.get("/health/live")
    assert response.status_code == 200
    assert (await response.get_json())["data"] == {"status": "ok"}


async def test_ready_checks_each_dependency(client) -> None:
    response = await client.get("/health/ready")
    data = (await response.get_json())["data"]
    assert response.status_code == 200
    assert data["status"] == "ok"
    assert set(data["checks"]) == {"database", "migrations", "cache"}
    for check in data["checks"].values():
        assert check["status"] == "ok"
        assert check["latency_ms"] >= 0


async def readiness(settings) -> tuple[int, dict]:
    async with create_app(settings).test_app() as test_app:
        response = await test_app.test_client().get("/health/ready")
        return response.status_code, (await response.get_json())["data"]


async def test_ready_is_503_when_the_cache_is_down(settings_factory) -> None:
    status, data = await readiness(settings_factory(redis_url="redis://127.0.0.1:1/0"))
    assert status == 503
    assert data["checks"]["cache"]["status"] == "failing"
    assert data["checks"]["database"]["status"] == "ok"


async def test_ready_is_503_when_the_database_is_down(settings_factory) -> None:
    status, data = await readiness(
        settings_factory(database_url="postgres://alloy@127.0.0.1:1/alloy")
    )
    assert status == 503
    assert data["checks"]["database"]["status"] == "failing"
    assert data["checks"]["migrations"]["status"] == "failing"


async def test_ready_is_503_until_migrations_are_applied(settings_factory, tmp_path) -> None:
    fresh = settings_factory(
        data_dir=tmp_path / "fresh", database_url=f"sqlite://{tmp_path / 'fresh.sqlite3'}"
    )
    status, data = await readiness(fresh)
    assert status == 503
    assert data["checks"]["migrations"]["status"] == "failing"
    assert "pending migrations" in data["checks"]["migrations"]["detail"]
    assert await migrations.upgrade(fresh) == migrations.migration_files(fresh)
    status, data = await readiness(fresh)
    assert status == 200
