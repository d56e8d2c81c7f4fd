from enum import StrEnum

class ProgressionStyle(StrEnum):
    DOUBLE_PROGRESSION = "double_progression"
    LINEAR = "linear"
    UNDULATING = "undulating"

    def __str__(self) -> str:
        return str(self.value)
