from enum import StrEnum

class SessionType(StrEnum):
    CONDITIONING = "conditioning"
    FULL_BODY = "full_body"
    LEGS = "legs"
    LOWER = "lower"
    PULL = "pull"
    PUSH = "push"
    RECOVERY = "recovery"
    UPPER = "upper"

    def __str__(self) -> str:
        return str(self.value)
