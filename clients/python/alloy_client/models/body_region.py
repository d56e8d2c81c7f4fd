from enum import StrEnum

class BodyRegion(StrEnum):
    CORE = "core"
    FULL_BODY = "full_body"
    LOWER = "lower"
    UPPER = "upper"

    def __str__(self) -> str:
        return str(self.value)
