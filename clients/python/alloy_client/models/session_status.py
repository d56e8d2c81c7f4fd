from enum import StrEnum

class SessionStatus(StrEnum):
    COMPLETED = "completed"
    PLANNED = "planned"

    def __str__(self) -> str:
        return str(self.value)
