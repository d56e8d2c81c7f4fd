"""The scoring config versions on PostgreSQL are read through an index in sort order."""

import pytest

from alloy_api.scoring import service
from alloy_api.scoring.repository import ScoringConfigRepository
from alloy_api.scoring.schemas import ScoringConfigVersionsQuery
from tests.conftest import TEST_DATABASE_URL
from tests.query_plans import ListRead, assert_pages_read_by_index, run_sql, sort_tokens

pytestmark = pytest.mark.skipif(not TEST_DATABASE_URL, reason="EXPLAIN of PostgreSQL plans")

VERSION_ROWS = 3_000
"""Far more versions than admins publish, so that reading them all would show."""
VERSIONS = f"""
INSERT INTO scoring_config_version (id, version, weights, set_rep_ranges, is_active, author,
    created_at)
SELECT gen_random_uuid(), n, '{{}}', '{{}}', n = {VERSION_ROWS}, 'cli:ops',
    timestamptz '2026-01-01' - ({VERSION_ROWS} - n) * interval '3 hours'
FROM generate_series(1, {VERSION_ROWS}) AS n
"""  # noqa: S608 - built from this module's constants


@pytest.fixture
async def many_versions(running_app) -> None:
    await run_sql(VERSIONS)
    await run_sql("ANALYZE scoring_config_version")


@pytest.mark.parametrize("sort_token", sort_tokens(ScoringConfigRepository.sorts))
async def test_version_pages_read_an_index_in_order(running_app, many_versions, sort_token) -> None:
    await assert_pages_read_by_index(
        running_app,
        service.list_versions,
        ScoringConfigVersionsQuery(sort=sort_token),
        ListRead(
            "scoring_config_version",
            ScoringConfigRepository.sorts[sort_token.removeprefix("-")],
            (),
        ),
    )
