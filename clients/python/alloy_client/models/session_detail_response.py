from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.movement_pattern import MovementPattern
from ..models.session_status import SessionStatus
from ..models.session_type import SessionType
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.exercise_response import ExerciseResponse





T = TypeVar("T", bound="SessionDetailResponse")



@_attrs_define
class SessionDetailResponse:
    """ 
        Attributes:
            id (UUID):
            program_id (UUID):
            microcycle_id (UUID):
            date (datetime.date):
            day_number (int):
            session_type (SessionType):
            intent_patterns (list[MovementPattern]):
            status (SessionStatus):
            estimated_minutes (int):
            main_circuit_id (None | UUID):
            finisher_circuit_id (None | UUID):
            notes (None | str):
            exercises (list[ExerciseResponse]):
     """

    id: UUID
    program_id: UUID
    microcycle_id: UUID
    date: datetime.date
    day_number: int
    session_type: SessionType
    intent_patterns: list[MovementPattern]
    status: SessionStatus
    estimated_minutes: int
    main_circuit_id: None | UUID
    finisher_circuit_id: None | UUID
    notes: None | str
    exercises: list[ExerciseResponse]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.exercise_response import ExerciseResponse # noqa: PLC0415
        id = str(self.id)

        program_id = str(self.program_id)

        microcycle_id = str(self.microcycle_id)

        date = self.date.isoformat()

        day_number = self.day_number

        session_type = self.session_type.value

        intent_patterns = []
        for intent_patterns_item_data in self.intent_patterns:
            intent_patterns_item = intent_patterns_item_data.value
            intent_patterns.append(intent_patterns_item)



        status = self.status.value

        estimated_minutes = self.estimated_minutes

        main_circuit_id: None | str
        if isinstance(self.main_circuit_id, UUID):
            main_circuit_id = str(self.main_circuit_id)
        else:
            main_circuit_id = self.main_circuit_id

        finisher_circuit_id: None | str
        if isinstance(self.finisher_circuit_id, UUID):
            finisher_circuit_id = str(self.finisher_circuit_id)
        else:
            finisher_circuit_id = self.finisher_circuit_id

        notes: None | str
        notes = self.notes

        exercises = []
        for exercises_item_data in self.exercises:
            exercises_item = exercises_item_data.to_dict()
            exercises.append(exercises_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "program_id": program_id,
            "microcycle_id": microcycle_id,
            "date": date,
            "day_number": day_number,
            "session_type": session_type,
            "intent_patterns": intent_patterns,
            "status": status,
            "estimated_minutes": estimated_minutes,
            "main_circuit_id": main_circuit_id,
            "finisher_circuit_id": finisher_circuit_id,
            "notes": notes,
            "exercises": exercises,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exercise_response import ExerciseResponse # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        program_id = UUID(d.pop("program_id"))




        microcycle_id = UUID(d.pop("microcycle_id"))




        date = datetime.date.fromisoformat(d.pop("date"))




        day_number = d.pop("day_number")

        session_type = SessionType(d.pop("session_type"))




        intent_patterns = []
        _intent_patterns = d.pop("intent_patterns")
        for intent_patterns_item_data in (_intent_patterns):
            intent_patterns_item = MovementPattern(intent_patterns_item_data)



            intent_patterns.append(intent_patterns_item)


        status = SessionStatus(d.pop("status"))




        estimated_minutes = d.pop("estimated_minutes")

        def _parse_main_circuit_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                main_circuit_id_type_0 = UUID(data)



                return main_circuit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        main_circuit_id = _parse_main_circuit_id(d.pop("main_circuit_id"))


        def _parse_finisher_circuit_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finisher_circuit_id_type_0 = UUID(data)



                return finisher_circuit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        finisher_circuit_id = _parse_finisher_circuit_id(d.pop("finisher_circuit_id"))


        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))


        exercises = []
        _exercises = d.pop("exercises")
        for exercises_item_data in (_exercises):
            exercises_item = ExerciseResponse.from_dict(exercises_item_data)



            exercises.append(exercises_item)


        session_detail_response = cls(
            id=id,
            program_id=program_id,
            microcycle_id=microcycle_id,
            date=date,
            day_number=day_number,
            session_type=session_type,
            intent_patterns=intent_patterns,
            status=status,
            estimated_minutes=estimated_minutes,
            main_circuit_id=main_circuit_id,
            finisher_circuit_id=finisher_circuit_id,
            notes=notes,
            exercises=exercises,
        )


        session_detail_response.additional_properties = d
        return session_detail_response

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
