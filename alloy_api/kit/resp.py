"""The scripts on the hot path (rate limits, cache reads and writes, login throttles), sent over
one pipelined RESP connection per process, replies parsed by `hiredis.Reader`.

Written here rather than sent through redis-py: measured on the cached hot read, an `EVALSHA`
through redis-py's client cost ~200 µs of CPU a call (its pool, retry and timeout layers, a
task per `wait_for`), its raw `Connection` ~170 µs; this client writes the command to one
connection and waits on a future that `data_received` resolves in reply order, a few tens of
µs. redis-py stays for everything else (pub/sub, pings, scans, operations).

Every call is bounded by the command timeout. A timeout or a lost connection fails every call
waiting on that connection and drops it (a late reply would be read as another call's); the
next call connects again, and a call that failed because the connection was lost is sent once
more on a fresh one, as redis-py's pool does. Timeouts surface as `redis.exceptions`
errors, so `RedisLink` applies the same breaker policy to both clients.
"""

import asyncio
import hashlib
import ssl
from collections import deque
from typing import Any
from urllib.parse import unquote, urlsplit

import hiredis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import InvalidResponse, NoScriptError, ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

Arg = str | bytes | int | float
DEFAULT_PORT = 6379
NOSCRIPT = "NOSCRIPT"


class Script:
    """A Lua script, sent by its SHA1 and loaded again when Redis no longer has it."""

    __slots__ = ("sha", "source")

    def __init__(self, source: str) -> None:
        self.source = source.encode()
        self.sha = hashlib.sha1(self.source, usedforsecurity=False).hexdigest().encode()


def encode_command(args: tuple[Arg, ...]) -> bytes:
    parts = [b"*%d\r\n" % len(args)]
    for arg in args:
        if isinstance(arg, str):
            arg = arg.encode()
        elif not isinstance(arg, bytes):
            arg = repr(arg).encode()
        parts.append(b"$%d\r\n%s\r\n" % (len(arg), arg))
    return b"".join(parts)


class _Replies(asyncio.Protocol):
    """One connection: the futures of the commands sent, resolved in the order replies come."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.waiting: deque[asyncio.Future[Any]] = deque()
        self.reader = hiredis.Reader(protocolError=InvalidResponse, replyError=ResponseError)
        self.lost = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.reader.feed(data)
        waiting = self.waiting
        while waiting:
            try:
                reply = self.reader.gets()
            except InvalidResponse as error:
                self.drop(RedisConnectionError(f"unreadable reply from Redis: {error}"))
                return
            if reply is False:
                return
            future = waiting.popleft()
            if not future.done():
                future.set_result(reply)

    def connection_lost(self, exc: Exception | None) -> None:
        self.lost = True
        self._fail_waiting(RedisConnectionError("Redis closed the connection"))

    def send(self, command: bytes, loop: asyncio.AbstractEventLoop) -> asyncio.Future[Any]:
        future = loop.create_future()
        self.waiting.append(future)
        self.transport.write(command)  # type: ignore[union-attr]
        return future

    def drop(self, error: Exception) -> None:
        """Close the connection and fail every call still waiting on it with `error`."""
        self.lost = True
        self._fail_waiting(error)
        if self.transport is not None:
            self.transport.abort()

    def _fail_waiting(self, error: Exception) -> None:
        while self.waiting:
            future = self.waiting.popleft()
            if not future.done():
                future.set_exception(error)


class RespClient:
    def __init__(self, url: str, timeout_seconds: float) -> None:
        parts = urlsplit(url)
        self._host = parts.hostname or "127.0.0.1"
        self._port = parts.port or DEFAULT_PORT
        self._ssl = ssl.create_default_context() if parts.scheme == "rediss" else None
        self._setup = self._setup_commands(parts)
        self._timeout = timeout_seconds
        self._connection: _Replies | None = None
        self._connecting: asyncio.Task[_Replies] | None = None

    @staticmethod
    def _setup_commands(parts: Any) -> list[tuple[Arg, ...]]:
        commands: list[tuple[Arg, ...]] = []
        if parts.password is not None:
            username = unquote(parts.username) if parts.username else "default"
            commands.append(("AUTH", username, unquote(parts.password)))
        database = parts.path.lstrip("/")
        if database and database != "0":
            commands.append(("SELECT", int(database)))
        return commands

    async def run_script(self, script: Script, keys: list[Arg], args: list[Arg]) -> Any:
        """`EVALSHA`, or `EVAL` (which loads the script) when Redis answers NOSCRIPT."""
        reply = await self.execute("EVALSHA", script.sha, len(keys), *keys, *args)
        if isinstance(reply, ResponseError) and str(reply).startswith(NOSCRIPT):
            reply = await self.execute("EVAL", script.source, len(keys), *keys, *args)
        if isinstance(reply, ResponseError):
            if str(reply).startswith(NOSCRIPT):
                raise NoScriptError(str(reply))
            raise reply
        return reply

    async def execute(self, *command: Arg) -> Any:
        """The reply to `command` (an error reply is returned, not raised)."""
        encoded = encode_command(command)
        try:
            return await self._send(encoded)
        except RedisConnectionError:
            return await self._send(encoded)

    async def _send(self, encoded: bytes) -> Any:
        connection = self._connection
        if connection is None or connection.lost:
            connection = await self._connect()
        loop = asyncio.get_running_loop()
        future = connection.send(encoded, loop)
        timer = loop.call_later(self._timeout, self._time_out, connection)
        try:
            return await future
        finally:
            timer.cancel()

    def _time_out(self, connection: _Replies) -> None:
        connection.drop(RedisTimeoutError("Timeout reading from Redis"))

    async def _connect(self) -> _Replies:
        if self._connecting is None or self._connecting.done():
            self._connecting = asyncio.get_running_loop().create_task(self._open())
        return await asyncio.shield(self._connecting)

    async def _open(self) -> _Replies:
        loop = asyncio.get_running_loop()
        connection: _Replies | None = None
        try:
            async with asyncio.timeout(self._timeout):
                _, connection = await loop.create_connection(
                    _Replies, self._host, self._port, ssl=self._ssl
                )
                await self._set_up(connection, loop)
        except BaseException as error:
            if connection is not None:
                connection.drop(RedisConnectionError("the connection could not be set up"))
            if isinstance(error, TimeoutError):
                raise RedisTimeoutError("Timeout connecting to Redis") from error
            if isinstance(error, OSError):
                raise RedisConnectionError(f"cannot connect to Redis: {error}") from error
            raise
        self._connection = connection
        return connection

    async def _set_up(self, connection: _Replies, loop: asyncio.AbstractEventLoop) -> None:
        for command in self._setup:
            reply = await connection.send(encode_command(command), loop)
            if isinstance(reply, ResponseError):
                raise RedisConnectionError(f"Redis refused {command[0]}: {reply}")

    async def close(self) -> None:
        if self._connecting is not None and not self._connecting.done():
            self._connecting.cancel()
        if self._connection is not None:
            self._connection.drop(RedisConnectionError("the client was closed"))
            self._connection = None
