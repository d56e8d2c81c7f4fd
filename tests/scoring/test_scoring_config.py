"""The scoring config: one active version, guaranteed by the database; every PUT a new version."""

import asyncio

import pytest
from tortoise.exceptions import IntegrityError

from alloy_api.audit.models import AuditEvent
from alloy_api.auth.principal import Principal
from alloy_api.auth.roles import Role
from alloy_api.kit.errors import ErrorCode, NotFoundError
from alloy_api.scoring.defaults import DEFAULT_SET_REP_RANGES, DEFAULT_WEIGHTS
from alloy_api.scoring.models import ScoringConfigVersion
from alloy_api.scoring.service import activate_version, seed_default
from tests.library_support import error_codes, get_data

PATH = "/v1/admin/scoring_config"


def config_body(pattern_alignment: float) -> dict:
    return {
        "weights": {**DEFAULT_WEIGHTS.model_dump(), "pattern_alignment": pattern_alignment},
        "set_rep_ranges": DEFAULT_SET_REP_RANGES.model_dump(),
    }


async def test_no_config_before_seeding_then_the_default(client, admin_headers) -> None:
    missing = await client.get(PATH, headers=admin_headers)
    assert missing.status_code == 404
    assert error_codes(await missing.get_json()) == ["NF_SCORING_CONFIG"]
    await seed_default()
    active = await get_data(client, PATH, admin_headers)
    assert active["version"] == 1 and active["is_active"] is True
    assert active["weights"] == DEFAULT_WEIGHTS.model_dump()


async def test_a_put_publishes_a_new_active_version(client, admin_headers) -> None:
    await seed_default()
    response = await client.put(PATH, json=config_body(4.5), headers=admin_headers)
    published = (await response.get_json())["data"]
    assert response.status_code == 200, published
    assert (published["version"], published["is_active"]) == (2, True)
    assert (await get_data(client, PATH, admin_headers))["weights"]["pattern_alignment"] == 4.5
    versions = await get_data(client, f"{PATH}/versions", admin_headers)
    assert [(item["version"], item["is_active"]) for item in versions["items"]] == [
        (2, True),
        (1, False),
    ]


async def test_invalid_configs_are_refused(client, admin_headers) -> None:
    body = config_body(3.0)
    body["set_rep_ranges"]["main"]["reps_min"] = 12
    body["set_rep_ranges"]["main"]["reps_max"] = 5
    response = await client.put(PATH, json=body, headers=admin_headers)
    assert response.status_code == 400
    zero = {**config_body(0), "weights": dict.fromkeys(DEFAULT_WEIGHTS.model_dump(), 0)}
    assert (await client.put(PATH, json=zero, headers=admin_headers)).status_code == 400


async def test_the_database_refuses_a_second_active_version(running_app) -> None:
    await seed_default()
    with pytest.raises(IntegrityError):
        await ScoringConfigVersion.create(
            version=99, weights={}, set_rep_ranges={}, is_active=True, author="direct"
        )
    await ScoringConfigVersion.create(
        version=100, weights={}, set_rep_ranges={}, is_active=False, author="direct"
    )
    assert await ScoringConfigVersion.filter(is_active=True).count() == 1


async def test_concurrent_puts_leave_exactly_one_active_version(client, admin_headers) -> None:
    await seed_default()
    responses = await asyncio.gather(
        *(
            client.put(PATH, json=config_body(float(index)), headers=admin_headers)
            for index in range(4)
        )
    )
    assert [response.status_code for response in responses] == [200] * 4
    versions = sorted(await ScoringConfigVersion.all().values_list("version", "is_active"))
    assert [version for version, _ in versions] == [1, 2, 3, 4, 5]
    assert [version for version, active in versions if active] == [5]


async def test_the_scoring_config_is_for_admins_only(client, user_headers) -> None:
    await seed_default()
    for method, path, body in (
        ("GET", PATH, None),
        ("PUT", PATH, config_body(1.0)),
        ("GET", f"{PATH}/versions", None),
    ):
        as_user = await client.open(path, method=method, json=body, headers=user_headers)
        assert as_user.status_code == 403, (method, path)
        assert error_codes(await as_user.get_json()) == ["AUTH_FORBIDDEN"]
        anonymous = await client.open(path, method=method, json=body)
        assert anonymous.status_code == 401, (method, path)
    assert await ScoringConfigVersion.all().count() == 1


async def test_a_published_version_names_its_author_and_is_audited(client, admin_account) -> None:
    await seed_default()
    response = await client.put(PATH, json=config_body(2.0), headers=admin_account.headers)
    published = (await response.get_json())["data"]
    assert published["author_id"] == admin_account.id
    assert published["author"] == f"user:{admin_account.id}"
    event = await AuditEvent.get(action="scoring_config_published")
    assert (event.target_id, event.details) == (published["id"], {"version": 2})


async def test_activating_an_earlier_version_serves_it_at_once(client, admin_headers) -> None:
    await seed_default()
    await client.put(PATH, json=config_body(4.5), headers=admin_headers)
    assert (await get_data(client, PATH, admin_headers))["version"] == 2
    operator = Principal(role=Role.SUPER_ADMIN, actor="cli:tester", user=None)
    async with client.app.app_context():
        await activate_version(operator, 1)
    active = await get_data(client, PATH, admin_headers)
    assert (active["version"], active["weights"]["pattern_alignment"]) == (1, 3.0)
    versions = sorted(await ScoringConfigVersion.all().values_list("version", "is_active"))
    assert versions == [(1, True), (2, False)]
    event = await AuditEvent.get(action="scoring_config_activated")
    assert (event.actor, event.details) == ("cli:tester", {"version": 1, "previous_version": 2})
    with pytest.raises(NotFoundError) as missing:
        await activate_version(operator, 7)
    assert missing.value.error_code is ErrorCode.NF_SCORING_CONFIG_VERSION
