"""Fault drills: a private PostgreSQL and Redis, `alloy serve --workers 2` on them, a load with a
client-side ledger, one fault per drill, and the ledger reconciled with the database.

    python -m loadtests.drills [--short|--long] [--only NAME ...] [--markdown FILE]

docs/RELIABILITY.md describes each drill, its criteria and how to read the table.
"""
