"""The rate-limit policy classes and the markers that put a route in one (or exempt it)."""

from collections.abc import Callable
from enum import StrEnum
from typing import Any, TypeVar

from quart import Blueprint

RouteT = TypeVar("RouteT", bound=Callable[..., Any])
RATE_CLASS_ATTRIBUTE = "_alloy_rate_class"
EXEMPT_ATTRIBUTE = "_alloy_rate_exempt"


class RateClass(StrEnum):
    AUTH = "auth"
    WRITE = "write"
    GENERATE = "generate"
    READ = "read"


def rate_exempt(route: RouteT) -> RouteT:
    """Take a route out of rate limiting (operational routes only)."""
    setattr(route, EXEMPT_ATTRIBUTE, True)
    return route


def limited(rate_class: RateClass) -> Callable[[RouteT], RouteT]:
    """Put a route in a policy class (placed under the route decorator)."""

    def decorator(route: RouteT) -> RouteT:
        setattr(route, RATE_CLASS_ATTRIBUTE, rate_class)
        return route

    return decorator


def limit_blueprint_class(blueprint: Blueprint, rate_class: RateClass) -> Blueprint:
    """The policy class of every route of `blueprint` that does not name its own."""
    setattr(blueprint, RATE_CLASS_ATTRIBUTE, rate_class)
    return blueprint
