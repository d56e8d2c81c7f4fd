from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.audit_event_response_details import AuditEventResponseDetails





T = TypeVar("T", bound="AuditEventResponse")



@_attrs_define
class AuditEventResponse:
    """ 
        Attributes:
            id (str):
            action (str):
            outcome (str):
            actor_id (None | str):
            actor (str):
            target_type (None | str):
            target_id (None | str):
            ip (None | str):
            user_agent (None | str):
            request_id (None | str):
            details (AuditEventResponseDetails):
            created_at (datetime.datetime):  Example: 2026-11-26T02:20:11.123Z.
     """

    id: str
    action: str
    outcome: str
    actor_id: None | str
    actor: str
    target_type: None | str
    target_id: None | str
    ip: None | str
    user_agent: None | str
    request_id: None | str
    details: AuditEventResponseDetails
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_event_response_details import AuditEventResponseDetails # noqa: PLC0415
        id = self.id

        action = self.action

        outcome = self.outcome

        actor_id: None | str
        actor_id = self.actor_id

        actor = self.actor

        target_type: None | str
        target_type = self.target_type

        target_id: None | str
        target_id = self.target_id

        ip: None | str
        ip = self.ip

        user_agent: None | str
        user_agent = self.user_agent

        request_id: None | str
        request_id = self.request_id

        details = self.details.to_dict()

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "action": action,
            "outcome": outcome,
            "actor_id": actor_id,
            "actor": actor,
            "target_type": target_type,
            "target_id": target_id,
            "ip": ip,
            "user_agent": user_agent,
            "request_id": request_id,
            "details": details,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_event_response_details import AuditEventResponseDetails # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        action = d.pop("action")

        outcome = d.pop("outcome")

        def _parse_actor_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_id = _parse_actor_id(d.pop("actor_id"))


        actor = d.pop("actor")

        def _parse_target_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target_type = _parse_target_type(d.pop("target_type"))


        def _parse_target_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target_id = _parse_target_id(d.pop("target_id"))


        def _parse_ip(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ip = _parse_ip(d.pop("ip"))


        def _parse_user_agent(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        user_agent = _parse_user_agent(d.pop("user_agent"))


        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))


        details = AuditEventResponseDetails.from_dict(d.pop("details"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        audit_event_response = cls(
            id=id,
            action=action,
            outcome=outcome,
            actor_id=actor_id,
            actor=actor,
            target_type=target_type,
            target_id=target_id,
            ip=ip,
            user_agent=user_agent,
            request_id=request_id,
            details=details,
            created_at=created_at,
        )


        audit_event_response.additional_properties = d
        return audit_event_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
