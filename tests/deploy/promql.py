"""The metric names a PromQL expression reads, and the names a /metrics exposition offers."""

import re

from prometheus_client.parser import text_string_to_metric_families

QUOTED = re.compile(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|`[^`]*`')
LABEL_MATCHERS = re.compile(r"\{[^{}]*\}")
RANGES = re.compile(r"\[[^\[\]]*\]")
GROUPING = re.compile(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^()]*\)")
GRAFANA_VARIABLES = re.compile(r"\$\{?\w+\}?")
OFFSETS = re.compile(r"\boffset\s+-?\w+")
IDENTIFIER = re.compile(r"(?<![\w:.])([A-Za-z_:][\w:]*)(?![\w:])(?!\s*\()")
KEYWORDS = frozenset(
    {"and", "or", "unless", "bool", "inf", "nan", "offset", "by", "without", "on", "ignoring"}
    | {"group_left", "group_right"}
)
SUFFIXES_BY_TYPE = {
    "counter": ("_total", "_created"),
    "histogram": ("_bucket", "_count", "_sum", "_created"),
    "summary": ("", "_count", "_sum", "_created"),
    "gauge": ("",),
    "info": ("_info",),
}


def metric_names(expression: str) -> set[str]:
    text = QUOTED.sub('""', expression)
    for pattern in (LABEL_MATCHERS, RANGES, GROUPING, OFFSETS, GRAFANA_VARIABLES):
        text = pattern.sub(" ", text)
    return {name for name in IDENTIFIER.findall(text) if name.lower() not in KEYWORDS}


def exported_names(exposition: str) -> set[str]:
    """Every sample name the exposition's families stand for, whether or not they have samples
    yet (a labelled counter shows only its HELP and TYPE until it is first incremented)."""
    names = set()
    for family in text_string_to_metric_families(exposition):
        for suffix in SUFFIXES_BY_TYPE.get(family.type, ("",)):
            names.add(family.name + suffix)
    return names
