"""The pipelined script client against a Redis server of the test's own: replies in order under
concurrency, NOSCRIPT answered by loading the script, timeouts, lost connections, reconnects."""

import asyncio

import pytest
import redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

from alloy_api.kit.resp import RespClient, Script, encode_command
from tests.faults import PrivateRedis

ECHO = Script("return {KEYS[1], ARGV[1], tonumber(ARGV[2]) + 1}")
INCREMENT = Script("return redis.call('INCRBY', KEYS[1], ARGV[1])")
FAILING = Script("return redis.error_reply('ALLOY nope')")
TIMEOUT_SECONDS = 0.3


@pytest.fixture
async def resp(private_redis: PrivateRedis):
    client = RespClient(private_redis.url, TIMEOUT_SECONDS)
    try:
        yield client
    finally:
        await client.close()


def test_a_command_is_encoded_as_a_resp_array_of_bulk_strings() -> None:
    encoded = encode_command(("SET", b"k\r\n", 12))
    assert encoded == b"*3\r\n$3\r\nSET\r\n$3\r\nk\r\n\r\n$2\r\n12\r\n"


async def test_a_script_unknown_to_redis_is_loaded_and_then_sent_by_its_sha(
    resp, private_redis
) -> None:
    assert await resp.run_script(ECHO, ["key"], ["value", 41]) == [b"key", b"value", 42]
    assert private_redis.client().script_exists(ECHO.sha.decode()) == [True]
    private_redis.client().script_flush()
    assert await resp.run_script(ECHO, ["again"], [b"raw", 1]) == [b"again", b"raw", 2]


async def test_concurrent_calls_on_one_connection_each_get_their_own_reply(resp) -> None:
    replies = await asyncio.gather(
        *(resp.run_script(ECHO, [f"key-{index}"], ["v", index]) for index in range(300))
    )
    assert replies == [[f"key-{index}".encode(), b"v", index + 1] for index in range(300)]
    assert await resp.execute("CLIENT", "INFO") is not None
    clients = await resp.execute("CLIENT", "LIST")
    assert clients.count(b"cmd=client") == 1


async def test_an_error_reply_is_raised_and_the_connection_stays_usable(resp) -> None:
    with pytest.raises(ResponseError, match="ALLOY nope"):
        await resp.run_script(FAILING, [], [])
    assert await resp.run_script(INCREMENT, ["counter"], [5]) == 5


async def test_the_database_of_the_url_is_selected(private_redis) -> None:
    client = RespClient(private_redis.url.replace("/0", "/3"), TIMEOUT_SECONDS)
    try:
        await client.run_script(INCREMENT, ["in-three"], [1])
    finally:
        await client.close()
    assert private_redis.client().get("in-three") is None
    assert redis.Redis(port=private_redis.port, db=3).get("in-three") == b"1"


async def test_a_frozen_redis_times_out_every_waiting_call_and_the_next_call_reconnects(
    resp, private_redis
) -> None:
    assert await resp.run_script(INCREMENT, ["counter"], [1]) == 1
    private_redis.freeze()
    try:
        results = await asyncio.gather(
            *(resp.run_script(INCREMENT, ["counter"], [1]) for _ in range(5)),
            return_exceptions=True,
        )
    finally:
        private_redis.thaw()
    assert all(isinstance(result, RedisTimeoutError) for result in results)
    assert await resp.run_script(INCREMENT, ["counter"], [100]) >= 101


async def test_a_restarted_redis_is_reached_again_without_a_failed_call(
    resp, private_redis
) -> None:
    assert await resp.run_script(INCREMENT, ["counter"], [1]) == 1
    private_redis.restart_empty()
    assert await resp.run_script(INCREMENT, ["counter"], [1]) == 1


async def test_a_stopped_redis_fails_the_call_as_a_connection_error(resp, private_redis) -> None:
    private_redis.kill()
    with pytest.raises(RedisConnectionError):
        await resp.run_script(INCREMENT, ["counter"], [1])
