from tortoise import fields
from tortoise.models import Model

from alloy_api.auth.roles import Role
from alloy_api.kit.ids import new_id


class User(Model):
    id = fields.UUIDField(primary_key=True, default=new_id)
    email = fields.CharField(max_length=320, unique=True, description="stored lower-cased")
    name = fields.CharField(max_length=200)
    password_hash = fields.CharField(max_length=255)
    role = fields.CharEnumField(Role, max_length=20, default=Role.USER)
    is_active = fields.BooleanField(default=True)
    token_version = fields.IntField(default=1)
    totp_secret_encrypted = fields.CharField(max_length=255, null=True)
    totp_enabled_at = fields.DatetimeField(null=True)
    totp_last_used_step = fields.BigIntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "users"
        indexes = (
            ("created_at", "id"),
            ("role", "created_at", "id"),
            ("role", "email", "id"),
        )

    @property
    def two_factor_enabled(self) -> bool:
        return self.totp_enabled_at is not None


class RefreshToken(Model):
    id = fields.UUIDField(primary_key=True, default=new_id)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="refresh_tokens", on_delete=fields.CASCADE
    )
    token_hash = fields.CharField(max_length=64, unique=True)
    family_id = fields.UUIDField(db_index=True)
    family_started_at = fields.DatetimeField(description="when the family's login happened")
    parent_id = fields.UUIDField(null=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)
    user_agent = fields.CharField(max_length=512, null=True)
    ip = fields.CharField(max_length=64, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    user_id: str

    class Meta:
        table = "refresh_tokens"
        indexes = (("user_id", "revoked_at"),)


class RecoveryCode(Model):
    id = fields.UUIDField(primary_key=True, default=new_id)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="recovery_codes", on_delete=fields.CASCADE
    )
    code_hash = fields.CharField(max_length=64)
    used_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    user_id: str

    class Meta:
        table = "recovery_codes"
        unique_together = (("user", "code_hash"),)
