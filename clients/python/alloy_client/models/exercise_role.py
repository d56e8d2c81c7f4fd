from enum import StrEnum

class ExerciseRole(StrEnum):
    ACCESSORY = "accessory"
    COOLDOWN = "cooldown"
    FINISHER = "finisher"
    MAIN = "main"
    WARMUP = "warmup"

    def __str__(self) -> str:
        return str(self.value)
