from tortoise import fields
from tortoise.models import Model

from alloy_api.kit.ids import new_id

ACTION_MAX_LENGTH = 64


class AuditEvent(Model):
    id = fields.UUIDField(primary_key=True, default=new_id)
    action = fields.CharField(max_length=ACTION_MAX_LENGTH)
    outcome = fields.CharField(max_length=16)
    actor_id = fields.UUIDField(null=True)
    actor = fields.CharField(max_length=128, description="user:<id>, cli:<os user>, ...")
    target_type = fields.CharField(max_length=64, null=True)
    target_id = fields.CharField(max_length=128, null=True)
    ip = fields.CharField(max_length=64, null=True)
    user_agent = fields.CharField(max_length=512, null=True)
    request_id = fields.CharField(max_length=128, null=True)
    details = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "audit_events"
        indexes = (
            ("created_at", "id"),
            ("action", "created_at", "id"),
            ("actor_id", "created_at", "id"),
        )
