"""Locust scenarios, thresholds and the bare reference app. Run through `alloy loadtest`."""
