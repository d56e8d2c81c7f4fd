from enum import StrEnum

class MicrocycleStatus(StrEnum):
    ACTIVE = "active"
    COMPLETE = "complete"
    PLANNED = "planned"

    def __str__(self) -> str:
        return str(self.value)
