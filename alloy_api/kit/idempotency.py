"""`Idempotency-Key` on POST: the first outcome is kept 24 h and replayed for the same request.

The key is scoped by the caller (user, or client address when anonymous). Claiming a key is one
atomic step, so two concurrent requests with the same key never both run: the second gets 409
`CF_IDEMPOTENCY_KEY_IN_PROGRESS` until the first finishes. Business outcomes (2xx, 4xx) are kept;
a 5xx releases the key so that a retry runs again.
"""

import hashlib
import re
import time
from typing import Any

import orjson
from loguru import logger
from quart import Quart, Response, g, request
from redis.asyncio import Redis
from redis.exceptions import RedisError

from alloy_api.kit.client import client_identity
from alloy_api.kit.errors import ConflictError, ErrorCode, FieldValidationError
from alloy_api.kit.ids import new_id_str
from alloy_api.settings import Settings

IDEMPOTENCY_HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
REPLAYED_RESPONSE_HEADERS = ("Content-Type", "Location", "ETag", "Deprecation", "Sunset", "Link")
SAFE_KEY = re.compile(r"[\x21-\x7e]{1,255}")
KEY_PREFIX = "alloy:idem"
IN_PROGRESS_RETRY_AFTER_SECONDS = 1
MILLISECONDS = 1000
PENDING = "pending"
DONE = "done"
RECORD_SEPARATOR = b"\n"
MEMORY_SWEEP_EVERY = 1024

CLAIM_SCRIPT = """
local held = redis.call('GET', KEYS[1])
if held then return held end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return false
"""
REPLACE_SCRIPT = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[2] == '' then redis.call('DEL', KEYS[1]) return 1 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1
"""


class MemoryIdempotencyStore:
    """One process's keys. No method awaits, so claims never interleave."""

    def __init__(self) -> None:
        self._records: dict[str, tuple[bytes, float]] = {}
        self._claims = 0

    def _sweep(self) -> None:
        now = time.monotonic()
        expired = [key for key, (_, expires_at) in self._records.items() if expires_at <= now]
        for key in expired:
            del self._records[key]

    def _live(self, key: str) -> bytes | None:
        held = self._records.get(key)
        if held is None:
            return None
        if held[1] <= time.monotonic():
            del self._records[key]
            return None
        return held[0]

    async def claim(self, key: str, pending: bytes, lock_ms: int) -> bytes | None:
        self._claims += 1
        if self._claims % MEMORY_SWEEP_EVERY == 0:
            self._sweep()
        held = self._live(key)
        if held is not None:
            return held
        self._records[key] = (pending, time.monotonic() + lock_ms / MILLISECONDS)
        return None

    async def replace(self, key: str, pending: bytes, record: bytes, ttl_ms: int) -> None:
        if self._live(key) != pending:
            return
        if record:
            self._records[key] = (record, time.monotonic() + ttl_ms / MILLISECONDS)
        else:
            del self._records[key]


class RedisIdempotencyStore:
    def __init__(self, client: Redis) -> None:
        self._claim = client.register_script(CLAIM_SCRIPT)
        self._replace = client.register_script(REPLACE_SCRIPT)

    async def claim(self, key: str, pending: bytes, lock_ms: int) -> bytes | None:
        return await self._claim(keys=[key], args=[pending, lock_ms])

    async def replace(self, key: str, pending: bytes, record: bytes, ttl_ms: int) -> None:
        await self._replace(keys=[key], args=[pending, record, ttl_ms])


IdempotencyStore = MemoryIdempotencyStore | RedisIdempotencyStore


def _encode(meta: dict[str, Any], body: bytes = b"") -> bytes:
    return orjson.dumps(meta) + RECORD_SEPARATOR + body


def _decode(record: bytes) -> tuple[dict[str, Any], bytes]:
    meta, _, body = record.partition(RECORD_SEPARATOR)
    return orjson.loads(meta), body


async def _fingerprint() -> str:
    digest = hashlib.sha256()
    digest.update(f"{request.method} {request.path}?{request.query_string.decode()}\n".encode())
    digest.update(await request.get_data(cache=True))
    return digest.hexdigest()


def _storage_key(idempotency_key: str) -> str:
    scoped = f"{client_identity()}\n{idempotency_key}".encode()
    return f"{KEY_PREFIX}:{hashlib.sha256(scoped).hexdigest()}"


def _replay(meta: dict[str, Any], body: bytes) -> Response:
    response = Response(body, meta["status"], meta["headers"])
    response.headers[REPLAYED_HEADER] = "true"
    return response


def _refuse(held_meta: dict[str, Any], fingerprint: str, idempotency_key: str) -> None:
    if held_meta["fingerprint"] != fingerprint:
        raise ConflictError(
            "This Idempotency-Key was already used with a different request",
            code=ErrorCode.CF_IDEMPOTENCY_KEY_REUSED,
            details={"idempotency_key": idempotency_key},
        )
    raise ConflictError(
        "A request with this Idempotency-Key is still being processed",
        code=ErrorCode.CF_IDEMPOTENCY_KEY_IN_PROGRESS,
        details={"idempotency_key": idempotency_key},
        headers={"Retry-After": str(IN_PROGRESS_RETRY_AFTER_SECONDS)},
    )


class Idempotency:
    def __init__(self, settings: Settings, store: IdempotencyStore) -> None:
        self.store = store
        self.lock_ms = int(settings.idempotency_lock_seconds * MILLISECONDS)
        self.ttl_ms = settings.idempotency_ttl_seconds * MILLISECONDS

    async def before_request(self) -> Response | None:
        idempotency_key = request.headers.get(IDEMPOTENCY_HEADER)
        if idempotency_key is None or request.method != "POST" or request.endpoint is None:
            return None
        if not SAFE_KEY.fullmatch(idempotency_key):
            raise FieldValidationError.single(
                "idempotency_key",
                "Idempotency-Key must be 1 to 255 visible ASCII characters",
                max_length=255,
            )
        fingerprint = await _fingerprint()
        storage_key = _storage_key(idempotency_key)
        pending = _encode({"state": PENDING, "fingerprint": fingerprint, "owner": new_id_str()})
        try:
            held = await self.store.claim(storage_key, pending, self.lock_ms)
        except (RedisError, OSError) as error:
            logger.warning("idempotency store unavailable, key ignored: {}", type(error).__name__)
            return None
        if held is None:
            g.idempotency_claim = (storage_key, pending)
            return None
        held_meta, held_body = _decode(held)
        if held_meta["state"] == DONE and held_meta["fingerprint"] == fingerprint:
            return _replay(held_meta, held_body)
        _refuse(held_meta, fingerprint, idempotency_key)
        return None

    async def after_request(self, response: Response) -> Response:
        claim = g.pop("idempotency_claim", None)
        if claim is None:
            return response
        storage_key, pending = claim
        record = b""
        if response.status_code < 500:
            pending_meta, _ = _decode(pending)
            headers = {
                name: response.headers[name]
                for name in REPLAYED_RESPONSE_HEADERS
                if name in response.headers
            }
            meta = {
                "state": DONE,
                "fingerprint": pending_meta["fingerprint"],
                "status": response.status_code,
                "headers": headers,
            }
            record = _encode(meta, await response.get_data())
        try:
            await self.store.replace(storage_key, pending, record, self.ttl_ms)
        except (RedisError, OSError) as error:
            logger.warning("idempotency store unavailable, outcome lost: {}", type(error).__name__)
        return response


def install_idempotency(app: Quart, settings: Settings, redis_client: Redis | None) -> Idempotency:
    store: IdempotencyStore = (
        MemoryIdempotencyStore() if redis_client is None else RedisIdempotencyStore(redis_client)
    )
    idempotency = Idempotency(settings, store)
    app.before_request(idempotency.before_request)
    app.after_request(idempotency.after_request)
    return idempotency
