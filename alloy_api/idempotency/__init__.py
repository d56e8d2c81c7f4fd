"""`Idempotency-Key` on POST, kept in the primary database with the write it guards."""
