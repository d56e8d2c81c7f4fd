from tortoise import fields
from tortoise.models import Model

from alloy_api.kit.ids import new_id


class IdempotencyKey(Model):
    """The outcome of the first POST a user sent with a key, replayed for the same request."""

    id = fields.UUIDField(primary_key=True, default=new_id)
    user_id = fields.UUIDField()
    method = fields.CharField(max_length=8)
    route = fields.CharField(max_length=255, description="the route template, not the path")
    key = fields.CharField(max_length=255)
    fingerprint = fields.CharField(max_length=64, description="SHA-256 of path, query and body")
    status = fields.SmallIntField()
    headers = fields.JSONField(default=dict)
    body = fields.BinaryField()
    created_at = fields.DatetimeField(auto_now_add=True, db_index=True)

    class Meta:
        table = "idempotency_keys"
        unique_together = (("user_id", "method", "route", "key"),)
