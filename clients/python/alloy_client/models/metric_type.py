from enum import StrEnum

class MetricType(StrEnum):
    DISTANCE = "distance"
    DURATION = "duration"
    REPS = "reps"

    def __str__(self) -> str:
        return str(self.value)
