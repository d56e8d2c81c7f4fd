"""`alloy serve` on a bare machine: database created, migrated and loaded with the library."""

import sqlite3

import httpx


def test_serve_creates_migrates_and_seeds_the_embedded_database(
    served_host,
    served_data_dir,
) -> None:
    assert httpx.get(f"{served_host}/health/ready").status_code == 200
    with sqlite3.connect(served_data_dir / "alloy.sqlite3") as database:
        movements = database.execute("SELECT COUNT(*) FROM movement").fetchone()[0]
        circuits = database.execute("SELECT COUNT(*) FROM circuit").fetchone()[0]
        active_configs = database.execute(
            "SELECT COUNT(*) FROM scoring_config_version WHERE is_active"
        ).fetchone()[0]
    assert movements >= 120
    assert circuits >= 20
    assert active_configs == 1
