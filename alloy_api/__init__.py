"""Alloy: a strength and conditioning program API."""

__version__ = "0.1.0"
