"""TOTP enrolment, verification with recovery codes, login with a code, replay, disabling."""

from urllib.parse import parse_qs, urlsplit

from alloy_api.auth.models import RecoveryCode, User
from alloy_api.auth.totp import code_at_step, current_step
from tests.auth.helpers import audit_events, body_of, error_codes, login

TWO_FA = "/v1/auth/2fa"


async def enrol(client, account) -> str:
    response = await client.post(
        f"{TWO_FA}/enrolment", json={"current_password": account.password}, headers=account.headers
    )
    assert response.status_code == 201
    data = (await body_of(response))["data"]
    uri = urlsplit(data["otpauth_uri"])
    assert uri.scheme == "otpauth"
    assert parse_qs(uri.query)["secret"] == [data["secret"]]
    assert parse_qs(uri.query)["issuer"] == ["Alloy"]
    return data["secret"]


async def enable(client, account) -> tuple[str, list[str]]:
    secret = await enrol(client, account)
    code = code_at_step(secret, current_step())
    response = await client.post(
        f"{TWO_FA}/verification", json={"code": code}, headers=account.headers
    )
    assert response.status_code == 201
    data = (await body_of(response))["data"]
    return secret, data["recovery_codes"]


async def test_enrolment_and_verification_enable_2fa_with_ten_recovery_codes(
    client, user_account
) -> None:
    secret = await enrol(client, user_account)
    status = (await body_of(await client.get(TWO_FA, headers=user_account.headers)))["data"]
    assert status == {"enabled": False, "enrolment_pending": True, "recovery_codes_remaining": 0}
    wrong = await client.post(
        f"{TWO_FA}/verification", json={"code": "000000"}, headers=user_account.headers
    )
    assert error_codes(await body_of(wrong)) == ["AUTH_2FA_INVALID"]
    code = code_at_step(secret, current_step())
    response = await client.post(
        f"{TWO_FA}/verification", json={"code": code}, headers=user_account.headers
    )
    data = (await body_of(response))["data"]
    assert data["enabled"] is True
    assert len(data["recovery_codes"]) == len(set(data["recovery_codes"])) == 10
    stored = await User.get(id=user_account.id)
    assert stored.totp_secret_encrypted and secret not in stored.totp_secret_encrypted
    hashes = {row.code_hash for row in await RecoveryCode.filter(user_id=user_account.id)}
    assert not hashes & set(data["recovery_codes"])
    me = await body_of(await client.get("/v1/users/me", headers=user_account.headers))
    assert me["data"]["two_factor_enabled"] is True
    assert secret not in str(me)
    status = await body_of(await client.get(TWO_FA, headers=user_account.headers))
    assert status["data"]["recovery_codes_remaining"] == 10
    assert secret not in str(status)
    assert [e.action for e in await audit_events("two_factor_enabled")] == ["two_factor_enabled"]
    again = await client.post(
        f"{TWO_FA}/enrolment",
        json={"current_password": user_account.password},
        headers=user_account.headers,
    )
    assert error_codes(await body_of(again)) == ["BR_2FA_ALREADY_ENABLED"]


async def test_verification_without_enrolment_is_a_conflict(client, user_account) -> None:
    response = await client.post(
        f"{TWO_FA}/verification", json={"code": "123456"}, headers=user_account.headers
    )
    assert response.status_code == 409
    assert error_codes(await body_of(response)) == ["BR_2FA_NOT_ENROLLED"]


async def test_login_needs_a_code_which_works_only_once(client, user_account) -> None:
    secret, _ = await enable(client, user_account)
    without = await login(client, user_account.email, user_account.password)
    assert without.status_code == 401
    assert error_codes(await body_of(without)) == ["AUTH_2FA_REQUIRED"]
    next_code = code_at_step(secret, current_step() + 1)
    first = await login(client, user_account.email, user_account.password, otp_code=next_code)
    assert first.status_code == 200
    replay = await login(client, user_account.email, user_account.password, otp_code=next_code)
    assert error_codes(await body_of(replay)) == ["AUTH_2FA_INVALID"]
    older = code_at_step(secret, current_step())
    earlier_step = await login(client, user_account.email, user_account.password, otp_code=older)
    assert error_codes(await body_of(earlier_step)) == ["AUTH_2FA_INVALID"]
    failures = await audit_events("login_failed")
    assert [event.details["reason"] for event in failures] == ["second_factor_invalid"] * 2


async def test_code_outside_the_window_is_refused(client, user_account) -> None:
    secret, _ = await enable(client, user_account)
    too_old = code_at_step(secret, current_step() - 3)
    response = await login(client, user_account.email, user_account.password, otp_code=too_old)
    assert error_codes(await body_of(response)) == ["AUTH_2FA_INVALID"]


async def test_each_recovery_code_logs_in_once(client, user_account) -> None:
    _, recovery_codes = await enable(client, user_account)
    code = recovery_codes[0]
    first = await login(
        client, user_account.email, user_account.password, recovery_code=code.upper()
    )
    assert first.status_code == 200
    again = await login(client, user_account.email, user_account.password, recovery_code=code)
    assert error_codes(await body_of(again)) == ["AUTH_2FA_INVALID"]
    [event] = await audit_events("recovery_code_used")
    assert event.details == {"remaining": 9}


def disabling(account, code: str, password: str | None = None) -> dict:
    return {"code": code, "current_password": password or account.password}


async def test_disable_needs_the_password_and_a_valid_code(client, user_account) -> None:
    secret, _ = await enable(client, user_account)
    code = code_at_step(secret, current_step() + 1)
    headers = user_account.headers
    wrong = await client.delete(TWO_FA, json=disabling(user_account, "000000"), headers=headers)
    assert error_codes(await body_of(wrong)) == ["AUTH_2FA_INVALID"]
    no_password = await client.delete(TWO_FA, json={"code": code}, headers=headers)
    assert error_codes(await body_of(no_password)) == ["VAL_CURRENT_PASSWORD"]
    wrong_password = await client.delete(
        TWO_FA, json=disabling(user_account, code, "not my password at all"), headers=headers
    )
    assert error_codes(await body_of(wrong_password)) == ["AUTH_INVALID_CREDENTIALS"]
    response = await client.delete(TWO_FA, json=disabling(user_account, code), headers=headers)
    assert response.status_code == 204
    assert (await login(client, user_account.email, user_account.password)).status_code == 200
    assert await RecoveryCode.filter(user_id=user_account.id).count() == 0
    assert len(await audit_events("two_factor_disabled")) == 1
    not_enabled = await client.delete(
        TWO_FA, json=disabling(user_account, code), headers=user_account.headers
    )
    assert error_codes(await body_of(not_enabled)) == ["BR_2FA_NOT_ENABLED"]


async def test_two_factor_routes_need_a_signed_in_user(client) -> None:
    response = await client.post(f"{TWO_FA}/enrolment", json={"current_password": "x"})
    assert error_codes(await body_of(response)) == ["AUTH_MISSING_TOKEN"]


async def test_enrolment_needs_the_current_password(client, user_account) -> None:
    path = f"{TWO_FA}/enrolment"
    missing = await client.post(path, json={}, headers=user_account.headers)
    assert error_codes(await body_of(missing)) == ["VAL_CURRENT_PASSWORD"]
    wrong = await client.post(
        path, json={"current_password": "not my password at all"}, headers=user_account.headers
    )
    assert error_codes(await body_of(wrong)) == ["AUTH_INVALID_CREDENTIALS"]
    status = (await body_of(await client.get(TWO_FA, headers=user_account.headers)))["data"]
    assert status["enrolment_pending"] is False
    [refusal] = await audit_events("two_factor_failed")
    assert refusal.details == {"during": "enrolment", "reason": "wrong_current_password"}


async def test_a_password_change_on_a_2fa_account_needs_a_code(client, account_factory) -> None:
    account = await account_factory(two_factor=True)
    change = {
        "password": "granite walrus tempo 93 lantern fig",
        "current_password": account.password,
    }
    without = await client.patch("/v1/users/me", json=change, headers=account.headers)
    assert error_codes(await body_of(without)) == ["AUTH_2FA_REQUIRED"]
    wrong = await client.patch(
        "/v1/users/me", json={**change, "otp_code": "000000"}, headers=account.headers
    )
    assert error_codes(await body_of(wrong)) == ["AUTH_2FA_INVALID"]
    changed = await client.patch(
        "/v1/users/me",
        json={**change, "otp_code": account.next_totp_code()},
        headers=account.headers,
    )
    assert changed.status_code == 200
    [refusal] = [
        event for event in await audit_events("password_changed") if event.outcome == "failure"
    ]
    assert refusal.details == {"reason": "second_factor_invalid"}
