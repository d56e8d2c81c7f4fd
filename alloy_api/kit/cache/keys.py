"""What a cached value is called, in the cache and on the invalidation channel."""

from dataclasses import dataclass, field
from enum import StrEnum

KEY_PREFIX = "alloy"
DATA_PREFIX = f"{KEY_PREFIX}:data"
KEY_SCHEMA = "v1"
EPOCH_KEY = f"{KEY_PREFIX}:epoch"
"""Every data key carries the epoch: moving it on retires everything cached before at once."""
GENERATION_NAME = "generation"
LEASE_MARKER = b"~lease:"
INVALIDATION_CHANNEL = f"{KEY_PREFIX}:invalidations"
EPOCH_MESSAGE = b"epoch"


class Lifetime(StrEnum):
    """Which TTL setting a cached value lives by."""

    RESOURCE = "cache_resource_ttl_seconds"
    LIST = "cache_list_ttl_seconds"
    AUTH = "cache_auth_ttl_seconds"


@dataclass(frozen=True, slots=True)
class CacheKey:
    """A cached value: `namespace` groups it (metrics, flush, stats), `name` identifies it.

    `generations` names the namespaces whose generation counters the key includes: moving one
    on (`invalidate(namespaces=...)`) retires every key that includes it at once.
    """

    namespace: str
    name: str
    lifetime: Lifetime = Lifetime.RESOURCE
    generations: tuple[str, ...] = field(default=())
    near: bool = False
    """Also kept in this process's memory (see `NearCache`); only for keys without generations."""

    @property
    def base(self) -> str:
        """The key without its epoch and generations: what invalidations and near copies name."""
        return f"{self.namespace}:{KEY_SCHEMA}:{self.name}"

    @property
    def epoch_prefix(self) -> str:
        """The storage key up to its epoch; `storage_key` shows the rest."""
        return f"{DATA_PREFIX}:{self.namespace}:{KEY_SCHEMA}:e"

    @property
    def epoch_suffix(self) -> str:
        return f":{self.name}"

    def storage_key(self, epoch: int | str, generations: str = "") -> str:
        versions = f"@{generations}" if self.generations else ""
        return f"{self.epoch_prefix}{epoch}{self.epoch_suffix}{versions}"


def generation_key(namespace: str) -> str:
    return f"{DATA_PREFIX}:{namespace}:{GENERATION_NAME}"


def is_lease(raw: bytes) -> bool:
    return raw.startswith(LEASE_MARKER)
