"""Times `POST /v1/programs` for a 12-week, 6-day program on PostgreSQL, in-process.

Run from the repository root (the database is dropped and re-created):
`python -m loadtests.bench_program_create --database-url postgres://postgres@127.0.0.1:5432/alloy_bench_programs`
Prints the median wall-clock milliseconds of the rounds and the SQL statements one request sends.
"""

import argparse
import asyncio
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

from alloy_api.app import create_app
from alloy_api.db import migrations
from alloy_api.settings import Settings
from tests.auth.factories import make_account
from tests.conftest import FAST_PASSWORD_HASHING, recreate_postgres_database
from tests.library_support import seed_everything
from tests.programs.support import counting_statements, program_body

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/alloy_bench_programs"
SQL_VERBS = ("SELECT", "INSERT", "UPDATE", "DELETE", "SET")


def _settings(database_url: str, data_dir: Path) -> Settings:
    return Settings(
        data_dir=data_dir,
        database_url=database_url,
        rate_limit_enabled=False,
        log_level="WARNING",
        **FAST_PASSWORD_HASHING,
    )


async def _post(client, headers: dict[str, str], seed: int) -> float:
    body = program_body(duration_weeks=12, days_per_week=6, max_session_minutes=75, seed=seed)
    started = time.perf_counter()
    response = await client.post("/v1/programs", json=body, headers=headers)
    elapsed_ms = (time.perf_counter() - started) * 1000
    if response.status_code != 201:
        raise SystemExit(f"POST /v1/programs answered {response.status_code}")
    return elapsed_ms


async def bench(database_url: str, rounds: int) -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        settings = _settings(database_url, Path(data_dir))
        await recreate_postgres_database(database_url)
        await migrations.upgrade(settings)
        app = create_app(settings)
        async with app.test_app() as test_app:
            client = test_app.test_client()
            await seed_everything()
            account = await make_account(settings)
            await _post(client, account.headers, seed=0)
            with counting_statements() as counted:
                await _post(client, account.headers, seed=1)
            timings = [await _post(client, account.headers, seed=n) for n in range(rounds)]
    statements = [
        text for text in counted.statements if text.lstrip().upper().startswith(SQL_VERBS)
    ]
    kinds = Counter(text.split()[0].upper() for text in statements)
    print(
        f"POST /v1/programs (12 weeks x 6 days, PostgreSQL, in-process): "
        f"median {statistics.median(timings):.1f} ms over {rounds} rounds "
        f"(min {min(timings):.1f}, max {max(timings):.1f})"
    )
    print(
        f"SQL statements per request: {len(statements)} ({dict(sorted(kinds.items()))}), "
        "plus BEGIN and COMMIT; each bulk insert is one pipelined executemany"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--rounds", type=int, default=20)
    arguments = parser.parse_args()
    asyncio.run(bench(arguments.database_url, arguments.rounds))


if __name__ == "__main__":
    main()
