from enum import StrEnum

class Discipline(StrEnum):
    BODYBUILDING = "bodybuilding"
    CALISTHENICS = "calisthenics"
    CROSSFIT = "crossfit"
    OLYMPIC_WEIGHTLIFTING = "olympic_weightlifting"
    OTHER = "other"
    POWERLIFTING = "powerlifting"
    RUNNING = "running"
    STRONGMAN = "strongman"
    YOGA = "yoga"

    def __str__(self) -> str:
        return str(self.value)
