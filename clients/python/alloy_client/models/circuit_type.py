from enum import StrEnum

class CircuitType(StrEnum):
    AMRAP = "amrap"
    CHIPPER = "chipper"
    EMOM = "emom"
    LADDER = "ladder"
    ROUNDS_FOR_TIME = "rounds_for_time"
    STATION = "station"
    TABATA = "tabata"

    def __str__(self) -> str:
        return str(self.value)
