from http import HTTPStatus

from quart import Blueprint, Response

from alloy_api.audit.schemas import AuditEventQuery, AuditEventResponse
from alloy_api.audit.service import list_events
from alloy_api.auth.dependencies import require_role
from alloy_api.auth.roles import ADMIN_ROLES
from alloy_api.kit.envelope import respond
from alloy_api.kit.openapi import responds
from alloy_api.kit.pagination import Page
from alloy_api.kit.validation import validate_query

blueprint = Blueprint("audit_events", __name__, url_prefix="/v1/admin/audit_events")


@blueprint.get("")
@require_role(*ADMIN_ROLES)
@validate_query(AuditEventQuery)
@responds(
    Page[AuditEventResponse],
    errors=[HTTPStatus.BAD_REQUEST, HTTPStatus.UNAUTHORIZED, HTTPStatus.FORBIDDEN],
)
async def list_audit_events(query_args: AuditEventQuery) -> Response:
    """List audit events

    Security and admin events, filtered by action, actor and time
    (`since`); cursor-paginated. Admins with 2FA only.
    """
    page = await list_events(query_args)
    return respond(page.map(AuditEventResponse.from_model))
