"""Database wiring: Tortoise configuration, lifecycle and migrations."""
