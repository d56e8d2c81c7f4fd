"""deploy/k8s: valid manifests, wired to Alloy's settings, probes and commands."""

import os
import re
import secrets
import shutil
import subprocess
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml
from typer.testing import CliRunner

from alloy_api.settings import InsecureConfigurationError, Settings
from alloy_cli.main import app as alloy_command

PROJECT_ROOT = Path(__file__).resolve().parents[2]
K8S_DIR = PROJECT_ROOT / "deploy" / "k8s"
KUSTOMIZATION = "kustomization.yaml"
SECRET_EXAMPLE = "secret.example.yaml"
OLDEST_KUBERNETES = "1.30.0"
SERVE_OPTIONS = {"PORT", "WEB_CONCURRENCY"}
POD_LABELS = {"app.kubernetes.io/name": "alloy", "app.kubernetes.io/component": "api"}


def manifest_paths() -> list[Path]:
    return sorted(path for path in K8S_DIR.glob("*.yaml") if path.name != KUSTOMIZATION)


def resources() -> dict[str, dict[str, Any]]:
    """Every resource by `Kind/name`."""
    found = {}
    for path in manifest_paths():
        for document in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            found[f"{document['kind']}/{document['metadata']['name']}"] = document
    return found


def pod_spec(resource: dict[str, Any]) -> dict[str, Any]:
    spec = resource["spec"]
    if resource["kind"] == "CronJob":
        spec = spec["jobTemplate"]["spec"]
    return spec["template"]["spec"]


def container_args(name: str) -> list[str]:
    [container] = pod_spec(resources()[name])["containers"]
    return container["args"]


@pytest.mark.parametrize("version", [OLDEST_KUBERNETES, kubernetes_validate.latest_version()])
@pytest.mark.parametrize("path", manifest_paths(), ids=lambda path: path.name)
def test_every_manifest_validates_strictly(path: Path, version: str) -> None:
    for document in yaml.safe_load_all(path.read_text(encoding="utf-8")):
        kubernetes_validate.validate(document, version, strict=True)


def test_the_kustomization_lists_every_manifest_but_the_secret_example() -> None:
    kustomization = yaml.safe_load((K8S_DIR / KUSTOMIZATION).read_text(encoding="utf-8"))
    listed = set(kustomization["resources"])
    assert listed == {path.name for path in manifest_paths()} - {SECRET_EXAMPLE}


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl renders the kustomization")
def test_the_kustomization_renders_valid_resources_with_one_image_tag() -> None:
    rendered = subprocess.run(
        ["kubectl", "kustomize", str(K8S_DIR)], capture_output=True, text=True, check=True
    ).stdout
    documents = list(yaml.safe_load_all(rendered))
    assert len(documents) == len(manifest_paths()) - 1
    images = set()
    for document in documents:
        kubernetes_validate.validate(document, OLDEST_KUBERNETES, strict=True)
        assert document["metadata"]["namespace"] == "alloy"
        if document["kind"] in {"Deployment", "Job", "CronJob"}:
            images |= {container["image"] for container in pod_spec(document)["containers"]}
    assert images == {"alloy:0.1.0"}


def config_values() -> dict[str, str]:
    config = resources()["ConfigMap/alloy-config"]["data"]
    secret = resources()["Secret/alloy"]["stringData"]
    return {**config, **secret}


def test_every_configured_variable_is_a_setting_alloy_reads() -> None:
    fields = {f"ALLOY_{name.upper()}" for name in Settings.model_fields}
    unknown = set(config_values()) - fields - SERVE_OPTIONS
    assert unknown == set()


def test_the_example_secret_is_refused_until_its_placeholders_are_replaced(monkeypatch) -> None:
    for name, value in config_values().items():
        monkeypatch.setenv(name, value)
    with pytest.raises(InsecureConfigurationError, match="ALLOY_SECRET_KEY"):
        Settings()
    monkeypatch.setenv("ALLOY_SECRET_KEY", secrets.token_urlsafe(48))
    settings = Settings()
    assert settings.is_production
    assert settings.database_replica_urls == [config_values()["ALLOY_DATABASE_REPLICA_URLS"]]
    assert settings.sentry_dsn is None


def test_probes_use_the_health_endpoints_on_the_served_port() -> None:
    deployment = resources()["Deployment/alloy-api"]
    [container] = pod_spec(deployment)["containers"]
    [port] = container["ports"]
    assert port["containerPort"] == int(config_values()["PORT"])
    assert container["livenessProbe"]["httpGet"] == {"path": "/health/live", "port": "http"}
    assert container["startupProbe"]["httpGet"] == {"path": "/health/live", "port": "http"}
    assert container["readinessProbe"]["httpGet"] == {"path": "/health/ready", "port": "http"}
    assert deployment["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    env_sources = {next(iter(source.values()))["name"] for source in container["envFrom"]}
    assert env_sources == {"alloy-config", "alloy"}


def test_service_budget_and_autoscaler_select_the_api_pods() -> None:
    found = resources()
    template_labels = found["Deployment/alloy-api"]["spec"]["template"]["metadata"]["labels"]
    assert template_labels == POD_LABELS
    assert found["Service/alloy-api"]["spec"]["selector"] == POD_LABELS
    assert found["PodDisruptionBudget/alloy-api"]["spec"]["selector"]["matchLabels"] == POD_LABELS
    autoscaler = found["HorizontalPodAutoscaler/alloy-api"]["spec"]
    assert autoscaler["scaleTargetRef"]["name"] == "alloy-api"
    assert {metric["type"] for metric in autoscaler["metrics"]} == {"Resource", "Pods"}
    assert autoscaler["minReplicas"] >= 2


@pytest.mark.parametrize(
    ("resource", "command"),
    [
        ("Deployment/alloy-api", ["alloy", "serve", "--host", "0.0.0.0"]),  # noqa: S104
        ("Job/alloy-migrate", ["alloy", "db", "upgrade"]),
        ("CronJob/alloy-maintenance", ["alloy", "maintenance", "run"]),
    ],
)
def test_each_workload_runs_an_alloy_command_that_exists(resource: str, command: list) -> None:
    args = container_args(resource)
    assert args == command
    result = CliRunner().invoke(alloy_command, [*args[1:], "--help"])
    assert result.exit_code == 0, result.output


FAKE_KUBECTL = """#!/usr/bin/env bash
echo "$*" >> "$FAKE_KUBECTL_LOG"
case "$*" in
  kustomize*) cat "$FAKE_RENDERED" ;;
  *" wait "*) exit "$FAKE_WAIT_STATUS" ;;
  *" apply -f "*)
    for last; do :; done
    [[ "$*" == *" -l "* ]] || cp "$last" "$FAKE_APPLIED" ;;
esac
"""


def run_rollout(tmp_path: Path, wait_status: int) -> tuple[subprocess.CompletedProcess, list]:
    """rollout.sh against a kubectl that records its calls: the order is what is tested."""
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    (fake_bin / "kubectl").write_text(FAKE_KUBECTL, encoding="utf-8")
    (fake_bin / "kubectl").chmod(0o755)
    rendered = tmp_path / "rendered.yaml"
    rendered.write_text("spec:\n  containers:\n    - image: alloy:0.1.0\n", encoding="utf-8")
    log = tmp_path / "kubectl.log"
    environment = {
        **os.environ,
        "PATH": f"{fake_bin}:{os.environ['PATH']}",
        "FAKE_KUBECTL_LOG": str(log),
        "FAKE_RENDERED": str(rendered),
        "FAKE_APPLIED": str(tmp_path / "applied.yaml"),
        "FAKE_WAIT_STATUS": str(wait_status),
    }
    completed = subprocess.run(
        [str(K8S_DIR / "rollout.sh"), "registry.example/alloy:1.2.3", "staging"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    calls = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return completed, [re.sub(r" /\S+", " FILE", call) for call in calls]


RELEASE_CALLS = [
    "kustomize .",
    "-n staging get secret alloy",
    "-n staging apply -f FILE -l app.kubernetes.io/component=config",
    "-n staging delete job alloy-migrate --ignore-not-found --wait=true",
    "-n staging apply -f FILE -l app.kubernetes.io/component=migration",
    "-n staging wait --for=condition=complete job/alloy-migrate --timeout=900s",
]


def test_rollout_migrates_to_completion_before_it_applies_the_api(tmp_path: Path) -> None:
    completed, calls = run_rollout(tmp_path, wait_status=0)
    assert completed.returncode == 0, completed.stderr
    assert calls == [
        *RELEASE_CALLS,
        "-n staging apply -f FILE",
        "-n staging rollout status deployment/alloy-api --timeout=10m",
    ]
    applied = (tmp_path / "applied.yaml").read_text(encoding="utf-8")
    assert "image: registry.example/alloy:1.2.3" in applied
    assert "alloy:0.1.0" not in applied


def test_a_failed_migration_stops_the_rollout_before_the_api_changes(tmp_path: Path) -> None:
    completed, calls = run_rollout(tmp_path, wait_status=1)
    assert completed.returncode == 1
    assert "migration did not complete" in completed.stderr
    assert calls == [*RELEASE_CALLS, "-n staging logs job/alloy-migrate --tail=50"]
    assert not (tmp_path / "applied.yaml").exists()
