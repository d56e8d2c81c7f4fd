"""The API contract, written once: envelope, errors, ids, time, headers and logging."""
