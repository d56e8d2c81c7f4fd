from typing import Any

from tortoise import fields
from tortoise.models import Model

from alloy_api.kit.ids import new_id


class ScoringConfigVersion(Model):
    """One version of the scoring config; a partial unique index allows one active version.

    The index lives in the migration (aerich does not write partial indexes).
    """

    id = fields.UUIDField(primary_key=True, default=new_id)
    version = fields.IntField(unique=True)
    weights: fields.Field[dict[str, float]] = fields.JSONField()
    set_rep_ranges: fields.Field[dict[str, Any]] = fields.JSONField()
    is_active = fields.BooleanField(default=False)
    author = fields.CharField(max_length=200)
    author_id = fields.UUIDField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "scoring_config_version"
