"""The roles an account can hold, from least to most privileged."""

from enum import StrEnum


class Role(StrEnum):
    USER = "user"
    ADMIN = "admin"
    SUPER_ADMIN = "super_admin"

    @property
    def rank(self) -> int:
        return list(Role).index(self)

    @property
    def is_admin(self) -> bool:
        return self is not Role.USER


ADMIN_ROLES = (Role.ADMIN, Role.SUPER_ADMIN)
