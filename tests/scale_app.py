"""`tests.scale_app:app`: the probe app for tests that run real server processes."""

from tests.scale_probes import create_probe_app

app = create_probe_app()
