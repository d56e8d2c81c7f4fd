"""Alert rules, dashboard and autoscaling metric name only series Alloy exports; every alert has
its runbook section."""

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from alloy_cli.synthetic import STEP_DURATION_METRIC, STEP_SUCCESS_METRIC
from tests.deploy.promql import exported_names, metric_names
from tests.library_support import seed_everything
from tests.programs.support import program_body

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PROMETHEUS_DIR = PROJECT_ROOT / "deploy" / "prometheus"
RULES = PROMETHEUS_DIR / "alloy-rules.yml"
DASHBOARD = PROJECT_ROOT / "deploy" / "grafana" / "alloy-dashboard.json"
RUNBOOK = PROJECT_ROOT / "docs" / "RUNBOOK.md"
HPA = PROJECT_ROOT / "deploy" / "k8s" / "hpa.yaml"
ADAPTER_RULES = PROMETHEUS_DIR / "adapter-rules.yaml"
PROMETHEUS_OWN = {"up"}
SYNTHETIC_TEXTFILE = {STEP_DURATION_METRIC, STEP_SUCCESS_METRIC}
LABEL_VALUES = re.compile(r"label_values\(([^,]+),")
RUNBOOK_ANCHOR = re.compile(r"docs/RUNBOOK\.md#([a-z0-9-]+)$")
GRAFANA_SUBSTITUTES = {"$__rate_interval": "5m", "$route": ".+"}


def rule_groups() -> list[dict[str, Any]]:
    return yaml.safe_load(RULES.read_text(encoding="utf-8"))["groups"]


def alerts() -> list[dict[str, Any]]:
    return [rule for group in rule_groups() for rule in group["rules"] if "alert" in rule]


def recorded() -> set[str]:
    return {
        rule["record"] for group in rule_groups() for rule in group["rules"] if "record" in rule
    }


def dashboard_queries() -> list[str]:
    dashboard = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    queries = [
        target["expr"] for panel in dashboard["panels"] for target in panel.get("targets", [])
    ]
    for variable in dashboard["templating"]["list"]:
        if variable["type"] == "query":
            queries += LABEL_VALUES.findall(variable["definition"])
    return queries


@pytest.fixture
async def live_metrics(client, user_account) -> set[str]:
    """The names /metrics offers after reads, a generation, a 404 and a readiness check."""
    await seed_everything()
    headers = user_account.headers
    assert (await client.get("/health/ready")).status_code == 200
    assert (await client.get("/v1/movements?limit=5", headers=headers)).status_code == 200
    created = await client.post("/v1/programs", json=program_body(), headers=headers)
    assert created.status_code == 201
    assert (await client.get("/v1/no/such/route")).status_code == 404
    response = await client.get("/metrics")
    return exported_names((await response.get_data()).decode())


async def test_dashboard_queries_name_only_exported_metrics(live_metrics: set[str]) -> None:
    queries = dashboard_queries()
    assert len(queries) >= 20
    named = set().union(*(metric_names(query) for query in queries))
    assert "http_server_request_duration_seconds_bucket" in named
    assert named - live_metrics == set()


async def test_alert_rules_name_only_exported_or_recorded_metrics(live_metrics: set[str]) -> None:
    named = set().union(
        *(metric_names(rule["expr"]) for group in rule_groups() for rule in group["rules"])
    )
    allowed = live_metrics | recorded() | PROMETHEUS_OWN | SYNTHETIC_TEXTFILE
    assert "alloy_redis_circuit_open" in named
    assert named - allowed == set()


async def test_the_autoscaler_metric_comes_from_an_exported_series(live_metrics: set[str]) -> None:
    [rule] = yaml.safe_load(ADAPTER_RULES.read_text(encoding="utf-8"))["rules"]
    hpa = yaml.safe_load(HPA.read_text(encoding="utf-8"))
    [pods_metric] = [metric for metric in hpa["spec"]["metrics"] if metric["type"] == "Pods"]
    assert pods_metric["pods"]["metric"]["name"] == rule["name"]["as"]
    assert metric_names(rule["seriesQuery"]) <= live_metrics


def test_every_alert_links_its_runbook_section_and_every_section_has_its_alert() -> None:
    headings = re.findall(r"^## (Alloy\w+)$", RUNBOOK.read_text(encoding="utf-8"), re.MULTILINE)
    names = [alert["alert"] for alert in alerts()]
    assert sorted(headings) == sorted(names)
    for alert in alerts():
        anchor = RUNBOOK_ANCHOR.match(alert["annotations"]["runbook_url"])
        assert anchor is not None and anchor.group(1) == alert["alert"].lower()
        assert alert["labels"]["severity"] in {"critical", "warning"}


def test_every_alert_has_a_firing_unit_test() -> None:
    tests = yaml.safe_load((PROMETHEUS_DIR / "alloy-rules.test.yml").read_text(encoding="utf-8"))
    fired = {
        case["alertname"]
        for test in tests["tests"]
        for case in test.get("alert_rule_test", [])
        if case["exp_alerts"]
    }
    assert fired == {alert["alert"] for alert in alerts()}


@pytest.mark.skipif(
    shutil.which("promtool") is None, reason="deploy/prometheus/check.sh installs it"
)
def test_dashboard_queries_are_valid_promql(tmp_path: Path) -> None:
    rules = []
    for number, query in enumerate(q for q in dashboard_queries() if "label_values" not in q):
        for variable, value in GRAFANA_SUBSTITUTES.items():
            query = query.replace(variable, value)
        rules.append({"record": f"dashboard:query_{number}", "expr": query})
    rules_file = tmp_path / "dashboard-queries.yml"
    rules_file.write_text(yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}))
    checked = subprocess.run(
        ["promtool", "check", "rules", str(rules_file)], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize(
    ("expression", "names"),
    [
        ('sum by (le) (rate(a_bucket{route=~"/v1/.+",le="0.25"}[5m]))', {"a_bucket"}),
        ("1 - (x:ratio_rate5m > (14.4 * 0.01) and on (job) y offset 1h)", {"x:ratio_rate5m", "y"}),
        ('histogram_quantile(0.99, sum by (le) (rate(b{a="x y"}[$__rate_interval])))', {"b"}),
        ("count by (check) (c == 0) / ignoring(check) group_left d", {"c", "d"}),
    ],
)
def test_metric_names_are_read_from_promql(expression: str, names: set[str]) -> None:
    assert metric_names(expression) == names
